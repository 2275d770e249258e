import { accountNps } from '@kizuna/metrics';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { setupServer } from 'msw/node';
import type { ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview';
import { expectNoAxeViolations } from '../../packages/widgets/src/testing/axe';
import { interceptWith } from './interception';
import { restoreDailyAllowance, storyAccountOf, storyAsOf, storyOrganisations } from './simulatedCrm';

/**
 * Every story of every package, rendered in jsdom as Storybook shows it: through the preview's
 * loader and decorator, so each story reads the simulated Salesforce org (crm-sim over msw/node)
 * through the real adapter, in the condition its `parameters.crm` declares. Each story must settle
 * into the state its name promises, and pass axe.
 */
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
// Rendered as a browser would, without act(): the test waits for what appears on screen.
globalThis.IS_REACT_ACT_ENVIRONMENT = false;

const server = setupServer();
server.listen({ onUnhandledRequest: 'error' });
interceptWith({
  start: async () => undefined,
  stop: () => server.close(),
  use: (...handlers) => server.use(...handlers),
  restoreHandlers: () => server.restoreHandlers(),
  resetHandlers: (...handlers) => server.resetHandlers(...handlers),
  listHandlers: () => server.listHandlers(),
  events: server.events,
});
afterAll(() => server.close());

const annotations = setProjectAnnotations(preview);
beforeAll(annotations.beforeAll);

type StoryModule = Parameters<typeof composeStories>[0];
/** A composed story: a component with its args bound, and its loaders and play function. */
type ComposedStory = ComponentType & { load(): Promise<void>; play?: ((context?: { canvasElement: HTMLElement }) => Promise<void>) | undefined };

/** Every story file, found by the glob Storybook uses, so a new story is checked without being listed here. */
const modules = import.meta.glob<StoryModule>('../../packages/*/src/**/*.stories.tsx', { eager: true });

/** The composed stories of a module; the module type is too general to say they take no props. */
const storiesOf = (module: StoryModule) => Object.entries(composeStories(module)) as unknown as Array<[string, ComposedStory]>;

const cases = Object.entries(modules).flatMap(([path, module]) =>
  storiesOf(module).map(([name, Story]) => [`${path.replace(/^\.\.\/\.\.\/packages\//, '')} › ${name}`, name, path, Story] as const),
);

let mounted: { root: Root; container: HTMLElement } | undefined;
afterEach(() => {
  mounted?.root.unmount();
  mounted?.container.remove();
  mounted = undefined;
});

async function waitUntil(what: string, container: HTMLElement, holds: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !holds(); ) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. On screen: ${(container.textContent ?? '').slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const all = (container: HTMLElement, selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const alerts = (container: HTMLElement) => all(container, '[role="alert"]');
const regions = (container: HTMLElement) => all(container, 'section[aria-label], section[aria-labelledby], [role="region"]');
const settled = (container: HTMLElement) => () => container.querySelector('[aria-busy="true"]') === null;

/** What a story's name promises, checked once it has settled. Names are the stories' own vocabulary. */
const promises: ReadonlyArray<readonly [RegExp, (container: HTMLElement) => void | Promise<void>]> = [
  [/Loading/, (container) => expect(all(container, '[role="status"]').length).toBeGreaterThan(0)],
  [/Failure|Error/, (container) => expect(alerts(container).length).toBeGreaterThan(0)],
  [/Empty|NoAnswers/, (container) => expect(all(container, '.kz-state--empty').length).toBeGreaterThan(0)],
  [/Partial/, (container) => expect(container.querySelector('[data-notice="partial"]')).not.toBeNull()],
  [/Stale/, (container) => waitUntil('the stale notice', container, () => container.querySelector('[data-notice="stale"]') !== null)],
  [/Suppressed/, (container) => expect(container.querySelector('[data-state="suppressed"]')).not.toBeNull()],
  [/SmallSample/, (container) => expect(container.querySelector('[data-warning="small_sample"], [data-state="suppressed"], .kz-state--empty')).not.toBeNull()],
  [/Retrying/, (container) => expect(container.querySelector('[data-outbox-state="pending"]')).not.toBeNull()],
  [/Japanese|ZohoLight/, (container) => expect(container.textContent).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)],
];

/** The leaders' states each widget must show in its own words (what the simulated CRM did). */
const leaderPromises: ReadonlyArray<readonly [RegExp, (container: HTMLElement) => void]> = [
  [/CrmError/, (container) => expect(alerts(container)[0]?.textContent).toMatch(/daily API allowance/)],
  [/Partial/, (container) => expect(container.querySelector('[data-notice="partial"]')?.textContent).toMatch(/Support case/)],
  [
    /^(Ready|NoPushdown|SalesforceDark|OneUnit)$/,
    (container) => {
      // Ready in some form: a widget offers its exports (CSV always, PNG with a chart), or says why it has nothing.
      expect(all(container, '.kz-widget__tools, .kz-state--empty').length).toBeGreaterThan(0);
      expect(alerts(container)).toHaveLength(0);
    },
  ],
];

/** The account NPS stories: what the widget shows is what the metrics core computes on the organisation the simulator serves. */
function expectedNps() {
  const dataset = storyOrganisations().generated;
  const busiest = accountNps(dataset.feedback, storyAccountOf(dataset, 'busiest'), { asOf: storyAsOf, days: 365 });
  if (busiest.nps === null) throw new Error('The busiest account has NPS answers.');
  return { value: new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(Math.round(busiest.nps)), n: busiest.n };
}
const npsExpectations: Record<string, (container: HTMLElement) => void> = {
  WithAnswers: (container) => expect(container.querySelector('[data-testid="nps-value"]')?.textContent).toBe(expectedNps().value),
  Japanese: (container) => expect(container.querySelector('[data-testid="nps-responses"]')?.textContent).toContain(`回答${expectedNps().n}件`),
  SmallSample: (container) => expect(container.textContent).toMatch(/treat this as indicative/),
  NoAnswers: (container) => expect(container.textContent).toContain('No NPS responses in this period yet.'),
  RecordsRejected: (container) => expect(container.textContent).toMatch(/could not be read/),
  CrmError: (container) => expect(alerts(container)[0]?.textContent).toMatch(/daily API allowance/),
};

const isLeaderStory = (path: string) => /\/widgets\/src\/(business|cxLeader)\//.test(path);

describe('stories over the simulated CRM', () => {
  it('are found in every story file', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(0);
    for (const [path, module] of Object.entries(modules)) expect(Object.keys(composeStories(module)).length, path).toBeGreaterThan(0);
  });

  // Whole dashboards over the simulated org take seconds in jsdom on a shared machine.
  it.each(cases)('%s renders its state in labelled regions and passes axe', { timeout: 60_000 }, (_label, name, path, Story) => renderInItsState(name, path, Story));
});

/** Renders a story as Storybook does and checks the state its name promises, then axe. */
async function renderInItsState(name: string, path: string, Story: ComposedStory): Promise<void> {
  await Story.load();
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  mounted = { root, container };
  root.render(<Story />);
  await waitUntil('a labelled region', container, () => regions(container).length > 0);
  if (!/Loading/.test(name)) await waitUntil('every read to settle', container, settled(container));
  if (Story.play !== undefined) {
    await Story.play({ canvasElement: container });
    await waitUntil('every read to settle', container, settled(container));
  }
  for (const [pattern, check] of promises) if (pattern.test(name)) await check(container);
  if (isLeaderStory(path)) for (const [pattern, check] of leaderPromises) if (pattern.test(name)) check(container);
  if (path.endsWith('/AccountNpsWidget.stories.tsx')) npsExpectations[name]?.(container);
  await expectNoAxeViolations(container);
  // Once the allowance is back, the retry the failure offers reads the account after all.
  if (name === 'Failure' && path.includes('/widgets/src/account/')) {
    restoreDailyAllowance();
    const retry = alerts(container)[0]?.querySelector('button');
    expect(retry).toBeTruthy();
    retry?.click();
    await waitUntil('the retried read to show the account', container, () => alerts(container).length === 0 && settled(container)());
  }
}
