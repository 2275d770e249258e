import { composeStories } from '@storybook/react-vite';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as dashboard from './BusinessUnitDashboard.stories';
import * as drillDown from './DrillDownWidget.stories';
import * as highlights from './HighlightsWidget.stories';
import * as comparison from './KpiComparisonWidget.stories';
import { expectStoryState } from './testing/storyExpectations';

afterEach(cleanup);

const storyNames = ['Ready', 'Japanese', 'Loading', 'CrmError', 'Empty', 'Partial', 'SmallSample', 'NoPushdown', 'SalesforceDark', 'ZohoLight', 'OneUnit', 'Stale'];

describe.each([
  ['KPI comparison', comparison],
  ['Opportunities and weaknesses', highlights],
  ['Drill-down', drillDown],
  ['Business unit dashboard', dashboard],
])('%s stories', (_title, stories) => {
  const composed = Object.entries(composeStories(stories));
  it('cover every state', () => {
    expect(composed.map(([name]) => name).sort()).toEqual([...storyNames].sort());
  });
  it.each(composed)('%s settles into its state and passes axe', async (name, Story) => {
    const { container } = render(<Story />);
    await expectStoryState(name, container);
  }, 30_000);
});
