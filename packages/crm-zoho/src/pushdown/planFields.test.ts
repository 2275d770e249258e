import { compileKpi, kpiCatalogue } from '@kizuna/metrics';
import type { AggregatePlan } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { zohoDefaultMapping } from '../defaultMapping';
import { parseZohoMappingFile } from '../mappingFile';
import { zohoBatchGroups, zohoBreakdownFields, zohoPeriodFields } from './planFields';

const request = { groupBy: ['businessUnitId', 'segmentId'] as const, window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } };
const planOf = (kpi: 'nps' | 'csat' | 'cesAgree' | 'cesMean' | 'escalationRate'): AggregatePlan => {
  const plan = compileKpi(kpiCatalogue[kpi], { groupBy: [...request.groupBy], window: request.window });
  if ('unsupported' in plan) throw new Error(`${kpi} has a plan`);
  return plan;
};

describe('what Zoho can group by', () => {
  it('lists the breakdown fields the mapping holds in one field', () => {
    expect(zohoBreakdownFields(zohoDefaultMapping)).toEqual({ feedback: ['kind', 'scale', 'score'], supportCase: ['escalated'], opportunity: ['status', 'type'] });
    const noEscalation = parseZohoMappingFile({ version: 1, objects: { supportCase: { fields: { escalated: null } } } });
    expect(zohoBreakdownFields(noEscalation).supportCase).toEqual([]);
  });

  it('groups score distributions only where the plans of a scale ask about as many scores as it has', () => {
    const plans = [planOf('nps'), planOf('csat'), planOf('cesAgree'), planOf('cesMean'), planOf('escalationRate')];
    const groups = zohoBatchGroups(plans, zohoDefaultMapping);
    // NPS (3 counts, 11 scores) and CSAT (2 counts, 5 scores) stay counts; CES agree + mean (9 counts, 7 scores) group by score.
    expect(groups).toEqual([
      { indexes: [0, 1], breakdownFields: { feedback: ['kind', 'scale'], supportCase: ['escalated'], opportunity: ['status', 'type'] } },
      { indexes: [2, 3, 4], breakdownFields: { feedback: ['kind', 'scale', 'score'], supportCase: ['escalated'], opportunity: ['status', 'type'] } },
    ]);
  });

  it('knows the stored quarter of Kizuna_Feedback only', () => {
    expect(zohoPeriodFields(zohoDefaultMapping)).toEqual({ feedback: 'Period' });
    expect(zohoPeriodFields(parseZohoMappingFile({ version: 1, objects: { feedback: { object: 'CX_Survey_Answers' } } }))).toEqual({});
  });
});
