import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { crm, useStoryCrm } from '../testing/storyCrm';
import { AccountNpsWidget } from './AccountNpsWidget';

interface StoryArgs {
  readonly locale: Locale;
}

/** The widget over the simulated CRM: each story declares the CRM condition it is shown in (`parameters.crm`). */
function Harness({ locale }: StoryArgs) {
  const { dataSource, accountId, asOf } = useStoryCrm();
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          <AccountNpsWidget accountId={accountId} asOf={asOf} />
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

const meta = {
  title: 'Account manager/Account NPS',
  component: Harness,
  args: { locale: 'en' },
  parameters: crm({ account: 'busiest' }),
} satisfies Meta<typeof Harness>;
export default meta;

type Story = StoryObj<typeof meta>;

export const WithAnswers: Story = {};
export const Japanese: Story = { args: { locale: 'ja' } };
export const Loading: Story = { parameters: crm({ answers: 'never' }) };
export const SmallSample: Story = { parameters: crm({ account: 'fewAnswers' }) };
export const NoAnswers: Story = { parameters: crm({ account: 'new' }) };
export const RecordsRejected: Story = { parameters: crm({ malformedFeedback: 1 }) };
export const CrmError: Story = { parameters: crm({ allowanceSpent: true }) };
