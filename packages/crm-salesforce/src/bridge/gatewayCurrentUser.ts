import { CrmError } from '@kizuna/crm-core';
import type { CrmUser } from '@kizuna/model';
import { z } from 'zod';
import { crmUserOf } from '../currentUser';
import { readQueries, type ReadContext } from './readRounds';

/** The one record a `currentUser` query answers (contract §2.5): what Apex `UserInfo` gives. */
export const gatewayUserSchema = z.object({
  id: z.string().regex(/^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/, 'must be a User id'),
  name: z.string().min(1),
  email: z.string().nullable().optional(),
  locale: z.string().min(2),
  language: z.string().nullable().optional(),
  timeZone: z.string().nullable().optional(),
});

/** The running user through the gateway: one `currentUser` query, mapped as the REST UserInfo answer is. */
export async function readGatewayCurrentUser(context: ReadContext): Promise<CrmUser> {
  const answer = (await readQueries(context, new Map([['user', { kind: 'currentUser' as const }]]))).get('user');
  if (answer === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway did not answer the current user.');
  if (!answer.ok) throw answer.error;
  const [record, ...others] = answer.records;
  const parsed = gatewayUserSchema.safeParse(record);
  if (!parsed.success || others.length > 0) {
    throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway answered the current user with an unexpected shape.', { cause: parsed.error });
  }
  const { id, name, email, locale, timeZone } = parsed.data;
  return crmUserOf({ user_id: id, name, locale, ...(email == null ? {} : { email }), ...(timeZone == null ? {} : { zoneinfo: timeZone }) });
}
