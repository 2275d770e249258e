import type { Meta, StoryObj } from '@storybook/react-vite';
import { newAccountContext } from '../../testing/accountFixture';
import { accountStoryStates, StoryHost, storyAccountId, storyAsOf, type AccountStoryArgs } from '../../testing/storyStates';
import { HealthWidget } from './HealthWidget';

function StoryHealthWidget(args: AccountStoryArgs) {
  return (
    <StoryHost {...args}>
      <HealthWidget accountId={storyAccountId} asOf={storyAsOf} />
    </StoryHost>
  );
}

const states = accountStoryStates({ ...newAccountContext, account: { ...newAccountContext.account, customerSince: '2026-11-01' } }, 'supportCase');

const meta = {
  title: 'Account manager/Health',
  component: StoryHealthWidget,
  args: states.Ready,
} satisfies Meta<typeof StoryHealthWidget>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {};
export const Japanese: Story = { args: states.Japanese };
export const Loading: Story = { args: states.Loading };
export const Empty: Story = { args: states.Empty };
export const Failure: Story = { args: states.Failure };
export const PartialData: Story = { args: states.PartialData };
export const Stale: Story = { args: states.Stale };

