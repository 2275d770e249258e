import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { expectNoAxeViolations } from '../testing/axe';
import type { TableData } from './csv';
import { standaloneSvg } from './svgToPng';
import { WidgetFrame, type WidgetFrameProps } from './WidgetFrame';

afterEach(cleanup);

const table: TableData = {
  columns: [
    { key: 'quarter', label: 'Quarter', rowHeader: true },
    { key: 'nps', label: 'NPS', numeric: true },
  ],
  rows: [
    { quarter: '2026-Q2', nps: 12 },
    { quarter: '2026-Q3', nps: 30 },
  ],
};

const chart = {
  content: (
    <svg role="img" aria-label="NPS by quarter" viewBox="0 0 200 100">
      <rect x="10" y="40" width="20" height="60" fill="#0176d3" />
    </svg>
  ),
  summary: 'NPS rose from +12 to +30 over two quarters.',
};

/** jsdom's Blob has no `text()`; FileReader reads it as a browser would. */
function textOf(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) return reject(new Error('no blob was made'));
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

function renderFrame(props: Partial<WidgetFrameProps>, locale: Locale = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <WidgetFrame title="NPS trend" status={{ kind: 'ready' }} {...props} />
    </I18nProvider>,
  );
}

describe('WidgetFrame', () => {
  const created: Blob[] = [];
  beforeEach(() => {
    created.length = 0;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:kizuna';
    });
    URL.revokeObjectURL = vi.fn();
  });

  it('is a region named by its title, busy with a skeleton while loading', async () => {
    renderFrame({ status: { kind: 'loading' } });
    const region = screen.getByRole('region', { name: 'NPS trend' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(within(region).getByRole('status').textContent).toBe('Loading…');
    expect(within(region).queryByRole('button', { name: /Export/ })).toBeNull();
    await expectNoAxeViolations(region);
  });

  it('keeps the figures on screen while new ones load, saying so politely instead of showing a skeleton', async () => {
    const { rerender } = renderFrame({ chart, table, busy: true });
    const region = screen.getByRole('region', { name: 'NPS trend' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(region.querySelector('.kz-skeleton')).toBeNull();
    expect(within(region).getByText('NPS rose from +12 to +30 over two quarters.')).toBeTruthy();
    const notice = within(region).getByRole('status');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(notice.textContent).toMatch(/^Updating… the figures shown are from the previous read/);
    await expectNoAxeViolations(region);
    rerender(
      <I18nProvider locale="en">
        <WidgetFrame title="NPS trend" status={{ kind: 'ready' }} chart={chart} table={table} busy={false} />
      </I18nProvider>,
    );
    // The live region stays (so the next update is announced) but says nothing.
    expect(within(region).getByRole('status').textContent).toBe('');
  });

  it('turns a typed error into words with a retry that calls back', async () => {
    const onRetry = vi.fn();
    renderFrame({ status: { kind: 'error', error: Object.assign(new Error('x'), { code: 'PERMISSION_DENIED' }), onRetry } });
    expect(screen.getByRole('alert').textContent).toContain('You do not have permission to see this data in your CRM.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    await expectNoAxeViolations(screen.getByRole('region'));
  });

  it('says what is empty or withheld instead of drawing zeros', async () => {
    renderFrame({ status: { kind: 'empty', message: 'No touchpoints in this period.' } });
    expect(screen.getByText('No touchpoints in this period.')).toBeTruthy();
    cleanup();
    renderFrame({ status: { kind: 'suppressed' } });
    expect(screen.getByText(/too few answers to protect anonymity/)).toBeTruthy();
    await expectNoAxeViolations(screen.getByRole('region'));
  });

  it('lists the parts that could not be read, why, and the data-quality warnings, in words', async () => {
    renderFrame({
      chart,
      table,
      unavailable: [
        { entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'no access' },
        { entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'no access to CaseComment' },
      ],
      rejectedCount: 2,
      warnings: [{ code: 'small_sample', detail: { n: 4, minimum: 10 } }, { code: 'thin_basis' }],
    });
    // Two refused queries of one record type for one reason read the same: said once.
    expect(screen.getAllByText('Support cases: You do not have permission to see this data in your CRM.')).toHaveLength(1);
    expect(screen.getByText('Only 4 responses (fewer than 10): treat this as indicative.')).toBeTruthy();
    expect(screen.getByText('This rests on too little data to be reliable.')).toBeTruthy();
    expect(screen.getByText('2 records from the CRM could not be read and are left out.')).toBeTruthy();
    await expectNoAxeViolations(screen.getByRole('region'));
  });

  it('offers to read again beside the parts that could not be read, and only there', () => {
    const onRetry = vi.fn();
    const { unmount } = renderFrame({ status: { kind: 'ready', onRetry }, table });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    unmount();
    renderFrame({ status: { kind: 'ready', onRetry }, table, unavailable: [{ entity: 'touchpoint', code: 'UNAVAILABLE', message: 'timed out' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('marks stale data with when it was read, and refreshes on request', async () => {
    const onRefresh = vi.fn();
    renderFrame({ stale: { readAt: '2026-09-30T08:15:00.000Z', refreshFailed: true, onRefresh } });
    expect(screen.getByText(/Refreshing failed; showing data read Sep 30, 2026, 8:15/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledOnce();
    await expectNoAxeViolations(screen.getByRole('region'));
  });

  it('marks an empty or withheld verdict from an old read as stale too, but not a loading or failed read', async () => {
    const onRefresh = vi.fn();
    const stale = { readAt: '2026-09-30T08:15:00.000Z', onRefresh };
    renderFrame({ status: { kind: 'empty', message: 'No touchpoints in this period.' }, stale });
    const region = screen.getByRole('region', { name: 'NPS trend' });
    expect(within(region).getByText('No touchpoints in this period.')).toBeTruthy();
    expect(region.querySelector('[data-notice="stale"]')?.textContent).toMatch(/Showing data read Sep 30, 2026, 8:15/);
    fireEvent.click(within(region).getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledOnce();
    await expectNoAxeViolations(region);
    cleanup();
    renderFrame({ status: { kind: 'suppressed' }, stale });
    expect(document.querySelector('[data-notice="stale"]')).not.toBeNull();
    cleanup();
    renderFrame({ status: { kind: 'loading' }, stale });
    expect(document.querySelector('[data-notice="stale"]')).toBeNull();
    cleanup();
    renderFrame({ status: { kind: 'error', error: new Error('x'), onRetry: vi.fn() }, stale });
    expect(document.querySelector('[data-notice="stale"]')).toBeNull();
  });

  it('shows a chart with its summary, switches to an accessible table and back by keyboard-operable buttons', async () => {
    renderFrame({ chart, table });
    expect(screen.getByRole('img', { name: 'NPS by quarter' })).toBeTruthy();
    expect(screen.getByText('NPS rose from +12 to +30 over two quarters.')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    fireEvent.click(toggle);
    const grid = screen.getByRole('table', { name: 'NPS trend: data table' });
    expect(within(grid).getByRole('rowheader', { name: '2026-Q3' })).toBeTruthy();
    expect(within(grid).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['12', '30']);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: /Export PNG/ })).toBeNull();
    await expectNoAxeViolations(screen.getByRole('region'));
    fireEvent.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(screen.getByRole('img', { name: 'NPS by quarter' })).toBeTruthy();
  });

  it('exports its rows as a CSV file named for the widget and the date', async () => {
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderFrame({ table, asOf: '2026-10-01T00:00:00.000Z', exportName: 'nps-trend' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: NPS trend' }));
    expect(clicks).toEqual(['nps-trend-2026-10-01.csv']);
    const [blob] = created;
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const csv = '\uFEFFQuarter,NPS\r\n2026-Q2,12\r\n2026-Q3,30\r\n';
    // FileReader decodes the byte-order mark away; the byte count shows it was written.
    expect(await textOf(blob)).toBe(csv.slice(1));
    expect(blob?.size).toBe(new TextEncoder().encode(csv).length);
    click.mockRestore();
  });

  it('speaks Japanese', () => {
    renderFrame({ chart, table }, 'ja');
    expect(screen.getByRole('button', { name: '表で表示' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'CSVを出力：NPS trend' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'PNGを出力：NPS trend' })).toBeTruthy();
  });
});

describe('standaloneSvg', () => {
  it('serialises the chart as a sized, namespaced SVG document with a background', () => {
    render(chart.content);
    const svg = document.querySelector('svg');
    expect(svg).not.toBeNull();
    if (svg === null) return;
    const markup = standaloneSvg(svg, '#ffffff');
    expect(markup).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).toContain('width="200"');
    expect(markup).toContain('height="100"');
    expect(markup).toMatch(/<rect width="100%" height="100%" fill="#ffffff"\/>/);
    expect(markup).toContain('fill="#0176d3"');
  });
});
