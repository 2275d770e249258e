import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { memoryStorage } from '../outbox/storage';
import { fixtureAsOf, hoshinoContext, hoshinoDataset } from '../testing/accountFixture';
import { scriptedSource, type DataSourceScript } from '../testing/scriptedDataSource';
import { Dashboard } from './Dashboard';
import type { DashboardSettings } from './dashboardProps';

interface DashboardStoryArgs extends DashboardSettings {
  readonly script: DataSourceScript;
}

/** The root as a host mounts it, over a fresh scripted source per mount. */
function StoryDashboard({ script, ...settings }: DashboardStoryArgs) {
  const [dataSource] = useState(() => scriptedSource(script));
  const [storage] = useState(() => memoryStorage());
  return <Dashboard {...settings} dataSource={dataSource} storage={storage} />;
}

const meta = {
  title: 'Dashboards/Root',
  component: StoryDashboard,
  args: {
    script: { accountContext: [hoshinoContext], dataset: hoshinoDataset },
    role: 'account-manager',
    accountId: hoshinoContext.account.id,
    locale: 'en',
    theme: 'salesforce',
    colourScheme: 'light',
    asOf: fixtureAsOf,
  },
} satisfies Meta<typeof StoryDashboard>;
export default meta;

type Story = StoryObj<typeof meta>;

export const AccountManager: Story = {};
export const AccountManagerJapaneseZohoDark: Story = { args: { locale: 'ja', theme: 'zoho', colourScheme: 'dark' } };
export const NoAccount: Story = { args: { accountId: undefined } };
export const BusinessUnitLeader: Story = { args: { role: 'bu-leader' } };
export const CxLeader: Story = { args: { role: 'cx-leader' } };
