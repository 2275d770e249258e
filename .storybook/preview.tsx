import type { Preview } from '@storybook/react-vite';
import '../packages/widgets/src/styles.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Fail the a11y panel's checks as errors rather than warnings, as the test suite does.
    a11y: { test: 'error' },
  },
};
export default preview;
