import type { AccountContext, EntityName } from '@kizuna/model';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../i18n/messages';
import { memoryStorage } from '../outbox/storage';
import { fixtureAsOf, hoshinoContext, withUnavailable } from './accountFixture';
import { scriptedSource, type DataSourceScript } from './scriptedDataSource';
import { WidgetHarness } from './WidgetHarness';

/** What every account widget's stories take: a script (a fresh source per mount), a language, maybe cached data. */
export interface AccountStoryArgs {
  readonly script: DataSourceScript;
  readonly locale: Locale;
  readonly cached?: { readonly context: AccountContext; readonly ageMinutes?: number };
  /** What the browser's storage already holds (a pending outbox, earlier decisions). */
  readonly stored?: Readonly<Record<string, string>>;
}

export const storyAsOf = fixtureAsOf;
export const storyAccountId = hoshinoContext.account.id;

/** A host for one story: a new scripted source on every mount, so a story always starts in its state. */
export function StoryHost({ script, locale, cached, stored, children }: AccountStoryArgs & { children: ReactNode }) {
  const [dataSource] = useState(() => scriptedSource(script));
  const [storage] = useState(() => memoryStorage(stored));
  return (
    <WidgetHarness dataSource={dataSource} locale={locale} storage={storage} {...(cached === undefined ? {} : { cached })}>
      {children}
    </WidgetHarness>
  );
}

/** The args of the states every account widget has; each story file gives its own empty context and a part it can lose. */
export function accountStoryStates(empty: AccountContext, lost: EntityName) {
  const failure = Object.assign(new Error('Request limit exceeded'), { code: 'RATE_LIMITED' });
  const partial = withUnavailable(hoshinoContext, [{ entity: lost, code: 'PERMISSION_DENIED', message: 'Insufficient access' }]);
  return {
    Ready: { script: { accountContext: [hoshinoContext] }, locale: 'en' },
    Japanese: { script: { accountContext: [hoshinoContext] }, locale: 'ja' },
    Loading: { script: { accountContext: ['pending'] }, locale: 'en' },
    Empty: { script: { accountContext: [empty] }, locale: 'en' },
    Failure: { script: { accountContext: [failure, hoshinoContext] }, locale: 'en' },
    PartialData: { script: { accountContext: [partial] }, locale: 'en' },
    // Data read two hours ago; refreshing it fails, so the widget keeps it and says so.
    Stale: { script: { accountContext: [failure] }, locale: 'en', cached: { context: hoshinoContext } },
  } satisfies Record<string, AccountStoryArgs>;
}
