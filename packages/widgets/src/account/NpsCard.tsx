import type { AccountNpsResult } from '@kizuna/metrics';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';

function formatPoints(translator: Translator, value: number): string {
  return translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' });
}

function windowDays(result: AccountNpsResult): number {
  return Math.round((Date.parse(result.window.to) - Date.parse(result.window.from)) / 86_400_000);
}

/** An account's NPS with its interval and response count, and any data-quality warning in words. */
export function NpsCard({ result, rejectedCount }: { result: AccountNpsResult; rejectedCount: number }) {
  const translator = useTranslator();
  const { t, plural } = translator;
  if (result.nps === null || result.interval === null) {
    return <p className="kz-state kz-state--empty">{t('state.noData')}</p>;
  }
  const level = Math.round(result.interval.level * 100);
  const value = formatPoints(translator, result.nps);
  const low = formatPoints(translator, result.interval.low);
  const high = formatPoints(translator, result.interval.high);
  return (
    <div className="kz-nps">
      <p className="kz-nps__value" data-testid="nps-value" aria-describedby="kz-nps-summary">
        {value}
      </p>
      <p className="kz-nps__interval" data-testid="nps-interval">
        {t('nps.interval', { level, low, high })}
      </p>
      <p className="kz-nps__responses" data-testid="nps-responses">
        {plural('nps.responses', result.n)} · {t('nps.window', { days: windowDays(result) })}
      </p>
      <p className="kz-nps__breakdown">{t('nps.breakdown', { ...result.counts })}</p>
      <p id="kz-nps-summary" className="kz-visually-hidden">
        {t('nps.summary', { value, n: result.n, level, low, high })}
      </p>
      <ul className="kz-warnings">
        {result.warnings.map((warning) => (
          <li key={warning.code} className="kz-warning" data-warning={warning.code}>
            {t(`warning.${warning.code}`, warning.detail ?? {})}
          </li>
        ))}
        {rejectedCount > 0 && (
          <li className="kz-warning" data-warning="rejected">
            {plural('warning.rejected', rejectedCount)}
          </li>
        )}
      </ul>
    </div>
  );
}
