import type { Meta, StoryObj } from '@storybook/react-vite';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import type { TableData } from './csv';
import { WidgetFrame, type WidgetFrameProps } from './WidgetFrame';

const table: TableData = {
  columns: [
    { key: 'quarter', label: 'Quarter', rowHeader: true },
    { key: 'nps', label: 'NPS', numeric: true },
  ],
  rows: [
    { quarter: '2026-Q1', nps: 18 },
    { quarter: '2026-Q2', nps: 12 },
    { quarter: '2026-Q3', nps: 30 },
  ],
};

const chart = {
  content: (
    <svg className="kz-svg" role="img" aria-label="NPS by quarter: 18, 12, 30" viewBox="0 0 240 120" width={240} height={120}>
      {table.rows.map((row, index) => {
        const value = typeof row.nps === 'number' ? row.nps : 0;
        return <rect key={index} className="kz-svg__bar" x={30 + index * 70} y={110 - value * 3} width={40} height={value * 3} />;
      })}
    </svg>
  ),
  summary: 'NPS fell from +18 to +12, then rose to +30 in the third quarter.',
};

function StoryFrame({ locale, ...props }: WidgetFrameProps & { locale: Locale }) {
  return (
    <I18nProvider locale={locale}>
      <WidgetFrame {...props} />
    </I18nProvider>
  );
}

const meta = {
  title: 'Frame/Widget frame',
  component: StoryFrame,
  args: { locale: 'en', title: 'NPS trend', status: { kind: 'ready' }, chart, table, asOf: '2026-10-01T00:00:00.000Z' },
} satisfies Meta<typeof StoryFrame>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {};
export const Japanese: Story = { args: { locale: 'ja', title: 'NPSの推移' } };
export const Loading: Story = { args: { status: { kind: 'loading' } } };
export const Empty: Story = { args: { status: { kind: 'empty', message: 'No answers in this period yet.' } } };
export const Suppressed: Story = { args: { status: { kind: 'suppressed' } } };
export const Failure: Story = {
  args: { status: { kind: 'error', error: Object.assign(new Error('denied'), { code: 'PERMISSION_DENIED' }), onRetry: () => undefined } },
};
export const PartialData: Story = {
  args: { unavailable: [{ entity: 'supportCase', code: 'INVALID_FIELD', message: 'No such column' }], rejectedCount: 2 },
};
export const Stale: Story = { args: { stale: { readAt: '2026-09-30T22:10:00.000Z', refreshFailed: true, onRefresh: () => undefined } } };
export const SmallSample: Story = { args: { warnings: [{ code: 'small_sample', detail: { n: 4, minimum: 10 } }] } };
