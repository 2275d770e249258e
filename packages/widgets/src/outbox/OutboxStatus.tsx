import { useTranslator } from '../i18n/i18nContext';
import { errorMessageKey } from '../states/ErrorState';
import { useActionStores } from './ActionStoresProvider';
import type { OutboxEntry } from './outboxSchema';

/** Where one write stands, in words (a live region, so changes are announced), with a retry when it waits for the user. */
export function OutboxStatus({ entry }: { entry: OutboxEntry | undefined }) {
  const translator = useTranslator();
  const { t } = translator;
  const { outbox, persistent } = useActionStores();
  if (entry === undefined) return null;
  // A write the CRM refused for a reason without words of its own is said as a write, not a read.
  const reasonKey = entry.lastError === undefined ? undefined : errorMessageKey(entry.lastError.code === 'NETWORK' ? 'UNAVAILABLE' : entry.lastError.code);
  const reason = reasonKey === undefined ? '' : t(reasonKey === 'error.other' ? 'error.writeOther' : reasonKey);
  let text: string;
  if (entry.state === 'done') text = t('outbox.done');
  else if (entry.state === 'sending') text = t('outbox.sending');
  else if (entry.state === 'refused') text = t('outbox.refused', { reason });
  else if (entry.nextAttemptAt !== undefined) text = t('outbox.retrying', { reason, time: translator.formatDate(entry.nextAttemptAt, { timeStyle: 'short' }) });
  else text = t('outbox.queued');
  return (
    <span className={`kz-outbox kz-outbox--${entry.state}`} role="status" data-outbox-state={entry.state}>
      <span aria-hidden="true">{entry.state === 'done' ? '✓ ' : entry.state === 'refused' ? '✕ ' : '… '}</span>
      {text}
      {!persistent && entry.state !== 'done' && <> {t('outbox.notPersistent')}</>}
      {(entry.state === 'refused' || (entry.state === 'pending' && entry.lastError !== undefined)) && (
        <>
          {' '}
          <button type="button" className="kz-button kz-button--quiet" onClick={() => void outbox.retryNow(entry.idempotencyKey)}>
            {t('outbox.retryNow')}
          </button>
        </>
      )}
    </span>
  );
}
