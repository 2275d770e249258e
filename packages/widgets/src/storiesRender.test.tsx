import { composeStories } from '@storybook/react-vite';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './testing/axe';

afterEach(cleanup);

type StoryModule = Parameters<typeof composeStories>[0];

/** Every story file of the package, found by name, so a new story is checked without being listed here. */
const modules = import.meta.glob<StoryModule>('./**/*.stories.tsx', { eager: true });

/** What a story's name promises, checked once it has settled. */
const promises: ReadonlyArray<readonly [RegExp, (container: HTMLElement) => void]> = [
  [/Loading/, (container) => expect(container.querySelector('[role="status"]')).not.toBeNull()],
  [/Failure|Error/, () => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0)],
  [/Empty|NoAnswers/, (container) => expect(container.querySelector('.kz-state--empty')).not.toBeNull()],
  [/Partial/, (container) => expect(container.querySelector('[data-notice="partial"]')).not.toBeNull()],
  [/Stale/, (container) => expect(container.querySelector('[data-notice="stale"]')).not.toBeNull()],
  [/Suppressed/, (container) => expect(container.querySelector('[data-state="suppressed"]')).not.toBeNull()],
  [/SmallSample/, (container) => expect(container.querySelector('[data-warning="small_sample"]')).not.toBeNull()],
  [/Retrying/, (container) => expect(container.querySelector('[data-outbox-state="pending"]')).not.toBeNull()],
  [/Japanese/, (container) => expect(container.textContent).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)],
];

/** Checks particular to the account NPS stories (their original expectations). */
const npsExpectations: Record<string, () => Promise<void>> = {
  WithAnswers: async () => expect((await screen.findByTestId('nps-value')).textContent).toBe('+30'),
  Japanese: async () => expect((await screen.findByTestId('nps-responses')).textContent).toContain('回答10件'),
  SmallSample: async () => expect(await screen.findByText(/treat this as indicative/)).toBeTruthy(),
  NoAnswers: async () => expect(await screen.findByText('No NPS responses in this period yet.')).toBeTruthy(),
  RecordsRejected: async () => expect(await screen.findByText(/could not be read/)).toBeTruthy(),
  CrmError: async () => expect((await screen.findByRole('alert')).textContent).toMatch(/daily API allowance/),
};

/** Each composed story is a component without props (its args are bound); the module type is too general to say so. */
const storiesOf = (module: StoryModule) => Object.entries(composeStories(module)) as Array<[string, ComponentType]>;

const cases = Object.entries(modules).flatMap(([path, module]) =>
  storiesOf(module).map(([name, Story]) => [`${path.replace(/^\.\//, '')} › ${name}`, name, path, Story] as const),
);

describe('stories', () => {
  it('are found in every story file', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(0);
    for (const [path, module] of Object.entries(modules)) expect(Object.keys(composeStories(module)).length, path).toBeGreaterThan(0);
  });

  // Whole dashboards over generated portfolios take seconds in jsdom on a shared machine.
  it.each(cases)('%s renders its state in labelled regions and passes axe', { timeout: 30_000 }, async (_label, name, path, Story) => {
    const { container } = render(<Story />);
    expect(screen.getAllByRole('region').length).toBeGreaterThan(0);
    if (!/Loading/.test(name)) {
      await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 5_000 });
    }
    // Story names promise states in this package's own naming; other areas' stories are held to rendering and axe.
    if (/^\.\/(account|frame|dashboard)\//.test(path)) for (const [pattern, check] of promises) if (pattern.test(name)) check(container);
    if (path.endsWith('AccountNpsWidget.stories.tsx')) await npsExpectations[name]?.();
    await expectNoAxeViolations(container);
  });
});
