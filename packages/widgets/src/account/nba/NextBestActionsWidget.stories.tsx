import type { Meta, StoryObj } from '@storybook/react-vite';
import { hoshinoContext, newAccountContext } from '../../testing/accountFixture';
import { pendingOutbox } from '../../testing/outboxFixture';
import { accountStoryStates, StoryHost, storyAccountId, storyAsOf, type AccountStoryArgs } from '../../testing/storyStates';
import { NextBestActionsWidget } from './NextBestActionsWidget';

function StoryNextBestActionsWidget(args: AccountStoryArgs) {
  return (
    <StoryHost {...args}>
      <NextBestActionsWidget accountId={storyAccountId} asOf={storyAsOf} />
    </StoryHost>
  );
}

const states = accountStoryStates({ ...newAccountContext, account: { ...newAccountContext.account, customerSince: '2026-11-01' } }, 'supportCase');

const meta = {
  title: 'Account manager/Next best actions',
  component: StoryNextBestActionsWidget,
  args: states.Ready,
} satisfies Meta<typeof StoryNextBestActionsWidget>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {};
export const Japanese: Story = { args: states.Japanese };
export const Loading: Story = { args: states.Loading };
export const Empty: Story = { args: states.Empty };
export const Failure: Story = { args: states.Failure };
export const PartialData: Story = { args: states.PartialData };
export const Stale: Story = { args: states.Stale };

/** An accepted action the CRM could not take yet: it waits in the outbox and says when it retries. */
export const Retrying: Story = {
  args: { ...states.Ready, stored: pendingOutbox(hoshinoContext, 'RATE_LIMITED') },
};
