import { describe, expect, it } from 'vitest';
import { ConfigError } from '../health';
import { assertPlaybookConfig, defaultPlaybookConfig, parsePlaybookConfig, playbookIds } from './playbookConfig';

describe('playbook config', () => {
  it('has every playbook on by default, with documented thresholds', () => {
    expect(playbookIds.every((id) => defaultPlaybookConfig.playbooks[id].enabled)).toBe(true);
    expect(defaultPlaybookConfig.dismissalWindowDays).toBe(30);
    expect(defaultPlaybookConfig.playbooks.dm_detractor_no_follow_up).toMatchObject({ followUpHours: 48, roles: ['decision_maker', 'executive_sponsor'], expectedEffect: 0.35 });
    expect(defaultPlaybookConfig.playbooks.renewal_health_falling).toMatchObject({ withinDays: 90, minimumDrop: 5 });
  });

  it('fills in whatever a partial configuration leaves out', () => {
    const config = assertPlaybookConfig({ dismissalWindowDays: 14, playbooks: { champion_quiet: { quietDays: 45 } } });
    expect(config.dismissalWindowDays).toBe(14);
    expect(config.playbooks.champion_quiet).toEqual({ enabled: true, expectedEffect: 0.2, quietDays: 45 });
    expect(config.playbooks.onboarding_stalled.expectedDays).toBe(60);
  });

  it('names the path of every bad setting', () => {
    const result = parsePlaybookConfig({
      dismissalWindowDays: -1,
      playbooks: { support_backlog: { expectedEffect: 1.5 }, champion_quiet: { quietDays: 'ninety' }, churn_party: {} },
    });
    expect(result.ok ? [] : result.issues).toEqual(
      expect.arrayContaining([
        { path: 'dismissalWindowDays', message: 'must be positive' },
        { path: 'playbooks.support_backlog.expectedEffect', message: 'must be at most 1' },
        { path: 'playbooks.champion_quiet.quietDays', message: 'must be a number, not text' },
        { path: 'playbooks', message: 'unknown setting(s) churn_party' },
      ]),
    );
    expect(() => assertPlaybookConfig({ playbooks: { onboarding_stalled: { expectedDays: 0 } } })).toThrow(
      new ConfigError('playbook config', [{ path: 'playbooks.onboarding_stalled.expectedDays', message: 'must be positive' }]),
    );
  });
});
