import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.tsx'],
  // The accessibility panel runs axe on every story in the browser (contrast included, which
  // jsdom cannot judge); `packages/widgets/src/storiesRender.test.tsx` runs axe on every story in CI.
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
};
export default config;
