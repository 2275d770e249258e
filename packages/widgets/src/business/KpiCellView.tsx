import { useTranslator } from '../i18n/i18nContext';
import type { BusinessColumn } from './businessColumns';
import type { KpiCell } from './businessView';
import { formatInterval, formatKpiValue } from './formatKpi';

/**
 * One KPI in a table cell: value, interval and basis; a real strength or weakness carries ▲ or ▼
 * and the words, never colour alone. A value on a small sample carries * on screen and the words
 * "small sample" for assistive technology (`data-warning="small_sample"`); the widget lists such
 * cells by name in its frame's warnings. Suppressed employee results say "hidden", with no figure.
 */
export function KpiCellView({ cell, column }: { cell: KpiCell; column: BusinessColumn }) {
  const translator = useTranslator();
  const { t } = translator;
  const suppressed = cell.warnings.some((warning) => warning.code === 'suppressed');
  if (cell.value === null) {
    return <span className="kz-cell kz-cell--empty">{t(suppressed ? 'value.hidden' : 'value.none')}</span>;
  }
  const interval = formatInterval(translator, column.unit, cell.interval);
  const small = cell.warnings.some((warning) => warning.code === 'small_sample');
  return (
    <span className={`kz-cell${cell.highlight === undefined ? '' : ` kz-cell--${cell.highlight}`}`} data-highlight={cell.highlight}>
      <span className="kz-cell__value">
        {cell.highlight !== undefined && (
          <span className="kz-cell__mark" aria-hidden="true">
            {cell.highlight === 'strength' ? '▲ ' : '▼ '}
          </span>
        )}
        {formatKpiValue(translator, column.unit, cell.value)}
        {small && (
          <span className="kz-cell__small" data-warning="small_sample">
            <span aria-hidden="true">*</span>
            <span className="kz-visually-hidden"> {t('value.smallSample')}</span>
          </span>
        )}
      </span>
      {cell.highlight !== undefined && <span className="kz-cell__word">{t(cell.highlight === 'strength' ? 'bu.strength' : 'bu.weakness')}</span>}
      {interval !== undefined && <span className="kz-cell__interval">{interval}</span>}
      <span className="kz-cell__n">n = {translator.formatNumber(cell.n)}</span>
    </span>
  );
}
