import type { AccountContext, CxDataSource, EntityName } from '@kizuna/model';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * The accounts of the simulated organisation a story can show: the one with the most feedback,
 * one with a handful of NPS answers, and one signed last week with nothing recorded yet.
 */
export type StoryAccount = 'busiest' | 'fewAnswers' | 'new';

/**
 * The organisation a leader's story reads: the generated one, the same accounts before anything was
 * recorded, or a company so small that every group has only a few answers.
 */
export type StoryOrganisation = 'generated' | 'withoutFacts' | 'fewAccounts';

/**
 * What a story asks of the simulated CRM, declared as `parameters.crm`. The stories only declare it:
 * Storybook's preview (and the stories test through it) generates the organisation, serves it as
 * the simulated Salesforce org over MSW with these conditions, and hands the story the Salesforce
 * adapter reading it (`tests/stories/simulatedCrm.ts`). Widgets never see a CRM package.
 */
export interface CrmStoryParameters {
  readonly account?: StoryAccount | undefined;
  readonly organisation?: StoryOrganisation | undefined;
  /** `'never'`: no answer ever comes (the loading state). */
  readonly answers?: 'never' | undefined;
  /** The daily API allowance is spent: every API call answers REQUEST_LIMIT_EXCEEDED. */
  readonly allowanceSpent?: true | undefined;
  /** The integration user may not read these parts: their queries answer INSUFFICIENT_ACCESS. */
  readonly noAccessTo?: readonly EntityName[] | undefined;
  /** This many of the story account's feedback records hold a score outside their scale: the adapter rejects them. */
  readonly malformedFeedback?: number | undefined;
  /** `'refused'`: the allowance runs out as the first change is written, so accepted actions wait in the outbox. */
  readonly writes?: 'refused' | undefined;
  /** `false`: the host evaluates metrics plans in memory over records instead of pushing them down as aggregates. */
  readonly pushdown?: false | undefined;
  /** The account's context was read this long ago and is still in the cache (the stale state). */
  readonly readMinutesAgo?: number | undefined;
}

/** A story's `parameters` for the simulated CRM, typed. */
export function crm(parameters: CrmStoryParameters): { readonly crm: CrmStoryParameters } {
  return { crm: parameters };
}

/** What the simulated CRM gives a story: the data source reading it, the account to show and "now". */
export interface StoryCrm {
  readonly dataSource: CxDataSource;
  readonly accountId: string;
  readonly asOf: string;
  /** The account's context as read `ageMinutes` ago, when the story asked for `readMinutesAgo`. */
  readonly cached?: { readonly context: AccountContext; readonly ageMinutes: number };
}

const StoryCrmContext = createContext<StoryCrm | undefined>(undefined);

/** Provided by Storybook's preview decorator around every story. */
export function StoryCrmProvider({ crm: value, children }: { readonly crm: StoryCrm; readonly children: ReactNode }) {
  return <StoryCrmContext.Provider value={value}>{children}</StoryCrmContext.Provider>;
}

/** The simulated CRM of the story being shown. */
export function useStoryCrm(): StoryCrm {
  const value = useContext(StoryCrmContext);
  if (value === undefined) {
    throw new Error('This story reads the simulated CRM: compose it with the project annotations of .storybook/preview.');
  }
  return value;
}
