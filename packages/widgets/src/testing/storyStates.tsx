import type { EntityName } from '@kizuna/model';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../i18n/messages';
import { memoryStorage } from '../outbox/storage';
import { crm, useStoryCrm, type CrmStoryParameters, type StoryCrm } from './storyCrm';
import { WidgetHarness } from './WidgetHarness';

/** What every account widget's stories take: a language, maybe what the browser's storage already holds. */
export interface AccountStoryArgs {
  readonly locale: Locale;
  /** What the browser's storage already holds (a pending outbox, earlier decisions). */
  readonly stored?: Readonly<Record<string, string>>;
}

/**
 * A host for one story over the simulated CRM the preview provides: a fresh query client and outbox
 * on every mount, so a story always starts in its state. `children` gets the account and "now".
 */
export function StoryHost({ locale, stored, children }: AccountStoryArgs & { children: (crm: StoryCrm) => ReactNode }) {
  const simulated = useStoryCrm();
  const [storage] = useState(() => memoryStorage(stored));
  return (
    <WidgetHarness dataSource={simulated.dataSource} locale={locale} storage={storage} {...(simulated.cached === undefined ? {} : { cached: simulated.cached })}>
      {children(simulated)}
    </WidgetHarness>
  );
}

interface AccountStoryState {
  readonly args?: Partial<AccountStoryArgs>;
  readonly parameters: { readonly crm: CrmStoryParameters };
}

/**
 * The states every account widget has, each a condition of the simulated CRM; a story file names
 * the part its widget can lose (a part that is not all the widget reads, so it shows the rest).
 */
export function accountStoryStates(lost: EntityName) {
  return {
    Ready: { parameters: crm({ account: 'busiest' }) },
    Japanese: { args: { locale: 'ja' }, parameters: crm({ account: 'busiest' }) },
    Loading: { parameters: crm({ account: 'busiest', answers: 'never' }) },
    Empty: { parameters: crm({ account: 'new' }) },
    // The daily allowance is spent: the read fails with REQUEST_LIMIT_EXCEEDED, and the widget offers a retry.
    Failure: { parameters: crm({ account: 'busiest', allowanceSpent: true }) },
    PartialData: { parameters: crm({ account: 'busiest', noAccessTo: [lost] }) },
    // Read two hours ago; refreshing it now fails, so the widget keeps it and says so.
    Stale: { parameters: crm({ account: 'busiest', readMinutesAgo: 120, allowanceSpent: true }) },
  } satisfies Record<string, AccountStoryState>;
}
