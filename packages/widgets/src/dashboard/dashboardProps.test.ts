import { describe, expect, it } from 'vitest';
import { dashboardSettingsSchema } from './dashboardProps';

const settings = { role: 'account-manager', accountId: 'acc-1', locale: 'en', theme: 'zoho', colourScheme: 'light', asOf: '2026-10-01T00:00:00Z' } as const;

function problemsOf(input: unknown): string[] {
  const parsed = dashboardSettingsSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('dashboard settings', () => {
  it('accepts what a host passes and returns it typed', () => {
    expect(dashboardSettingsSchema.parse(settings)).toEqual(settings);
  });

  it('words each wrong setting as hosts show it, naming the allowed values', () => {
    expect(problemsOf({ ...settings, role: 'boss', theme: 'dark', asOf: 'yesterday' })).toEqual([
      'role: must be one of account-manager, bu-leader, cx-leader',
      'theme: must be one of salesforce, zoho, neutral',
      'asOf: must be an ISO 8601 date-time with Z or ±HH:MM',
    ]);
    expect(problemsOf({ ...settings, accountId: '' })).toEqual(['accountId: must not be empty']);
  });

  it('says a missing setting is required', () => {
    const { asOf: _omitted, ...withoutAsOf } = settings;
    expect(problemsOf(withoutAsOf)).toEqual(['asOf: is required']);
    expect(problemsOf(undefined)).toEqual([': is required']);
  });
});
