import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../packages/widgets/src/styles.css';
import { loadAllMessages } from '../packages/widgets/src/i18n/catalogue';
import { locales } from '../packages/widgets/src/i18n/messages';
import { StoryCrmProvider } from '../packages/widgets/src/testing/storyCrm';
import { startInterception } from '../tests/stories/interception';
import { crmParametersOf, isStoryCrm, simulateCrm } from '../tests/stories/simulatedCrm';

const msw = mswLoader(startInterception);

/**
 * Every story's network: MSW (the addon's loader: handlers reset, the story's `parameters.msw`
 * applied), then, for a story that declares `parameters.crm`, a fresh simulated Salesforce org with
 * the story's conditions and the Salesforce adapter reading it (tests/stories/simulatedCrm.ts).
 * One loader, so the two happen in order (Storybook runs a level's loaders at once).
 */
const simulatedCrmLoader: Loader = async (context) => {
  await msw(context);
  const parameters = crmParametersOf(context.parameters['crm']);
  if (parameters === undefined) return {};
  const own = context.msw.listHandlers();
  // The story's own `parameters.msw` handlers keep precedence over the simulator (`use` puts handlers first).
  const use = (...handlers: Parameters<typeof context.msw.use>) => context.msw.use(...own, ...handlers);
  return { crm: await simulateCrm(parameters, { use }) };
};

/** Hands the story the simulated CRM its loader set up. */
const withSimulatedCrm: Decorator = (Story, context) => {
  const crm: unknown = context.loaded['crm'];
  return isStoryCrm(crm) ? (
    <StoryCrmProvider crm={crm}>
      <Story />
    </StoryCrmProvider>
  ) : (
    <Story />
  );
};

const preview: Preview = {
  // Widget messages load on demand per language and area (a role's dashboard loads its own); a
  // story shows any widget in either language, so every message is loaded before the first one.
  beforeAll: async () => {
    await Promise.all(locales.map((locale) => loadAllMessages(locale)));
  },
  loaders: [simulatedCrmLoader],
  decorators: [withSimulatedCrm],
  parameters: {
    layout: 'padded',
    // Fail the a11y panel's checks as errors rather than warnings, as the test suite does.
    a11y: { test: 'error' },
  },
};
export default preview;
