import { describe, expect, it } from 'vitest';
import { formatZohoDateTime, isZohoDate, localDateOf, parseZohoDateTime, zoneOffsetMinutes } from './zohoDateTime';

describe('Zoho datetimes', () => {
  it('writes a datetime in the user zone with its offset, seconds precision', () => {
    const at = Date.parse('2026-03-01T01:00:00.789Z');
    expect(formatZohoDateTime(at, 'Asia/Tokyo')).toBe('2026-03-01T10:00:00+09:00');
    expect(formatZohoDateTime(at, 'Asia/Kolkata')).toBe('2026-03-01T06:30:00+05:30');
    expect(formatZohoDateTime(at, 'America/New_York')).toBe('2026-02-28T20:00:00-05:00');
    expect(formatZohoDateTime(at, 'UTC')).toBe('2026-03-01T01:00:00+00:00');
  });

  it('follows daylight saving', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(Date.parse('2026-01-01T12:00:00Z'), 'Europe/Berlin')).toBe(60);
  });

  it('reads datetimes with an offset or Z, refuses others, and round-trips', () => {
    expect(parseZohoDateTime('2026-03-01T10:00:00+09:00')).toBe(Date.parse('2026-03-01T01:00:00Z'));
    expect(parseZohoDateTime('2026-03-01T01:00:00Z')).toBe(Date.parse('2026-03-01T01:00:00Z'));
    expect(parseZohoDateTime('2026-03-01T10:00:00')).toBeNull();
    expect(parseZohoDateTime('2026-03-01')).toBeNull();
    const at = Date.parse('2026-11-05T23:59:59Z');
    expect(parseZohoDateTime(formatZohoDateTime(at, 'Australia/Sydney'))).toBe(at);
  });

  it('checks dates and gives the local calendar date', () => {
    expect(isZohoDate('2026-02-28')).toBe(true);
    expect(isZohoDate('2026-02-30')).toBe(false);
    expect(isZohoDate('2026-2-3')).toBe(false);
    expect(localDateOf(Date.parse('2026-05-20T20:49:32Z'), 'Asia/Tokyo')).toBe('2026-05-21');
  });
});
