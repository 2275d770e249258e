import type { UnavailablePart } from '@kizuna/model';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslator } from '../i18n/i18nContext';
import type { MessageKey } from '../i18n/messages';
import { ErrorState, errorMessageKey } from '../states/ErrorState';
import { Skeleton } from '../states/Skeleton';
import { exportFileName, toCsv, type TableData } from './csv';
import { DataTable } from './DataTable';
import { downloadBlob } from './download';
import { svgToPng } from './svgToPng';
import { warningText, type FrameWarning } from './warnings';

/**
 * Which state the widget's body is in. Exactly one at a time; notices (partial, stale, warnings)
 * add to `ready`, `empty` and `suppressed`, never to `loading` or `error` (nothing read is shown).
 */
export type FrameStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: unknown; readonly onRetry: () => void }
  /**
   * Nothing to show (say why in `message`; never a misleading zero). `onRetry`, on `empty` and
   * `ready`, reads again: offered beside the partial-data notice when some parts could not be read.
   */
  | { readonly kind: 'empty'; readonly message?: string | undefined; readonly onRetry?: (() => void) | undefined }
  /** Withheld on purpose: too few answers for anonymity or meaning. */
  | { readonly kind: 'suppressed'; readonly message?: string | undefined }
  | { readonly kind: 'ready'; readonly onRetry?: (() => void) | undefined };

/** A chart and what it says in words. The frame adds the table alternative and PNG export. */
export interface FrameChart {
  /** The chart; the first `<svg>` inside is what "Export PNG" draws. */
  readonly content: ReactNode;
  /** What the chart shows, in a sentence or two: always visible under it. */
  readonly summary: string;
}

/** Data shown from an earlier read: when it was read, whether refreshing failed, and how to refresh. */
export interface FrameStale {
  readonly readAt: string;
  readonly refreshFailed?: boolean | undefined;
  readonly onRefresh?: (() => void) | undefined;
}

export interface WidgetFrameProps {
  readonly title: string;
  readonly description?: string | undefined;
  readonly headingLevel?: 2 | 3 | undefined;
  readonly status: FrameStatus;
  /** The widget's data as rows: exported as CSV, and the "show as table" view of a chart. */
  readonly table?: TableData | undefined;
  readonly chart?: FrameChart | undefined;
  /** Base of export file names (default: the title) and the date they carry. */
  readonly exportName?: string | undefined;
  readonly asOf?: string | undefined;
  /** Filter controls (labelled form controls); grouped and labelled "Filters". */
  readonly filters?: ReactNode | undefined;
  /** Parts the CRM could not read: listed in words (partial data). */
  readonly unavailable?: readonly UnavailablePart[] | undefined;
  /** Records read but rejected by validation: counted in words. */
  readonly rejectedCount?: number | undefined;
  readonly stale?: FrameStale | undefined;
  /** Data-quality warnings from the metrics core, in words. */
  readonly warnings?: readonly FrameWarning[] | undefined;
  /** Words for ids that warnings carry in `detail.measure` / `detail.dimension`. */
  readonly nameOf?: ((id: string) => string) | undefined;
  /**
   * A read is running while data is shown (a refresh, or new filters while the previous figures
   * stay on screen): the figures stay, and a polite live notice says they are being updated.
   */
  readonly busy?: boolean | undefined;
  readonly className?: string | undefined;
  /** The body when `status.kind === 'ready'` (besides the chart). */
  readonly children?: ReactNode | undefined;
}

const emptyParts: readonly UnavailablePart[] = [];
const noWarnings: readonly FrameWarning[] = [];

/**
 * The frame every Kizuna widget sits in: a labelled region with one of the states (loading,
 * empty, error with retry, suppressed, ready), notices for partial and stale data, data-quality
 * warnings in words, a table alternative for charts, and CSV / PNG export.
 */
