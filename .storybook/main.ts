import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.tsx'],
  // The accessibility panel runs axe on every story in the browser (contrast included, which
  // jsdom cannot judge); `tests/stories/storiesRender.test.tsx` runs axe on every story in CI.
  // Mock Service Worker serves the simulated CRM the stories read (see preview.tsx).
  addons: ['@storybook/addon-a11y', 'msw-storybook-addon'],
  // `mockServiceWorker.js` (written by `msw init .storybook/public`), served at the root.
  staticDirs: ['./public'],
  framework: { name: '@storybook/react-vite', options: {} },
};
export default config;
