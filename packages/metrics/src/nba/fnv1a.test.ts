import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './fnv1a';
import { actionIdFor, idempotencyKey } from './idempotencyKey';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes, so Japanese names hash the same everywhere', () => {
    expect(fnv1a64('佐藤')).toBe(fnv1a64('佐藤'));
    expect(fnv1a64('佐藤')).not.toBe(fnv1a64('佐籐'));
    expect(fnv1a64('佐藤')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('idempotencyKey', () => {
  it('is readable, fits the model’s pattern and is the same for the same situation', () => {
    const key = idempotencyKey('dm_detractor_no_follow_up', 'acc-000001', ['fb-000001-0007']);
    expect(key).toMatch(/^dm_detractor_no_follow_up-[0-9a-f]{16}$/);
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,80}$/);
    expect(idempotencyKey('dm_detractor_no_follow_up', 'acc-000001', ['fb-000001-0007'])).toBe(key);
    expect(actionIdFor(key)).toBe(`nba-${key.slice(-16)}`);
  });

  it('changes with the playbook, the account or the trigger, and is not fooled by joining', () => {
    const key = idempotencyKey('champion_quiet', 'acc-1', ['con-1', 'last:tp-9']);
    expect(idempotencyKey('champion_quiet', 'acc-2', ['con-1', 'last:tp-9'])).not.toBe(key);
    expect(idempotencyKey('champion_quiet', 'acc-1', ['con-1', 'last:tp-10'])).not.toBe(key);
    expect(idempotencyKey('onboarding_stalled', 'acc-1', ['con-1', 'last:tp-9'])).not.toBe(key);
    expect(idempotencyKey('p', 'a', ['b,c'])).not.toBe(idempotencyKey('p', 'a', ['b', 'c']));
  });

  it('keeps odd playbook ids inside the pattern', () => {
    expect(idempotencyKey('my playbook/§1', 'a', [])).toMatch(/^my-playbook--1-[0-9a-f]{16}$/);
  });
});
