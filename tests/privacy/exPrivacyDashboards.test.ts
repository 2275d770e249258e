// @vitest-environment jsdom
import { aggregatePulses, createDatasetDataSource, differencingExposures, resolveTeams, teamProfiles, type ExGroupResult, type TeamFilter } from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { createTranslator, Dashboard, periodWindow, quartersIn, type DashboardRole, type FilterState } from '@kizuna/widgets';
import fc from 'fast-check';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './csvRows';

/**
 * EX privacy end to end: the business-unit and CX leaders' dashboards, rendered for real over
 * random small organisations (where about one team pulse in three has fewer than 5 respondents)
 * and random filter choices. Every employee figure they show — on screen and in every CSV export —
 * is traced back to the teams and quarters it covers, and the metrics core's own invariant
 * (`differencingExposures`: each group, each pair, each parent minus disjoint children, any
 * integer combination) must find no population of 1–4 respondents, over all views one user opened.
 */
const k = 5;
const asOf = '2026-10-01T00:00:00.000Z';
const en = createTranslator('en');
const exColumns = ['engagement', 'enps'] as const;

const downloads: Blob[] = [];
const createObjectURL = URL.createObjectURL;
beforeAll(() => {
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (blob instanceof Blob) downloads.push(blob);
    return 'blob:kizuna-test';
  };
  URL.revokeObjectURL = () => undefined;
  // jsdom cannot navigate to a download; the blob above is what the user would get.
  document.addEventListener('click', (event) => {
    if (event.target instanceof HTMLAnchorElement && event.target.hasAttribute('download')) event.preventDefault();
  });
});

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The export could not be read.'));
    reader.readAsText(blob);
  });
}
afterAll(() => {
  URL.createObjectURL = createObjectURL;
});

async function until<TValue>(probe: () => TValue | undefined, what: string, timeoutMs = 20_000): Promise<TValue> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An employee figure the dashboard showed: which row, which KPI, and the n it gave. */
interface ShownFigure {
  readonly source: 'screen' | 'csv';
  readonly dimension: string;
  readonly group: string;
  readonly kpi: (typeof exColumns)[number];
  readonly n: number;
}

interface ViewCapture {
  readonly figures: ShownFigure[];
  readonly text: string;
}

/** Renders one dashboard with the given filters, waits for it to settle, and reads its EX figures. */
async function captureView(dataset: CanonicalDataset, role: DashboardRole, filters: FilterState): Promise<ViewCapture> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const dataSource = createDatasetDataSource(dataset, { user: { id: 'u-1', name: 'Leader', locale: 'en-US' }, factTables: { health: { asOf } } });
  root.render(createElement(Dashboard, { role, dataSource, locale: 'en', theme: 'neutral', colourScheme: 'light', asOf, leader: { filters } }));
  try {
    await until(() => (container.querySelector('.kz-widget') !== null && container.querySelectorAll('.kz-skeleton').length === 0 ? true : undefined), `${role} to load`);
    const figures: ShownFigure[] = [];
    // Screen: every "n = …" in an EX column of a comparison table.
    for (const table of Array.from(container.querySelectorAll('table.kz-table--kpis'))) {
      const dimension = table.querySelector('thead tr:nth-child(2) th')?.textContent ?? '';
      for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
        const cells = Array.from(row.querySelectorAll('td'));
        for (const kpi of exColumns) {
          const index = ['nps', 'csat', 'cesAgree', 'engagement', 'enps'].indexOf(kpi);
          const n = cells[index]?.querySelector('.kz-cell__n')?.textContent;
          if (n === undefined || n === null) continue;
          figures.push({ source: 'screen', dimension, group: row.querySelector('th')?.firstChild?.textContent ?? '', kpi, n: Number(n.replace(/[^\d]/g, '')) });
        }
      }
    }
    // Every CSV export the dashboard offers.
    downloads.length = 0;
    for (const button of Array.from(container.querySelectorAll('button')).filter((candidate) => candidate.textContent === en.t('frame.exportCsv'))) button.click();
    for (const blob of downloads) {
      const [header, ...rows] = parseCsv((await blobText(blob)).replace(/^\uFEFF/, ''));
      if (header === undefined) continue;
      for (const kpi of exColumns) {
        const nAt = header.indexOf(`${en.t(`kpi.${kpi}`)} · n`);
        if (nAt < 0) continue;
        for (const row of rows) {
          const n = row[nAt];
          if (n === undefined || n === '') continue;
          figures.push({ source: 'csv', dimension: row[0] ?? '', group: row[1] ?? '', kpi, n: Number(n) });
        }
      }
    }
    return { figures, text: container.textContent ?? '' };
  } finally {
    root.unmount();
    container.remove();
  }
}

