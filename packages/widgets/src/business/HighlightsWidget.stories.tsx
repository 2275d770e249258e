import type { Meta, StoryObj } from '@storybook/react-vite';
import { leaderStoryDefaults, leaderStoryStates, LeaderStoryHost, type LeaderStoryArgs } from '../testing/leaderStoryStates';
import { HighlightsWidget } from './HighlightsWidget';

/** Over the simulated CRM: each story declares the CRM condition it is shown in (`parameters.crm`). */
function Story(args: LeaderStoryArgs) {
  return <LeaderStoryHost {...args}>{(asOf) => <HighlightsWidget filters={args.filters} asOf={asOf} onDrill={() => undefined} />}</LeaderStoryHost>;
}

const meta = {
  title: 'Business unit leader/Opportunities and weaknesses',
  component: Story,
  ...leaderStoryDefaults,
} satisfies Meta<typeof Story>;
export default meta;

type Stories = StoryObj<typeof meta>;

export const Ready: Stories = leaderStoryStates.Ready;
export const Japanese: Stories = leaderStoryStates.Japanese;
export const Loading: Stories = leaderStoryStates.Loading;
export const CrmError: Stories = leaderStoryStates.CrmError;
export const Empty: Stories = leaderStoryStates.Empty;
export const Partial: Stories = leaderStoryStates.Partial;
export const SmallSample: Stories = leaderStoryStates.SmallSample;
export const NoPushdown: Stories = leaderStoryStates.NoPushdown;
export const SalesforceDark: Stories = leaderStoryStates.SalesforceDark;
export const ZohoLight: Stories = leaderStoryStates.ZohoLight;
export const OneUnit: Stories = leaderStoryStates.OneUnit;
export const Stale: Stories = leaderStoryStates.Stale;
