import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CxDataSource } from '@kizuna/model';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { accountContextWith, scriptedDataSource, tenNpsAnswers } from '../testing/scriptedDataSource';
import { AccountNpsWidget } from './AccountNpsWidget';

interface StoryArgs {
  readonly dataSource: CxDataSource;
  readonly locale: Locale;
}

function Harness({ dataSource, locale }: StoryArgs) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>
          <AccountNpsWidget accountId="acc-1" asOf="2026-10-01T00:00:00.000Z" />
        </CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

const meta = {
  title: 'Account manager/Account NPS',
  component: Harness,
  args: { locale: 'en', dataSource: scriptedDataSource(accountContextWith(tenNpsAnswers)) },
} satisfies Meta<typeof Harness>;
export default meta;

type Story = StoryObj<typeof meta>;

export const WithAnswers: Story = {};
export const Japanese: Story = { args: { locale: 'ja' } };
export const Loading: Story = { args: { dataSource: scriptedDataSource('pending') } };
export const SmallSample: Story = {
  args: { dataSource: scriptedDataSource(accountContextWith(tenNpsAnswers.slice(0, 3))) },
};
export const NoAnswers: Story = { args: { dataSource: scriptedDataSource(accountContextWith([])) } };
export const RecordsRejected: Story = {
  args: {
    dataSource: scriptedDataSource(
      accountContextWith(tenNpsAnswers, [{ entity: 'feedback', recordId: 'a0X000000000001AAA', issues: [] }]),
    ),
  },
};
export const CrmError: Story = {
  args: { dataSource: scriptedDataSource(Object.assign(new Error('limit'), { code: 'DAILY_LIMIT' })) },
};
