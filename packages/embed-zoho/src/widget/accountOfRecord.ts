import { isZohoId, type ZohoSdk } from '@kizuna/crm-zoho';
import { z } from 'zod';
import { ACCOUNT_LOOKUP_FIELD } from './widgetSettings';

/** `ZOHO.CRM.API.getRecord` → `{data: [record]}`; a lookup reads as `{name, id}` (reference §A, §F). */
const recordSchema = z.object({
  data: z
    .array(z.looseObject({ [ACCOUNT_LOOKUP_FIELD]: z.object({ id: z.union([z.string(), z.number()]) }).nullish() }))
    .min(1),
});

export class AccountLookupError extends Error {
  override readonly name = 'AccountLookupError';
  constructor(
    readonly reason: 'no-account' | 'unreadable',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The account a contact, deal or case belongs to, read in the user's session through the widget
 * SDK (one call). A record without an account, or an answer of another shape, is an
 * `AccountLookupError` saying which.
 */
export async function accountOfRecord(zoho: ZohoSdk, entity: string, recordId: string): Promise<string> {
  let answer: unknown;
  try {
    answer = await zoho.CRM.API.getRecord({ Entity: entity, RecordID: recordId });
  } catch (error) {
    throw new AccountLookupError('unreadable', `Zoho CRM did not return ${entity} record ${recordId}.`, { cause: error });
  }
  const parsed = recordSchema.safeParse(answer);
  if (!parsed.success) throw new AccountLookupError('unreadable', `Zoho CRM returned ${entity} record ${recordId} in an unexpected shape.`, { cause: parsed.error });
  const lookup = parsed.data.data[0]?.[ACCOUNT_LOOKUP_FIELD];
  const id = lookup === null || lookup === undefined ? undefined : lookup.id;
  if (id === undefined) throw new AccountLookupError('no-account', `${entity} record ${recordId} is not linked to an account.`);
  // A number id may already have lost digits (19-digit ids exceed 2^53): refuse it rather than show another account.
  if (typeof id !== 'string' || !isZohoId(id)) {
    throw new AccountLookupError('unreadable', `${entity} record ${recordId} names its account by an id that is not a Zoho record id.`);
  }
  return id;
}
