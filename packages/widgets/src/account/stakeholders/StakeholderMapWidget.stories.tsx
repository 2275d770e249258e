import type { Meta, StoryObj } from '@storybook/react-vite';
import { accountStoryStates, StoryHost, type AccountStoryArgs } from '../../testing/storyStates';
import { StakeholderMapWidget } from './StakeholderMapWidget';

/** The widget over the simulated CRM: each story declares the CRM condition it is shown in (`parameters.crm`). */
function StoryStakeholderMapWidget(args: AccountStoryArgs) {
  return <StoryHost {...args}>{({ accountId, asOf }) => <StakeholderMapWidget accountId={accountId} asOf={asOf} />}</StoryHost>;
}

const states = accountStoryStates('touchpoint');

const meta = {
  title: 'Account manager/Stakeholder map',
  component: StoryStakeholderMapWidget,
  args: { locale: 'en' },
} satisfies Meta<typeof StoryStakeholderMapWidget>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = states.Ready;
export const Japanese: Story = states.Japanese;
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Failure: Story = states.Failure;
export const PartialData: Story = states.PartialData;
export const Stale: Story = states.Stale;
