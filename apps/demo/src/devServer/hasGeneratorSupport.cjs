// Answers `@stdlib/assert-has-generator-support` for the demo's page (see demoViteConfig.ts).
module.exports = function hasGeneratorSupport() {
  return true;
};
