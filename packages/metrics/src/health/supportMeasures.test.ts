import { describe, expect, it } from 'vitest';
import { openEscalations, slaCompliance } from './supportMeasures';
import { context, daysBefore, supportCase, testAsOf } from './testContext';

const asOfMs = Date.parse(testAsOf);

describe('openEscalations', () => {
  const cases = [
    supportCase('open-escalated', daysBefore(5), { escalated: true, status: 'escalated' }),
    supportCase('open', daysBefore(2)),
    supportCase('closed-escalated', daysBefore(40), { escalated: true, status: 'closed', closedAt: daysBefore(20) }),
  ];

  it('counts escalated cases open at asOf; a real 0 when there are none', () => {
    expect(openEscalations(context({ supportCases: cases }), asOfMs)).toMatchObject({ status: 'value', value: 1, n: 2 });
    expect(openEscalations(context(), asOfMs)).toMatchObject({ status: 'value', value: 0 });
  });

  it('sees the cases as they were at an earlier instant', () => {
    expect(openEscalations(context({ supportCases: cases }), asOfMs - 30 * 86_400_000)).toMatchObject({ value: 1, n: 1 });
  });
});

describe('slaCompliance', () => {
  it('counts resolutions within target, open cases past target as breaches, and leaves undecided ones out', () => {
    const cases = [
      supportCase('met', daysBefore(30), { status: 'closed', closedAt: daysBefore(29), slaResolutionHours: 72 }),
      supportCase('late', daysBefore(30), { status: 'closed', closedAt: daysBefore(20), slaResolutionHours: 72 }),
      supportCase('open-breached', daysBefore(10), { slaResolutionHours: 24 }),
      supportCase('open-in-time', daysBefore(0.5), { slaResolutionHours: 24 }),
      supportCase('old', daysBefore(300), { status: 'closed', closedAt: daysBefore(299) }),
    ];
    expect(slaCompliance(context({ supportCases: cases }), asOfMs, 180)).toEqual({ status: 'value', value: 1 / 3, n: 3 });
  });

  it('has no data when no case in the window has a target', () => {
    const { slaResolutionHours: _target, ...withoutTarget } = supportCase('x', daysBefore(3));
    expect(slaCompliance(context({ supportCases: [withoutTarget] }), asOfMs, 180)).toEqual({ status: 'no_data' });
  });
});
