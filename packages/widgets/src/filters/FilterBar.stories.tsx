import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { FilterBar } from './FilterBar';
import type { FilterIssue, FilterState } from './filterState';

interface StoryArgs {
  readonly locale: Locale;
  readonly initial: FilterState;
  readonly issues: readonly FilterIssue[];
}

const units = [
  { id: 'bu-cloud', name: 'Cloud Platform' },
  { id: 'bu-mfg', name: 'Smart Manufacturing' },
  { id: 'bu-retail', name: 'Retail & Commerce' },
];
const segments = [
  { id: 'seg-ent', name: 'Enterprise' },
  { id: 'seg-mid', name: 'Mid-market' },
  { id: 'seg-smb', name: 'SMB' },
];

function Story({ locale, initial, issues }: StoryArgs) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider locale={locale}>
      <section aria-label="Kizuna">
        <FilterBar value={value} onChange={setValue} businessUnits={units} segments={segments} asOf="2026-10-01T00:00:00.000Z" issues={issues} />
      </section>
    </I18nProvider>
  );
}

const meta = {
  title: 'Leaders/Filter bar',
  component: Story,
  args: { locale: 'en', initial: { period: 'last_year' }, issues: [] },
} satisfies Meta<typeof Story>;
export default meta;

type Stories = StoryObj<typeof meta>;

export const AllUnits: Stories = {};
export const OneUnitAndQuarter: Stories = { args: { initial: { period: '2026-Q2', businessUnitId: 'bu-mfg', segmentId: 'seg-ent' } } };
export const Japanese: Stories = { args: { locale: 'ja' } };
export const IgnoredLinkFilters: Stories = { args: { issues: [{ parameter: 'kz_period', message: 'must be a quarter YYYY-Qn' }] } };
