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
function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** An error says in words what failed and offers a retry; it is never a blank panel. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslator();
  const code = codeOf(error);
  const key: MessageKey = code !== undefined && knownCodes.has(code) ? (`error.${code}` as MessageKey) : 'error.other';
  return (
    <div className="kz-state kz-state--error" role="alert">
      <p className="kz-state__title">{t('error.title')}</p>
      <p>{t(key)}</p>
      <button type="button" className="kz-button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}
