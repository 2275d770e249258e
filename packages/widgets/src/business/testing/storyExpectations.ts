import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { expectNoAxeViolations } from '../../testing/axe';

/** Waits until no region of `root` is busy (every query settled). */
export async function settled(root: HTMLElement): Promise<void> {
  await waitFor(() => expect(root.querySelectorAll('[aria-busy="true"]')).toHaveLength(0), { timeout: 15_000 });
}

/**
 * What each leader story must show once settled, then an axe-core check of the whole story.
 * Every story is a labelled region (or regions, for a dashboard).
 */
export async function expectStoryState(name: string, root: HTMLElement): Promise<void> {
  expect(within(root).getAllByRole('region').length).toBeGreaterThan(0);
  if (name === 'Loading') {
    expect(within(root).getAllByRole('status').length).toBeGreaterThan(0);
  } else {
    await settled(root);
    if (name === 'CrmError') {
      expect(within(root).getAllByRole('alert')[0]?.textContent).toMatch(/Your CRM is busy/);
    } else if (name === 'Empty') {
      expect(root.querySelectorAll('.kz-state--empty').length).toBeGreaterThan(0);
    } else if (name === 'Partial') {
      expect(root.querySelector('[data-notice="partial"]')?.textContent).toMatch(/Support case/);
    } else if (name === 'Stale') {
      await waitFor(() => expect(root.querySelector('[data-notice="stale"]')?.textContent).toMatch(/Refresh/), { timeout: 15_000 });
    } else if (name === 'SmallSample') {
      const shown = root.querySelectorAll('[data-warning="small_sample"], .kz-state--empty, .kz-widget__tools, [data-warning]');
      expect(shown.length).toBeGreaterThan(0);
    } else {
      // Ready in some form: a widget offers its exports (CSV always, PNG with a chart), or says why it has nothing.
      expect(root.querySelectorAll('.kz-widget__tools, .kz-state--empty').length).toBeGreaterThan(0);
      expect(screen.queryAllByRole('alert')).toHaveLength(0);
    }
  }
  await expectNoAxeViolations(root);
}
