import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageGate, type Rejection } from './messageGate';
import { createOriginAllowlist } from './originAllowlist';
import { hostToFrameMessageSchema, type HostToFrameMessage } from './protocol';

const hostOrigin = 'https://crm.example.com';
const validInit: HostToFrameMessage = {
  protocol: 'kizuna',
  version: 1,
  type: 'init',
  crm: 'salesforce',
  settings: { role: 'account-manager', accountId: '001A000001', locale: 'ja', theme: 'salesforce', colourScheme: 'light', asOf: '2026-10-01T00:00:00Z' },
};

function gate() {
  const rejections: Rejection[] = [];
  const messageGate = createMessageGate({
    allowlist: createOriginAllowlist([hostOrigin]),
    schema: hostToFrameMessageSchema,
    onRejected: (rejection) => rejections.push(rejection),
  });
  return { messageGate, rejections };
}

const event = (data: unknown, origin = hostOrigin) => new MessageEvent('message', { data, origin });

describe('the message gate', () => {
  it('admits a valid message from the allowed origin, typed', () => {
    const { messageGate, rejections } = gate();
    expect(messageGate.admit(event(validInit))).toEqual(validInit);
    expect(rejections).toEqual([]);
  });

  it('ignores messages from any other origin, whatever they contain, and counts them', () => {
    const { messageGate, rejections } = gate();
    expect(messageGate.admit(event(validInit, 'https://crm.example.com.evil.test'))).toBeUndefined();
    expect(messageGate.admit(event(validInit, 'null'))).toBeUndefined();
    expect(messageGate.rejections['foreign-origin']).toBe(2);
    expect(rejections.map((rejection) => rejection.reason)).toEqual(['foreign-origin', 'foreign-origin']);
  });

  it('tells a newer protocol version apart from garbage', () => {
    const { messageGate, rejections } = gate();
    expect(messageGate.admit(event({ ...validInit, version: 2 }))).toBeUndefined();
    expect(rejections[0]).toEqual({ reason: 'unsupported-version', origin: hostOrigin, issues: ['version: 2'] });
  });

  it('says what is wrong with a malformed message', () => {
    const { messageGate, rejections } = gate();
    const bad = { ...validInit, settings: { ...validInit.settings, role: 'admin' }, extra: true };
    expect(messageGate.admit(event(bad))).toBeUndefined();
    expect(rejections[0]?.reason).toBe('malformed');
    expect(rejections[0]?.issues.join('\n')).toMatch(/settings\.role|extra/);
  });

  it('keeps working when the reporting hook throws', () => {
    const messageGate = createMessageGate({
      allowlist: createOriginAllowlist([hostOrigin]),
      schema: hostToFrameMessageSchema,
        onRejected: () => {
        throw new Error('reporting failed');
      },
    });
    expect(messageGate.admit(event('hello'))).toBeUndefined();
    expect(messageGate.admit(event(validInit))).toEqual(validInit);
  });

  it('never throws and never admits anything but a schema-valid message, whatever arrives (property)', () => {
    const { messageGate } = gate();
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (data) => {
        const admitted = messageGate.admit(event(data));
        if (admitted !== undefined) expect(hostToFrameMessageSchema.safeParse(admitted).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every mutation of a valid message that breaks its shape (property)', () => {
    const { messageGate } = gate();
    const keys = ['protocol', 'version', 'type', 'crm', 'settings'] as const;
    const mutation = fc.oneof(
      // One field dropped.
      fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(validInit).filter(([name]) => name !== key))),
      // One field replaced by anything.
      fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([key, value]) => ({ ...validInit, [key]: value })),
      // One settings field replaced by anything.
      fc.tuple(fc.constantFrom('role', 'accountId', 'locale', 'theme', 'colourScheme', 'asOf'), fc.anything()).map(([key, value]) => ({
        ...validInit,
        settings: { ...validInit.settings, [key]: value },
      })),
      // An unknown field added.
      fc.tuple(fc.string().filter((key) => !(keys as readonly string[]).includes(key)), fc.anything()).map(([key, value]) => ({ ...validInit, [key]: value })),
    );
    fc.assert(
      fc.property(mutation, (data) => {
        const stillValid = hostToFrameMessageSchema.safeParse(data).success;
        const before = messageGate.rejections.malformed + messageGate.rejections['unsupported-version'];
        const admitted = messageGate.admit(event(data));
        const after = messageGate.rejections.malformed + messageGate.rejections['unsupported-version'];
        expect(admitted === undefined).toBe(!stillValid);
        expect(after - before).toBe(stillValid ? 0 : 1);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any origin outside the allowlist, however close it looks (property)', () => {
    const { messageGate } = gate();
    const nearMisses = fc.oneof(
      fc.webUrl().map((url) => new URL(url).origin),
      fc.string(),
      fc.constantFrom('http://crm.example.com', 'https://crm.example.com:443x', 'https://crm.example.co', 'https://xcrm.example.com'),
      fc.string({ minLength: 1 }).map((suffix) => `${hostOrigin}${suffix}`),
    );
    fc.assert(
      fc.property(nearMisses.filter((origin) => origin !== hostOrigin), (origin) => {
        expect(messageGate.admit(event(validInit, origin))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
