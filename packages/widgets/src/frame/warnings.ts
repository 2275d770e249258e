import type { HealthWarningCode, KpiWarningCode } from '@kizuna/metrics';
import type { MessageKey } from '../i18n/messages';
import type { Translator } from '../i18n/translator';

/** A data-quality warning from the metrics core (KPI or health score), as the frame shows it. */
export interface FrameWarning {
  readonly code: KpiWarningCode | HealthWarningCode;
  readonly detail?: Readonly<Record<string, number | string>>;
}

const warningKeys: Record<KpiWarningCode | HealthWarningCode, MessageKey> = {
  no_data: 'warning.no_data',
  small_sample: 'warning.small_sample',
  suppressed: 'warning.suppressed',
  stale: 'warning.stale',
  unmapped: 'warning.unmapped',
  unsupported_cut: 'warning.unsupported_cut',
  thin_basis: 'warning.thin_basis',
  not_a_customer: 'warning.not_a_customer',
};

/**
 * A warning in words. `detail.measure`, when present, names what the warning concerns; callers
 * pass `nameOf` to turn such ids into words (a health measure's name, a dimension's name).
 */
export function warningText(translator: Translator, warning: FrameWarning, nameOf: (id: string) => string = (id) => id): string {
  const detail = Object.fromEntries(
    Object.entries(warning.detail ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' && (name === 'measure' || name === 'dimension') ? nameOf(value) : value,
    ]),
  );
  if (warning.code === 'small_sample' && typeof detail.measure === 'string' && typeof detail.n === 'number') {
    return translator.t('warning.small_sample_measure', detail);
  }
  return translator.t(warningKeys[warning.code], detail);
}

/**
 * The `small_sample` warnings among `warnings`, each naming what it concerns (`detail.measure`,
 * e.g. "Smart Manufacturing · NPS"), so the frame says in words which figure is indicative.
 * `n`, when given, is the basis the figure is shown with (it replaces the warning's own).
 */
export function namedSmallSampleWarnings(warnings: readonly FrameWarning[], measure: string, n?: number): FrameWarning[] {
  return warnings.flatMap((warning) =>
    warning.code === 'small_sample' ? [{ code: 'small_sample' as const, detail: { ...warning.detail, ...(n === undefined ? {} : { n }), measure } }] : [],
  );
}
