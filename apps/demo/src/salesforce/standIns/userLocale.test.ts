import { describe, expect, it } from 'vitest';
import { demoAsOf } from '../../demoConfig';
import { userLocale } from './userLocale';

describe('the Lightning locale the demo gives the component', () => {
  it('is the simulated user’s (en_US as en-US) unless ?lang= says otherwise', () => {
    expect(userLocale({ pathname: '/salesforce/home', search: '' })).toBe('en-US');
    expect(userLocale({ pathname: '/salesforce/account/001000000000001AAA', search: '?lang=ja' })).toBe('ja-JP');
    expect(userLocale({ pathname: '/salesforce/home', search: '?lang=fr' })).toBe('en-US');
  });
});

describe('demoAsOf', () => {
  it('is the start of the current UTC day, so every load of a day shows the same organisation', () => {
    expect(demoAsOf(new Date('2026-12-01T23:59:59+09:00'))).toBe('2026-12-01T00:00:00.000Z');
    expect(demoAsOf(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01T00:00:00.000Z');
  });
});
