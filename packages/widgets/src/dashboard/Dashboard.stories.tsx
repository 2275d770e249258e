import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { memoryStorage } from '../outbox/storage';
import { crm, useStoryCrm } from '../testing/storyCrm';
import { Dashboard } from './Dashboard';
import type { DashboardSettings } from './dashboardProps';

interface DashboardStoryArgs extends Omit<DashboardSettings, 'accountId' | 'asOf'> {
  /** Whether the host names the account (the simulated CRM's busiest one). */
  readonly onAccount: boolean;
}

/** The root as a host mounts it, over the simulated CRM the preview provides. */
function StoryDashboard({ onAccount, ...settings }: DashboardStoryArgs) {
  const { dataSource, accountId, asOf } = useStoryCrm();
  const [storage] = useState(() => memoryStorage());
  return <Dashboard {...settings} asOf={asOf} {...(onAccount ? { accountId } : {})} dataSource={dataSource} storage={storage} />;
}

const meta = {
  title: 'Dashboards/Root',
  component: StoryDashboard,
  args: { role: 'account-manager', onAccount: true, locale: 'en', theme: 'salesforce', colourScheme: 'light' },
  parameters: crm({ account: 'busiest' }),
} satisfies Meta<typeof StoryDashboard>;
export default meta;

type Story = StoryObj<typeof meta>;

export const AccountManager: Story = {};
export const AccountManagerJapaneseZohoDark: Story = { args: { locale: 'ja', theme: 'zoho', colourScheme: 'dark' } };
export const NoAccount: Story = { args: { onAccount: false } };
export const BusinessUnitLeader: Story = { args: { role: 'bu-leader' } };
export const CxLeader: Story = { args: { role: 'cx-leader' } };
