import { describe, expect, it } from 'vitest';
import { ConfigError } from './configIssues';
import { defaultScorecardConfig, defaultScorecardInput } from './defaultScorecard';
import { assertScorecardConfig, parseScorecardConfig } from './scorecardConfig';

const csat = { id: 'csat_top2box', weight: 1, points: [{ value: 0.5, score: 0 }, { value: 1, score: 100 }] };

describe('scorecard config', () => {
  it('accepts the default scorecard and fills in the defaults', () => {
    const result = parseScorecardConfig(defaultScorecardInput);
    expect(result.ok).toBe(true);
    expect(defaultScorecardConfig.bands).toEqual({ redMax: 50, yellowMax: 75 });
    expect(defaultScorecardConfig.trendDays).toBe(90);
    expect(defaultScorecardConfig.measures.reduce((sum, measure) => sum + measure.weight, 0)).toBe(100);
    const nps = defaultScorecardConfig.measures.find((measure) => measure.id === 'relationship_nps');
    expect(nps).toMatchObject({ windowDays: 365, gate: false, roleWeights: { decision_maker: 3, user: 1 } });
  });

  it('leaves renewal proximity out of the default, since it falls by itself as time passes', () => {
    expect(defaultScorecardConfig.measures.map((measure) => measure.id)).not.toContain('renewal_proximity');
  });

  it('names the path of every bad setting in plain words', () => {
    const result = parseScorecardConfig({
      measures: [{ ...csat, weight: -1, points: [{ value: 1, score: 10 }, { value: 0, score: 120 }], colour: 'red' }],
      bands: { redMax: 80, yellowMax: 70 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: 'measures.0.weight', message: 'must be positive (remove the measure to switch it off)' },
        { path: 'measures.0.points.1.score', message: 'must be at most 100' },
        { path: 'measures.0.points.1.value', message: "must not be lower than the previous point's value (1); list points in ascending order" },
        { path: 'measures.0', message: 'unknown setting(s) colour' },
        { path: 'bands.yellowMax', message: 'must be greater than redMax' },
      ]),
    );
  });

  it('tells a missing setting from one of the wrong type', () => {
    const result = parseScorecardConfig({ measures: [{ id: 'csat_top2box', points: [{ value: '1', score: 10 }, { value: 2, score: 20 }] }] });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'measures.0.weight', message: 'is required' },
      { path: 'measures.0.points.0.value', message: 'must be a number' },
    ]);
  });

  it('lists the known measures when an id is unknown, and rejects a measure listed twice', () => {
    const unknown = parseScorecardConfig({ measures: [{ ...csat, id: 'usage' }] });
    expect(unknown.ok ? '' : unknown.issues[0]?.message).toMatch(/must be one of the known measures: relationship_nps, .*renewal_proximity/);
    const twice = parseScorecardConfig({ measures: [csat, csat] });
    expect(twice.ok ? [] : twice.issues).toEqual([{ path: 'measures.1.id', message: 'csat_top2box is listed twice' }]);
  });

  it('throws a ConfigError whose message carries every issue', () => {
    expect(() => assertScorecardConfig({ measures: [] })).toThrow(ConfigError);
    expect(() => assertScorecardConfig({ measures: [] })).toThrow('Invalid scorecard config: measures: needs at least one measure');
  });
});
