import type { Meta, StoryObj } from '@storybook/react-vite';
import { crm } from '../../testing/storyCrm';
import { accountStoryStates, StoryHost, type AccountStoryArgs } from '../../testing/storyStates';
import { NextBestActionsWidget } from './NextBestActionsWidget';

/** The widget over the simulated CRM: each story declares the CRM condition it is shown in (`parameters.crm`). */
function StoryNextBestActionsWidget(args: AccountStoryArgs) {
  return <StoryHost {...args}>{({ accountId, asOf }) => <NextBestActionsWidget accountId={accountId} asOf={asOf} />}</StoryHost>;
}

const states = accountStoryStates('touchpoint');

const meta = {
  title: 'Account manager/Next best actions',
  component: StoryNextBestActionsWidget,
  args: { locale: 'en' },
} satisfies Meta<typeof StoryNextBestActionsWidget>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = states.Ready;
export const Japanese: Story = states.Japanese;
export const Loading: Story = states.Loading;
export const Empty: Story = states.Empty;
export const Failure: Story = states.Failure;
export const PartialData: Story = states.PartialData;
export const Stale: Story = states.Stale;

/** Waits until `selector` matches inside `root` (the widget first reads the account from the CRM). */
async function element(root: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Nothing matches ${selector} after 10 s.`);
}

/**
 * The account manager accepts the top action just as the CRM's daily allowance runs out: the write
 * is refused, and the action waits in the outbox and says when it is tried again.
 */
export const Retrying: Story = {
  parameters: crm({ account: 'busiest', writes: 'refused' }),
  play: async ({ canvasElement }) => {
    (await element(canvasElement, '.kz-decision .kz-button--primary')).click();
    await element(canvasElement, '[data-outbox-state="pending"]');
  },
};