/** The teams a row of the business view covers (company, a unit, a segment), under the filters. */
function rowTeams(dataset: CanonicalDataset, filters: FilterState, figure: ShownFigure): TeamFilter {
  const own = filters.businessUnitId;
  const segmentOnly: TeamFilter = filters.segmentId === undefined ? {} : { servingSegmentIds: [filters.segmentId] };
  if (figure.group === en.t('bu.company')) return segmentOnly;
  const unit = dataset.businessUnits.find((candidate) => candidate.name === figure.group);
  if (unit !== undefined && figure.dimension === en.t('dimension.businessUnitId')) return { ...segmentOnly, businessUnitIds: [unit.id] };
  const segment = dataset.segments.find((candidate) => candidate.name === figure.group);
  if (segment !== undefined) return { ...(own === undefined ? {} : { businessUnitIds: [own] }), servingSegmentIds: [segment.id] };
  throw new Error(`A figure of an unknown row: ${figure.dimension} / ${figure.group}`);
}

/** A shown figure as the metrics core's shown result: its teams' pulses over the view's quarters. */
function asShownResult(dataset: CanonicalDataset, filters: FilterState, figure: ShownFigure, id: string): ExGroupResult {
  const teams = resolveTeams(teamProfiles(dataset.teams, dataset.accounts), rowTeams(dataset, filters, figure));
  const periods = quartersIn(periodWindow(filters.period, asOf));
  const [aggregate] = aggregatePulses(dataset.employeePulses, [{ id, teamIds: teams, periods }]);
  if (aggregate === undefined) throw new Error('aggregatePulses returned nothing.');
  return { ...aggregate, status: 'shown', warnings: [] };
}

/** A small organisation whose pulses get random respondent counts (0 … invited), so small groups abound. */
function smallOrganisation(seed: number, accounts: number, dropouts: readonly number[]): CanonicalDataset {
  const dataset = generateOrganisation({ seed, accounts, asOf });
  const employeePulses = dataset.employeePulses.map((pulse, index) => {
    const keep = Math.min(pulse.respondents, Math.max(0, pulse.respondents - (dropouts[index % dropouts.length] ?? 0)));
    const promoters = Math.min(pulse.enps.promoters, keep);
    const passives = Math.min(pulse.enps.passives, keep - promoters);
    return { ...pulse, respondents: keep, enps: { promoters, passives, detractors: keep - promoters - passives } };
  });
  return { ...dataset, employeePulses };
}

// Every generated organisation has the same units and segments.
const structure = generateOrganisation({ seed: 1, accounts: 1, asOf });
const unitIds = structure.businessUnits.map((unit) => unit.id);
const segmentIds = structure.segments.map((segment) => segment.id);
const filterArbitrary: fc.Arbitrary<FilterState> = fc.record(
  {
    period: fc.constantFrom('last_quarter', 'last_half_year', 'last_year', '2026-Q2', '2025-Q4'),
    businessUnitId: fc.constantFrom(...unitIds),
    segmentId: fc.constantFrom(...segmentIds),
  },
  { requiredKeys: ['period'] },
);

describe('EX privacy across the leader dashboards (jsdom, random small organisations and filters)', () => {
  it('no screen or CSV export, alone or differenced with another view, reveals a pulse group under 5', async () => {
    let views = 0;
    let figuresSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 6, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }),
        fc.array(filterArbitrary, { minLength: 1, maxLength: 3 }),
        async (seed, accounts, dropouts, filterChoices) => {
          const dataset = smallOrganisation(seed, accounts, dropouts);
          const shown: ExGroupResult[] = [];
          for (const [viewIndex, filters] of filterChoices.entries()) {
            for (const role of ['bu-leader', 'cx-leader'] as const) {
              const { figures } = await captureView(dataset, role, filters);
              views += 1;
              figuresSeen += figures.length;
              for (const [figureIndex, figure] of figures.entries()) {
                expect(figure.n, `${role} ${figure.source} ${figure.group} ${figure.kpi}`).toBeGreaterThanOrEqual(k);
                const result = asShownResult(dataset, filters, figure, `${viewIndex}:${role}:${figure.source}:${figureIndex}:${figure.group}:${figure.kpi}`);
                // The n shown is the respondents of exactly the teams and quarters the row stands for.
                expect(result.status === 'shown' ? result.respondents : -1, `n of ${figure.group}`).toBe(figure.n);
                shown.push(result);
              }
            }
          }
          expect(differencingExposures(shown, dataset.employeePulses, k)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env['KIZUNA_PRIVACY_RUNS'] ?? 40), seed: Number(process.env['KIZUNA_PRIVACY_SEED'] ?? 20261201), endOnFailure: true },
    );
    console.info(`EX privacy: ${views} dashboard views, ${figuresSeen} employee figures (screen + CSV) traced; no exposure.`);
    expect(figuresSeen).toBeGreaterThan(0);
  });
});
