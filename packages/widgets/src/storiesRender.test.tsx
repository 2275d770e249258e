import { composeStories } from '@storybook/react-vite';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as accountNpsStories from './account/AccountNpsWidget.stories';

afterEach(cleanup);

/** Every story renders as a labelled region and settles into the state it is named for. */
const expectations: Record<string, (region: HTMLElement) => Promise<void>> = {
  WithAnswers: async () => expect((await screen.findByTestId('nps-value')).textContent).toBe('+30'),
  Japanese: async () => expect((await screen.findByTestId('nps-responses')).textContent).toContain('回答10件'),
  Loading: async (region) => expect(region.querySelector('[role="status"]')).not.toBeNull(),
  SmallSample: async () => expect(await screen.findByText(/treat this as indicative/)).toBeTruthy(),
  NoAnswers: async () => expect(await screen.findByText('No NPS responses in this period yet.')).toBeTruthy(),
  RecordsRejected: async () => expect(await screen.findByText(/could not be read/)).toBeTruthy(),
  CrmError: async () => expect((await screen.findByRole('alert')).textContent).toMatch(/daily API allowance/),
};

describe('Account NPS stories', () => {
  const stories = Object.entries(composeStories(accountNpsStories));
  it('cover every state the widget has', () => {
    expect(stories.map(([name]) => name).sort()).toEqual(Object.keys(expectations).sort());
  });
  it.each(stories)('%s renders its state', async (name, Story) => {
    render(<Story />);
    const region = screen.getByRole('region');
    const check = expectations[name];
    expect(check, `an expectation for ${name}`).toBeDefined();
    await check?.(region);
  });
});
