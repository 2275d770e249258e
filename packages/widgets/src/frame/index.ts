/**
 * The widget frame: every widget of every dashboard renders inside `<WidgetFrame>`.
 *
 * ```tsx
 * const query = useQuery(accountContextQuery(dataSource, accountId));
 * <WidgetFrame
 *   title={t('health.title')}                         // the region's accessible name (a heading)
 *   status={frameStatusOf(query, (d) => d.x.length === 0)} // loading | error+retry | empty | suppressed | ready
 *   stale={frameStaleOf(query)}                       // "showing data read …; may be out of date" + Refresh
 *   unavailable={query.data?.unavailable}             // partial data: which parts are missing, in words
 *   rejectedCount={query.data?.rejected.length}       // records the CRM returned that failed validation
 *   warnings={result.warnings}                        // metrics-core warning codes (KPI and health) in words
 *   nameOf={(id) => t(`measure.${id}`)}               // words for ids in warning details
 *   table={{ columns, rows }}                         // CSV export (every widget) and the chart's table view
 *   chart={{ content: <MyChart />, summary: '…' }}    // the chart (an <svg>), its text summary; adds
 *                                                     // "Show as table" and "Export PNG"
 *   filters={<select aria-label="…" />}               // grouped and labelled "Filters"
 *   asOf={asOf} exportName="health"                   // export file names: health-2026-10-01.csv
 * >
 *   {children shown when status is ready}
 * </WidgetFrame>
 * ```
 *
 * `status` is one of `{ kind: 'loading' }`, `{ kind: 'error', error, onRetry }` (a CRM error's
 * `code` becomes words), `{ kind: 'empty', message? }`, `{ kind: 'suppressed', message? }` (too few
 * answers for anonymity or meaning) and `{ kind: 'ready' }`. Notices (partial, stale, warnings)
 * show over ready, empty and suppressed alike, never over loading or an error. Small samples come
 * as `small_sample` warnings; `namedSmallSampleWarnings(warnings, 'Smart Manufacturing · NPS')`
 * names the figure each concerns. Export buttons show only when ready. `toCsv`, `svgToPng` and `DataTable` are usable alone.
 */
export { WidgetFrame } from './WidgetFrame';
export type { FrameChart, FrameStale, FrameStatus, WidgetFrameProps } from './WidgetFrame';
export { frameStaleOf, frameStatusOf } from './queryStatus';
export { DataTable } from './DataTable';
export { ScrollingTable } from './ScrollingTable';
export { exportFileName, toCsv } from './csv';
export type { CellValue, TableColumn, TableData, TableRow } from './csv';
export { namedSmallSampleWarnings, warningText } from './warnings';
export type { FrameWarning } from './warnings';
export { standaloneSvg, svgSize, svgToPng } from './svgToPng';
export { downloadBlob } from './download';