export function WidgetFrame(props: WidgetFrameProps) {
  const translator = useTranslator();
  const { t, plural } = translator;
  const headingId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const { status, table, chart, title } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const ready = status.kind === 'ready';
  // A read answered: figures, or an empty or withheld verdict (notices about the read apply to all three).
  const shown = status.kind !== 'loading' && status.kind !== 'error';
  // What is shown stays on screen while a new read runs, marked as updating.
  const updating = props.busy === true && shown;
  // One line per part and reason: several refused queries of one record type read the same in words.
  const unavailable = [...new Map((props.unavailable ?? emptyParts).map((part) => [`${part.entity}-${part.code}`, part])).values()];
  const warnings = props.warnings ?? noWarnings;
  const baseName = props.exportName ?? title;

  const exportCsv = () => {
    if (table === undefined) return;
    setExportError(null);
    downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), exportFileName(baseName, 'csv', props.asOf));
  };
  const exportPng = () => {
    const svg = chartRef.current?.querySelector('svg');
    setExportError(null);
    if (svg === null || svg === undefined) {
      setExportError(t('frame.exportFailed', { reason: t('error.other') }));
      return;
    }
    svgToPng(svg)
      .then((blob) => downloadBlob(blob, exportFileName(baseName, 'png', props.asOf)))
      .catch((error: unknown) => setExportError(t('frame.exportFailed', { reason: error instanceof Error ? error.message : String(error) })));
  };

  return (
    <section
      className={['kz-widget', props.className].filter(Boolean).join(' ')}
      role="region"
      aria-labelledby={headingId}
      aria-busy={status.kind === 'loading' || props.busy === true}
    >
      <header className="kz-widget__header">
        <Heading id={headingId} className="kz-widget__title">
          {title}
        </Heading>
        {ready && (table !== undefined || chart !== undefined) && (
          <div className="kz-widget__tools">
            {chart !== undefined && table !== undefined && (
              <button type="button" className="kz-button kz-button--quiet" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
                {t(asTable ? 'frame.showChart' : 'frame.showTable')}
              </button>
            )}
            {table !== undefined && (
              <button
                type="button"
                className="kz-button kz-button--quiet"
                aria-label={t('frame.exportLabel', { action: t('frame.exportCsv'), title })}
                onClick={exportCsv}
              >
                {t('frame.exportCsv')}
              </button>
            )}
            {chart !== undefined && !asTable && (
              <button
                type="button"
                className="kz-button kz-button--quiet"
                aria-label={t('frame.exportLabel', { action: t('frame.exportPng'), title })}
                onClick={exportPng}
              >
                {t('frame.exportPng')}
              </button>
            )}
          </div>
        )}
      </header>
      {props.description !== undefined && <p className="kz-widget__description">{props.description}</p>}
      {props.filters !== undefined && (
        <div className="kz-widget__filters" role="group" aria-label={t('frame.filters')}>
          {props.filters}
        </div>
      )}
      {exportError !== null && (
        <p className="kz-state kz-state--error" role="alert">
          {exportError}
        </p>
      )}
      {unavailable.length > 0 && shown && (
        <div className="kz-notice kz-notice--partial" data-notice="partial">
          <p className="kz-notice__title">{t('frame.partial')}</p>
          <ul>
            {unavailable.map((part) => (
              <li key={`${part.entity}-${part.code}`}>
                {t('frame.partialPart', { entity: t(`entity.${part.entity}` as MessageKey), reason: t(errorMessageKey(part.code)) })}
              </li>
            ))}
          </ul>
          {(status.kind === 'ready' || status.kind === 'empty') && status.onRetry !== undefined && (
            <button type="button" className="kz-button kz-button--quiet" onClick={status.onRetry}>
              {t('state.retry')}
            </button>
          )}
        </div>
      )}
      {/* Stale is a property of the read, not of what it found: an empty or withheld verdict from an old read is as stale. */}
      {props.stale !== undefined && shown && (
        <p className="kz-notice kz-notice--stale" data-notice="stale">
          {t(props.stale.refreshFailed === true ? 'frame.staleRefreshFailed' : 'frame.stale', {
            when: translator.formatDate(props.stale.readAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}{' '}
          {props.stale.onRefresh !== undefined && (
            <button type="button" className="kz-button kz-button--quiet" onClick={props.stale.onRefresh}>
              {t('frame.refresh')}
            </button>
          )}
        </p>
      )}
      {/* In the tree whenever something is shown, so assistive technology hears the words when they appear. */}
      {shown && (
        <p className="kz-notice kz-notice--updating" role="status" aria-live="polite" data-notice={updating ? 'updating' : undefined}>
          {updating ? t('frame.updating') : ''}
        </p>
      )}
      {status.kind === 'loading' && <Skeleton />}
      {status.kind === 'error' && <ErrorState error={status.error} onRetry={status.onRetry} />}
      {status.kind === 'empty' && <p className="kz-state kz-state--empty">{status.message ?? t('state.empty')}</p>}
      {status.kind === 'suppressed' && (
        <p className="kz-state kz-state--suppressed" data-state="suppressed">
          {status.message ?? t('state.suppressed')}
        </p>
      )}
      {ready && chart !== undefined && (
        <figure className="kz-chart">
          {asTable && table !== undefined ? (
            <DataTable table={table} caption={t('frame.tableCaption', { title })} />
          ) : (
            <div ref={chartRef} className="kz-chart__canvas">
              {chart.content}
            </div>
          )}
          <figcaption className="kz-chart__summary">{chart.summary}</figcaption>
        </figure>
      )}
      {ready && props.children}
      {(warnings.length > 0 || (props.rejectedCount ?? 0) > 0) && shown && (
        <ul className="kz-warnings">
          {warnings.map((warning, index) => (
            <li key={`${warning.code}-${index}`} className="kz-warning" data-warning={warning.code}>
              {warningText(translator, warning, props.nameOf)}
            </li>
          ))}
          {(props.rejectedCount ?? 0) > 0 && (
            <li className="kz-warning" data-warning="rejected">
              {plural('warning.rejected', props.rejectedCount ?? 0)}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
