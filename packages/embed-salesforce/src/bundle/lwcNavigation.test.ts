import { describe, expect, it, vi } from 'vitest';
import { KizunaEmbedError } from './embedError';
import { lwcAccountOpenerOf } from './lwcNavigation';

/** The component's navigation as it hands it over, recording what it was asked to open. */
function componentNavigation() {
  const opened: string[] = [];
  return { opened, navigation: Object.freeze({ openAccount: (recordId: string) => void opened.push(recordId) }) };
}

describe('lwcAccountOpenerOf', () => {
  it('opens an account by its 15- or 18-character Salesforce id through the component', () => {
    const { opened, navigation } = componentNavigation();
    const onError = vi.fn();
    const open = lwcAccountOpenerOf(navigation, onError);
    open?.('001000000000001AAA');
    open?.('001000000000002');
    expect(opened).toEqual(['001000000000001AAA', '001000000000002']);
    expect(onError).not.toHaveBeenCalled();
  });

  it('never hands the component anything but a Salesforce id: the refusal goes to the error handler as INVALID_ACCOUNT_ID', () => {
    const { opened, navigation } = componentNavigation();
    const errors: unknown[] = [];
    const open = lwcAccountOpenerOf(navigation, (error) => errors.push(error));
    for (const bad of ['javascript:alert(1)', '001000000000001AA', '001000000000001AAAA', '00100000000/001AAA', '', 'acc-1']) open?.(bad);
    expect(opened).toEqual([]);
    expect(errors).toHaveLength(6);
    for (const error of errors) {
      expect(error).toBeInstanceOf(KizunaEmbedError);
      expect(error).toMatchObject({ code: 'INVALID_ACCOUNT_ID' });
    }
    expect(errors[0]).toMatchObject({ message: expect.stringContaining('the account "javascript:alert(1)": it is not a 15- or 18-character Salesforce id') as unknown });
  });

  it('hands a navigation that throws to the error handler instead of the click that asked', () => {
    const failure = new Error('Navigation is not available here.');
    const errors: unknown[] = [];
    const open = lwcAccountOpenerOf({ openAccount: () => { throw failure; } }, (error) => errors.push(error));
    expect(() => open?.('001000000000001AAA')).not.toThrow();
    expect(errors).toEqual([failure]);
  });

  it('has no opener when the component passes no navigation (an earlier build), and refuses one it cannot use', () => {
    expect(lwcAccountOpenerOf(undefined, vi.fn())).toBeUndefined();
    expect(lwcAccountOpenerOf(null, vi.fn())).toBeUndefined();
    expect(() => lwcAccountOpenerOf({ openAccount: '/lightning/r/Account' }, vi.fn())).toThrow(expect.objectContaining({ code: 'INVALID_NAVIGATION' }));
    expect(() => lwcAccountOpenerOf(() => undefined, vi.fn())).toThrow(expect.objectContaining({ code: 'INVALID_NAVIGATION' }));
  });
});
