import type { MeasureId } from '@kizuna/metrics';
import type { MessageKey } from '../i18n/messages';
import type { Translator } from '../i18n/translator';

const shareMeasures = new Set<MeasureId>(['csat_top2box', 'ces_agree', 'sla_compliance', 'stakeholder_coverage']);
const dayMeasures = new Set<MeasureId>(['exec_recency', 'onboarding_overdue', 'renewal_proximity']);

/** A health measure's name in the user's language. */
export function measureName(translator: Translator, measure: string): string {
  return translator.t(`measure.${measure}` as MessageKey);
}

/** A measure's raw value in its unit: points, a percentage, days or a count. */
export function measureValue(translator: Translator, measure: MeasureId, value: number): string {
  if (measure === 'relationship_nps') return translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' });
  if (shareMeasures.has(measure)) return translator.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  if (dayMeasures.has(measure)) return translator.plural('unit.days', Math.round(value));
  return translator.formatNumber(value, { maximumFractionDigits: 1 });
}
