import { describe, expect, it } from 'vitest';
import { generateOrganisation } from './generateOrganisation';

const org = generateOrganisation({ seed: 5, accounts: 100 });

describe('employee pulses', () => {
  it('has one aggregated pulse per team and quarter', () => {
    expect(org.employeePulses).toHaveLength(org.teams.length * 8);
    const keys = new Set(org.employeePulses.map((pulse) => `${pulse.teamId}|${pulse.period}`));
    expect(keys.size).toBe(org.employeePulses.length);
  });

  it('includes small results under the anonymity threshold of five respondents', () => {
    const small = org.employeePulses.filter((pulse) => pulse.respondents < 5);
    expect(small.length).toBeGreaterThan(10);
    expect(small.length).toBeLessThan(org.employeePulses.length / 2);
  });

  it('keeps eNPS counts summing to respondents and item means on the 1–5 scale', () => {
    for (const pulse of org.employeePulses) {
      const { promoters, passives, detractors } = pulse.enps;
      expect(promoters + passives + detractors).toBe(pulse.respondents);
      expect(pulse.respondents).toBeLessThanOrEqual(pulse.invited);
      for (const value of Object.values(pulse.itemMeans)) expect(value >= 1 && value <= 5).toBe(true);
    }
  });

  it('moves engagement from quarter to quarter around a lasting team level', () => {
    const series = org.employeePulses.filter((pulse) => pulse.teamId === org.teams[0]?.id).map((pulse) => pulse.engagement);
    expect(new Set(series).size).toBe(8);
    const all = org.employeePulses.map((pulse) => pulse.engagement);
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    expect(mean).toBeGreaterThan(60);
    expect(mean).toBeLessThan(76);
  });
});
