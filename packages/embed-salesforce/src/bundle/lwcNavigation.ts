import { z } from 'zod';
import { KizunaEmbedError } from './embedError';
import { salesforceIdSchema } from './salesforceId';

type OpenAccount = (recordId: string) => unknown;
const openAccountSchema = z.custom<OpenAccount>((value) => typeof value === 'function', 'must be a function');

/**
 * What the component hands the bundle for navigation: `openAccount(recordId)`, which opens the
 * Account's record page with Lightning's `NavigationMixin` (`standard__recordPage`, `view`).
 */
export const lwcNavigationSchema = z.object({ openAccount: openAccountSchema });

/** Opens an account's record page, or hands the reason it cannot to the error handler. */
export type AccountOpener = (accountId: string) => void;

/** A short, printable form of what arrived instead of an id. */
function shown(value: unknown): string {
  return (typeof value === 'string' ? JSON.stringify(value) : String(value)).slice(0, 40);
}

/**
 * The navigation the component passed at mount, with every id checked before it goes through:
 * only a 15- or 18-character Salesforce id ever reaches Lightning's navigation. A refused id
 * (INVALID_ACCOUNT_ID) or a navigation that throws goes to `onError`, never up into the click
 * that asked. A component of an earlier build passes no navigation: then there is no opener, and
 * the drill-down lists accounts without "Open" buttons. Anything else is INVALID_NAVIGATION.
 */
export function lwcAccountOpenerOf(input: unknown, onError: (error: unknown) => void): AccountOpener | undefined {
  if (input === undefined || input === null) return undefined;
  const parsed = lwcNavigationSchema.safeParse(input);
  if (!parsed.success) {
    throw new KizunaEmbedError('INVALID_NAVIGATION', `The component passed no usable navigation: ${parsed.error.message}`, { cause: parsed.error });
  }
  const { openAccount } = parsed.data;
  return (accountId) => {
    const id = salesforceIdSchema.safeParse(accountId);
    if (!id.success) {
      onError(new KizunaEmbedError('INVALID_ACCOUNT_ID', `Kizuna cannot open the account ${shown(accountId)}: it is not a 15- or 18-character Salesforce id.`, { cause: id.error }));
      return;
    }
    try {
      openAccount(id.data);
    } catch (error) {
      onError(error);
    }
  };
}
