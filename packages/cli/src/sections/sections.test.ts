import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEntity } from '@kizuna/model';
import { plantedEffects } from '@kizuna/sample-data';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../testing/runCli';
import { parseSectionsJson, readJsonlRecords, type SectionsJson } from '../testing/sectionsJson';

/**
 * The analysis sections over a generated organisation of 1,000 accounts (seed 1), which has the
 * sample data's planted effects: a weak business unit, product quality as the top driver, a
 * loyalty drop at the onboarding → adoption hand-off and engagement leading CX by one quarter.
 */
const organisation = { seed: 1, accounts: 1_000 } as const;

let root: string;
let dir: string;
let jsonRun: CliRun;
let textRun: CliRun;
let sections: SectionsJson;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-analysis-sections-'));
  dir = join(root, 'org');
  await writeOrganisationJsonl(dir, organisation);
  jsonRun = await runCli(['analyze', '--data', dir, '--kpi', 'nps', '--json']);
  textRun = await runCli(['analyze', '--data', dir, '--kpi', 'nps']);
  sections = parseSectionsJson(jsonRun.stdout).sections;
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The latest answer, touchpoint or support-case event in the files: the default asOf. */
async function latestActivity(): Promise<string> {
  const times = [
    ...(await readJsonlRecords(dir, 'feedback')).map((record) => record['respondedAt']),
    ...(await readJsonlRecords(dir, 'touchpoints')).map((record) => record['occurredAt']),
    ...(await readJsonlRecords(dir, 'supportCases')).flatMap((record) => [record['openedAt'], record['firstResponseAt'], record['closedAt']]),
  ].filter((value): value is string => typeof value === 'string');
  return new Date(Math.max(...times.map((time) => Date.parse(time)))).toISOString();
}

