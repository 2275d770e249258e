import { describe, expect, it } from 'vitest';
import { datasetKeys, entityNames, parseEntity, type CanonicalDataset } from '@kizuna/model';
import { maxContacts, minContacts } from './contacts';
import { generateOrganisation } from './generateOrganisation';
import type { EffectsMode } from './options';

const organisations = new Map<string, CanonicalDataset>();
function organisation(seed: number, effects: EffectsMode = 'planted'): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const cached = organisations.get(key) ?? generateOrganisation({ seed, effects });
  organisations.set(key, cached);
  return cached;
}

function schemaFailures(dataset: CanonicalDataset): string[] {
  const failures: string[] = [];
  for (const entity of entityNames) {
    for (const record of dataset[datasetKeys[entity]]) {
      const result = parseEntity(entity, record);
      if (!result.ok) failures.push(`${entity} ${JSON.stringify(result.issues)}`);
    }
  }
  return failures;
}

function idsOf(records: readonly { id: string }[]): Set<string> {
  return new Set(records.map((record) => record.id));
}

describe('generateOrganisation', () => {
  it('gives byte-identical JSON for the same options', () => {
    const first = JSON.stringify(generateOrganisation({ seed: 7, accounts: 60 }));
    const second = JSON.stringify(generateOrganisation({ seed: 7, accounts: 60 }));
    expect(second).toBe(first);
  });

  it('gives a different organisation for a different seed', () => {
    const seven = JSON.stringify(generateOrganisation({ seed: 7, accounts: 60 }));
    const eight = JSON.stringify(generateOrganisation({ seed: 8, accounts: 60 }));
    expect(eight).not.toBe(seven);
  });

  it.each([
    [1, 'planted'],
    [2, 'planted'],
    [1, 'none'],
  ] as const)('produces only records that pass the canonical schemas (seed %i, %s)', (seed, effects) => {
    const dataset = organisation(seed, effects);
    expect(schemaFailures(dataset)).toEqual([]);
    expect(dataset.accounts).toHaveLength(200);
    expect(dataset.feedback.length).toBeGreaterThan(1_000);
  });

  it('takes another reference date: history ends at asOf, even in the middle of a quarter', () => {
    const asOf = '2026-11-15T12:00:00Z';
    const dataset = generateOrganisation({ seed: 3, accounts: 40, asOf, periods: 4 });
    expect(schemaFailures(dataset)).toEqual([]);
    expect([...new Set(dataset.employeePulses.map((pulse) => pulse.period))]).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const latest = dataset.feedback.reduce((max, f) => (f.respondedAt > max ? f.respondedAt : max), '');
    expect(Date.parse(latest)).toBeLessThan(Date.parse(asOf));
    expect(dataset.touchpoints.every((t) => t.occurredAt >= '2026-01-01')).toBe(true);
  });

  it.each([1, 2])('keeps every foreign key pointing at an existing record (seed %i)', (seed) => {
    const d = organisation(seed);
    const units = idsOf(d.businessUnits);
    const lines = new Map(d.productLines.map((line) => [line.id, line.businessUnitId]));
    const teams = new Map(d.teams.map((team) => [team.id, team]));
    const segments = idsOf(d.segments);
    const accounts = idsOf(d.accounts);
    const contactAccount = new Map(d.contacts.map((contact) => [contact.id, contact.accountId]));
    const touchpoints = idsOf(d.touchpoints);
    const broken: string[] = [];
    const check = (ok: boolean, what: string): void => void (ok || broken.push(what));
    for (const line of d.productLines) check(units.has(line.businessUnitId), line.id);
    for (const team of d.teams) check(units.has(team.businessUnitId), team.id);
    for (const a of d.accounts) {
      check(units.has(a.businessUnitId) && segments.has(a.segmentId), a.id);
      check(lines.get(a.productLineId) === a.businessUnitId, `${a.id} product line of its unit`);
      check(teams.get(a.servingTeamId)?.businessUnitId === a.businessUnitId, `${a.id} serving team of its unit`);
    }
    for (const c of d.contacts) check(accounts.has(c.accountId), c.id);
    for (const t of d.touchpoints) check(contactAccount.get(t.contactId ?? '') === t.accountId && teams.has(t.teamId ?? ''), t.id);
    for (const f of d.feedback) {
      check(contactAccount.get(f.contactId ?? '') === f.accountId, f.id);
      check(f.touchpointId === undefined || touchpoints.has(f.touchpointId), `${f.id} touchpoint`);
    }
    for (const s of d.supportCases) {
      check(contactAccount.get(s.contactId ?? '') === s.accountId && teams.has(s.teamId ?? ''), s.id);
      check(lines.has(s.productLineId ?? ''), `${s.id} product line`);
    }
    for (const o of d.opportunities) check(accounts.has(o.accountId) && lines.has(o.productLineId ?? ''), o.id);
    for (const p of d.employeePulses) check(teams.has(p.teamId), p.id);
    expect(broken).toEqual([]);
  });

  it('gives every record a unique id', () => {
    const d = organisation(1);
    for (const entity of entityNames) {
      const records: readonly { id: string }[] = d[datasetKeys[entity]];
      expect(idsOf(records).size, entity).toBe(records.length);
    }
  });

  it('gives every account 3–12 contacts, always with a decision maker', () => {
    const d = organisation(1);
    for (const account of d.accounts) {
      const contacts = d.contacts.filter((contact) => contact.accountId === account.id);
      expect(contacts.length).toBeGreaterThanOrEqual(minContacts);
      expect(contacts.length).toBeLessThanOrEqual(maxContacts);
      expect(contacts.some((contact) => contact.role === 'decision_maker')).toBe(true);
    }
    expect(new Set(d.contacts.map((contact) => contact.role)).size).toBe(5);
  });

  it('builds a company of at least four units with two or three product lines each, four segments and all departments', () => {
    const d = organisation(1);
    expect(d.businessUnits.length).toBeGreaterThanOrEqual(4);
    for (const unit of d.businessUnits) {
      const lines = d.productLines.filter((line) => line.businessUnitId === unit.id);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.length).toBeLessThanOrEqual(3);
    }
    expect(d.segments.map((segment) => segment.name)).toEqual(['Enterprise', 'Mid-market', 'SMB', 'Public sector']);
    expect(new Set(d.teams.map((team) => team.department))).toEqual(
      new Set(['success', 'sales', 'support', 'marketing', 'professional_services']),
    );
    expect(d.teams.filter((team) => team.department === 'success').length).toBeGreaterThanOrEqual(40);
  });
});
