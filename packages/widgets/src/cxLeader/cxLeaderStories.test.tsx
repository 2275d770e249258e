import { composeStories } from '@storybook/react-vite';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectStoryState } from '../business/testing/storyExpectations';
import * as closedLoop from './ClosedLoopWidget.stories';
import * as coverage from './CoverageWidget.stories';
import * as dashboard from './CxLeaderDashboard.stories';
import * as drivers from './DriversWidget.stories';
import * as journey from './JourneyWidget.stories';
import * as linkage from './LinkageWidget.stories';
import * as moments from './MomentsWidget.stories';

afterEach(cleanup);

const storyNames = ['Ready', 'Japanese', 'Loading', 'CrmError', 'Empty', 'Partial', 'SmallSample', 'NoPushdown', 'SalesforceDark', 'ZohoLight', 'OneUnit', 'Stale'];

describe.each([
  ['Key drivers', drivers],
  ['Journey', journey],
  ['Moments of truth', moments],
  ['Closed loop', closedLoop],
  ['Listening posts', coverage],
  ['CX–EX linkage', linkage],
  ['CX leader dashboard', dashboard],
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
