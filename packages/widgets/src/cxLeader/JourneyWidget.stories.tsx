import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { FilterState } from '../filters/filterState';
import type { Locale } from '../i18n/messages';
import type { ColourScheme, ThemeName } from '../themes/themes';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import { leaderAsOf } from '../business/testing/leaderOrganisation';
import { leaderSource, type LeaderState } from '../business/testing/leaderSources';
import { JourneyWidget } from './JourneyWidget';

interface StoryArgs {
  readonly state: LeaderState;
  readonly locale: Locale;
  readonly theme: ThemeName;
  readonly scheme: ColourScheme;
  readonly filters: FilterState;
  readonly readHoursAgo?: number;
}

function Story({ state, locale, theme, scheme, filters, readHoursAgo }: StoryArgs) {
  const [dataSource] = useState(() => leaderSource(state));
  return (
    <LeaderHarness dataSource={dataSource} locale={locale} theme={theme} scheme={scheme} {...(readHoursAgo === undefined ? {} : { readHoursAgo })}>
      <JourneyWidget filters={filters} asOf={leaderAsOf} />
    </LeaderHarness>
  );
}

const meta = {
  title: 'CX leader/Journey',
  component: Story,
  args: { state: 'ready', locale: 'en', theme: 'neutral', scheme: 'light', filters: { period: 'last_year' } },
} satisfies Meta<typeof Story>;
export default meta;

type Stories = StoryObj<typeof meta>;

export const Ready: Stories = {};
export const Japanese: Stories = { args: { locale: 'ja' } };
export const Loading: Stories = { args: { state: 'loading' } };
export const CrmError: Stories = { args: { state: 'crmError' } };
export const Empty: Stories = { args: { state: 'empty' } };
export const Partial: Stories = { args: { state: 'partial' } };
export const SmallSample: Stories = { args: { state: 'smallSample' } };
export const NoPushdown: Stories = { args: { state: 'noPushdown' } };
export const SalesforceDark: Stories = { args: { theme: 'salesforce', scheme: 'dark' } };
export const ZohoLight: Stories = { args: { theme: 'zoho', locale: 'ja' } };
export const OneUnit: Stories = { args: { filters: { period: 'last_year', businessUnitId: 'bu-mfg' } } };
export const Stale: Stories = { args: { readHoursAgo: 3 } };