describe('analysis sections on a generated organisation with planted effects', () => {
  it('--json parses, lists every section in order, and nothing failed', () => {
    expect(jsonRun.code).toBe(0);
    const document = parseSectionsJson(jsonRun.stdout);
    expect(Object.keys(document.sections)).toEqual(['kpis', 'highlights', 'drivers', 'journey', 'linkage', 'nextBestActions']);
    expect(document.failedSections).toEqual([]);
  });

  it('highlights flag the planted weak business unit as a weakness, ordered by revenue at stake', async () => {
    const weak = plantedEffects(organisation).weakBusinessUnit?.businessUnitId;
    const { highlights } = sections;
    expect(highlights.dimension).toBe('businessUnitId');
    expect(highlights.designEffect.value).toBeGreaterThan(1);
    const flagged = highlights.cells.filter((cell) => cell.direction === 'weakness');
    expect(flagged.map((cell) => cell.key)).toEqual([weak]);
    expect(flagged[0]?.difference).toBeLessThan(-15);
    const accounts = await readJsonlRecords(dir, 'accounts');
    const arr = accounts.filter((account) => account['businessUnitId'] === weak).reduce((sum, account) => sum + Number(account['arr']), 0);
    expect(flagged[0]?.revenueAtStake).toBeCloseTo(arr, 0);
    const unflagged = highlights.cells.filter((cell) => cell.direction === 'none').map((cell) => cell.revenueAtStake);
    expect(unflagged).toEqual([...unflagged].sort((a, b) => b - a));
  });

  it('drivers rank product quality first, with the seed stated', () => {
    const { drivers } = sections;
    expect(drivers.seed).toBe(1);
    expect(drivers.n).toBeGreaterThan(1_000);
    expect(drivers.drivers[0]).toMatchObject({ item: 'product_quality', rank: 1, reliable: true });
    expect(drivers.drivers.every((driver) => driver.quadrant !== null)).toBe(true);
  });

  it('journey reports the onboarding → adoption drop while touchpoint CSAT holds', () => {
    const { journey } = sections;
    const truth = plantedEffects(organisation).handOff;
    expect(journey.findings).toHaveLength(1);
    expect(journey.findings[0]).toMatchObject({ code: 'loyalty_drop_between_touchpoints', from: truth?.from, to: truth?.to });
    expect(journey.findings[0]?.evidence['drop']).toBeGreaterThan(25);
    expect(journey.findings[0]?.text).toMatch(/^Onboarding → adoption: NPS falls/);
  });

  it('linkage shows engagement leading CX by one quarter, as aggregates only', async () => {
    const { cxEx } = sections.linkage;
    expect(cxEx.strongestLag).toBe(1);
    const lag1 = cxEx.lags.find((lag) => lag.lag === 1)?.pooled;
    expect(lag1?.interval.low).toBeGreaterThan(0);
    for (const other of cxEx.lags.filter((lag) => lag.lag !== 1)) expect(lag1?.r).toBeGreaterThan((other.pooled?.r ?? 1) + 0.3);
    expect(cxEx.minimumRespondents).toBe(5);
    expect(sections.linkage.operational.metrics.map((metric) => metric.metric)).toContain('sla_compliance');
    const teamIds = (await readJsonlRecords(dir, 'teams')).map((team) => String(team['id']));
    const linkageJson = JSON.stringify(sections.linkage);
    expect(teamIds.filter((id) => linkageJson.includes(id))).toEqual([]);
  });

  it('next best actions are ranked by priority, each a valid action with an idempotency key and reasons, decided at the latest activity', async () => {
    const nba = sections.nextBestActions;
    expect(nba.asOf).toEqual({ instant: await latestActivity(), source: 'data' });
    expect(nba.proposed).toBeGreaterThan(0);
    expect(nba.actions.length).toBe(Math.min(nba.proposed, 1_000));
    const priorities = nba.actions.map((action) => action.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(nba.actions.map((action) => action.rank).slice(0, 3)).toEqual([1, 2, 3]);
    for (const action of nba.actions) {
      expect(action.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,80}$/);
      expect(action.reasons.length).toBeGreaterThan(0);
      expect(parseEntity('action', action.action).ok).toBe(true);
    }
    expect(new Set(nba.actions.map((action) => action.idempotencyKey)).size).toBe(nba.actions.length);
  });

  it('prints every section title in text, with names, the seed, the asOf rule and the top actions', async () => {
    expect(textRun.code).toBe(0);
    for (const title of [
      'KPIs by business unit',
      'Highlights: NPS by business unit against the rest',
      'Key drivers of NPS',
      'Journey',
      'Linkage: employee engagement',
      'Next best actions (top 20 by priority)',
    ]) {
      expect(textRun.stdout).toContain(`\n${title}`);
    }
    const weak = plantedEffects(organisation).weakBusinessUnit?.businessUnitId;
    const units = await readJsonlRecords(dir, 'businessUnits');
    const weakName = String(units.find((unit) => unit['id'] === weak)?.['name']).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(textRun.stdout).toMatch(new RegExp(`\\n  ${weakName} +WEAKNESS +JPY [\\d,]+ +-\\d+\\.\\d +-?\\+?\\d+\\.\\d … `));
    expect(textRun.stdout).toMatch(/\n +1 +product quality +\d+\.\d% \(\d+\.\d% … \d+\.\d%\)/);
    expect(textRun.stdout).toContain('seed 1 (fixed, so reruns agree)');
    expect(textRun.stdout).toContain('Onboarding → adoption: NPS falls');
    expect(textRun.stdout).toMatch(/Strongest link: engagement one quarter earlier \(lag 1\)/);
    expect(textRun.stdout).toContain('(the latest activity in the data; pass --to to choose another instant)');
    expect(textRun.stdout).toMatch(/\n {4}1\. .+ — .+\n {7}priority: JPY [\d,]+ at stake/);
    expect(textRun.stdout).not.toContain(`${weak} `);
  });

  it('is reproducible, and honours --from/--to: asOf is the end of the window, analyses see only its answers', { timeout: 60_000 }, async () => {
    expect((await runCli(['analyze', '--data', dir, '--kpi', 'nps', '--json'])).stdout).toBe(jsonRun.stdout);
    const windowed = await runCli(['analyze', '--data', dir, '--kpi', 'nps', '--json', '--from', '2026-01-01', '--to', '2026-07-01']);
    expect(windowed.code).toBe(0);
    const within = parseSectionsJson(windowed.stdout).sections;
    expect(within.nextBestActions.asOf).toEqual({ instant: '2026-07-01T00:00:00.000Z', source: 'to' });
    expect(within.drivers.n).toBeLessThan(sections.drivers.n);
    const answers = (stages: SectionsJson['journey']['stages']) => stages.reduce((sum, stage) => sum + stage.nps.n, 0);
    expect(answers(within.journey.stages)).toBeLessThan(answers(sections.journey.stages));
  });
});
