import { useTranslator } from '../i18n/i18nContext';
import type { MessageKey } from '../i18n/messages';

const knownCodes = new Set([
  'AUTH_EXPIRED',
  'AUTH_INVALID',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'DAILY_LIMIT',
  'UNAVAILABLE',
  'TIMEOUT',
  'INVALID_TYPE',
  'INVALID_FIELD',
]);

/** The error's code, for errors that carry one (CrmError does); widgets never import the CRM layer. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** The message that says, in words, what an error (or a refused part, by its code) means for the user. */
export function errorMessageKey(error: unknown): MessageKey {
  const code = typeof error === 'string' ? error : errorCodeOf(error);
  return code !== undefined && knownCodes.has(code) ? (`error.${code}` as MessageKey) : 'error.other';
}

/** An error says in words what failed and offers a retry; it is never a blank panel. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslator();
  return (
    <div className="kz-state kz-state--error" role="alert">
      <p className="kz-state__title">{t('error.title')}</p>
      <p>{t(errorMessageKey(error))}</p>
      <button type="button" className="kz-button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}
