import type { ReactNode } from 'react';
import { LeaderHarness } from '../business/testing/LeaderHarness';
import type { FilterState } from '../filters/filterState';
import type { Locale } from '../i18n/messages';
import type { ColourScheme, ThemeName } from '../themes/themes';
import { crm, useStoryCrm } from './storyCrm';

/** What every leader story takes; the data comes from the simulated CRM the preview provides. */
export interface LeaderStoryArgs {
  readonly locale: Locale;
  readonly theme: ThemeName;
  readonly scheme: ColourScheme;
  readonly filters: FilterState;
  /** Every answer is dated this many hours back once it arrives: the stale state, as after a long idle. */
  readonly readHoursAgo?: number;
}

/** A host for one leader story over the simulated CRM; `children` gets "now". */
export function LeaderStoryHost({ locale, theme, scheme, readHoursAgo, children }: LeaderStoryArgs & { children: (asOf: string) => ReactNode }) {
  const { dataSource, asOf } = useStoryCrm();
  return (
    <LeaderHarness dataSource={dataSource} locale={locale} theme={theme} scheme={scheme} {...(readHoursAgo === undefined ? {} : { readHoursAgo })}>
      {children(asOf)}
    </LeaderHarness>
  );
}

/** The defaults of every leader story: the whole generated organisation over the last year. */
export const leaderStoryDefaults = {
  args: { locale: 'en', theme: 'neutral', scheme: 'light', filters: { period: 'last_year' } },
  parameters: crm({ organisation: 'generated' }),
} as const satisfies { args: LeaderStoryArgs; parameters: object };

/** A unit of the generated organisation (Smart Manufacturing), for the one-unit story and the drill-down. */
export const storyUnit = { id: 'bu-manufacturing', name: 'Smart Manufacturing' } as const;

/** The states every leader story file shows, each a condition of the simulated CRM or of the host. */
export const leaderStoryStates = {
  Ready: {},
  Japanese: { args: { locale: 'ja' } },
  Loading: { parameters: crm({ answers: 'never' }) },
  // The daily allowance is spent: every read is refused with REQUEST_LIMIT_EXCEEDED.
  CrmError: { parameters: crm({ allowanceSpent: true }) },
  Empty: { parameters: crm({ organisation: 'withoutFacts' }) },
  // Cases may not be read; records are read object by object, so the rest still shows.
  Partial: { parameters: crm({ noAccessTo: ['supportCase'], pushdown: false }) },
  SmallSample: { parameters: crm({ organisation: 'fewAccounts' }) },
  NoPushdown: { parameters: crm({ pushdown: false }) },
  SalesforceDark: { args: { theme: 'salesforce', scheme: 'dark' } },
  ZohoLight: { args: { theme: 'zoho', locale: 'ja' } },
  OneUnit: { args: { filters: { period: 'last_year', businessUnitId: storyUnit.id } } },
  Stale: { args: { readHoursAgo: 3 } },
} as const satisfies Record<string, { args?: Partial<LeaderStoryArgs>; parameters?: object }>;
