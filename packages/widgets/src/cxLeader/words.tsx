import type { KeyDriverWarning, OperationalWarning } from '@kizuna/metrics';
import { warningText } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { MessageKey } from '../i18n/messages';
import type { Translator } from '../i18n/translator';

const knownDrivers = new Set(['product_quality', 'support_responsiveness', 'account_management', 'value_for_money', 'onboarding_experience', 'documentation']);

/** A driver item's name: the catalogue's words for known items, else the id made readable. */
export function driverName(translator: Translator, item: string): string {
  return knownDrivers.has(item) ? translator.t(`driver.${item}` as MessageKey) : item.replace(/[_-]+/g, ' ');
}

const analysisCodes = new Set(['incomplete_rows', 'constant_item', 'constant_outcome', 'collinear_items', 'no_reliable_drivers', 'unstable_bootstrap']);

/** A driver or linkage warning in words (shared KPI codes through the frame's words). */
export function analysisWarningText(translator: Translator, warning: KeyDriverWarning | OperationalWarning): string {
  if (analysisCodes.has(warning.code)) return translator.t(`driverWarning.${warning.code}` as MessageKey, warning.detail ?? {});
  if (warning.code === 'tied_values') return translator.t('linkage.ops.tied_values');
  return warningText(translator, { code: warning.code as 'no_data', ...(warning.detail === undefined ? {} : { detail: warning.detail }) });
}

/** Warnings specific to an analysis, in words, in the frame's warning style. */
export function DriverWarnings({ warnings }: { warnings: ReadonlyArray<KeyDriverWarning | OperationalWarning> }) {
  const translator = useTranslator();
  if (warnings.length === 0) return null;
  return (
    <ul className="kz-warnings">
      {warnings.map((warning, index) => (
        <li key={`${warning.code}-${index}`} className="kz-warning" data-warning={warning.code}>
          {analysisWarningText(translator, warning)}
        </li>
      ))}
    </ul>
  );
}
