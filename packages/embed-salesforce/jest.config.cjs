// Jest for the component's unit tests, run from this folder (it holds sfdx-project.json):
// `pnpm --filter @kizuna/embed-salesforce test:lwc`, and from src/salesforcePackage.test.ts.
// The preset is CommonJS and resolves its transformer and stubs from its own dependencies.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads this file as CommonJS
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/dist/', '<rootDir>/src/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
