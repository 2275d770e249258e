import { generateOrganisation } from '@kizuna/sample-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFactTables } from './buildFactTables';
import { dimensions, type Dimension } from './dimensions';
import { evaluateKpi } from './evaluateKpi';
import { evaluateKpis, kpiBatch } from './kpiBatch';
import { kpiCatalogue, kpiIds } from './kpiCatalogue';
import type { KpiRequest } from './kpiRequest';

/**
 * The batch shares work between KPIs and cuts (the selection of rows, populations, groupings, a
 * coarser cut derived from a finer one, gathered values): every KPI must come out exactly as when
 * evaluated alone, groups in the same order, whatever the KPIs and cuts evaluated before it.
 */
const definitions = kpiIds.map((id) => kpiCatalogue[id]);

const windowArbitrary = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 8 })).map(([start, length]) => ({
    from: new Date(Date.UTC(2024, 9 + start * 3, 1)).toISOString(),
    to: new Date(Date.UTC(2024, 9 + (start + length) * 3, 1)).toISOString(),
  })),
  { nil: undefined },
);

describe('KPIs in a batch', () => {
  it('equal each KPI evaluated alone, over random organisations, windows, filters and sequences of cuts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        windowArbitrary,
        fc.boolean(),
        fc.array(fc.subarray([...dimensions], { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (seed, window, onlySegment, cuts) => {
          const dataset = generateOrganisation({ seed, accounts: 20 });
          const tables = buildFactTables(dataset, { health: { asOf: '2026-10-01T00:00:00.000Z' } });
          const segment = dataset.segments[seed % dataset.segments.length]?.id ?? '';
          const scope = {
            ...(window === undefined ? {} : { window }),
            ...(onlySegment ? { filters: [{ dimension: 'segmentId' as const, values: [segment] }] } : {}),
          };
          // Each cut followed by its coarser versions (dimensions dropped), as a comparison does.
          const sequence: Dimension[][] = cuts.flatMap((cut) => [cut, cut.slice(1), cut.slice(0, -1)]);
          const batch = kpiBatch(tables, scope);
          for (const groupBy of sequence) {
            for (const definition of definitions) {
              const request: KpiRequest = { ...scope, groupBy };
              expect(batch.evaluate(definition, groupBy), `${definition.id} by ${groupBy.join(',')}`).toEqual(evaluateKpi(definition, tables, request));
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('evaluateKpis gives the KPIs in the order asked, as evaluated alone', () => {
    const tables = buildFactTables(generateOrganisation({ seed: 3, accounts: 15 }));
    const request: KpiRequest = { groupBy: ['businessUnitId', 'period'], window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } };
    const reversed = [...definitions].reverse();
    expect(evaluateKpis(reversed, tables, request)).toEqual(reversed.map((definition) => evaluateKpi(definition, tables, request)));
  });
});
