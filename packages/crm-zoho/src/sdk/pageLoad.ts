import { CrmError } from '@kizuna/crm-core';
import { z } from 'zod';

/**
 * The PageLoad payload: `{"Entity":"Leads","EntityId":"3000000032096"}` on related lists (a
 * string), `{"EntityId":["…","…"],"Entity":"Leads","ButtonPosition":"ListView"}` on buttons (an
 * array); a web tab has no entity (SDK README and official tests).
 */
const pageLoadSchema = z.looseObject({
  Entity: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).optional(),
  EntityId: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
  ButtonPosition: z.string().optional(),
});

export interface PageContext {
  /** The module API name (`Accounts`, `Deals`, …), when the widget sits on a record or list. */
  readonly entity: string | undefined;
  /** Record ids, as strings (19 digits never become numbers on purpose; numeric ids are refused). */
  readonly entityIds: readonly string[];
  readonly buttonPosition: string | undefined;
}

const zohoIdPattern = /^\d{1,19}$/;

function idOf(value: string | number): string {
  // A number cannot be trusted: above 2^53 it has already lost digits.
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new CrmError('INVALID_INPUT', 'The page gave a record id as an unsafe number: its digits are lost.');
    return String(value);
  }
  if (!zohoIdPattern.test(value)) throw new CrmError('INVALID_INPUT', `The page gave a record id that is not a Zoho id: ${JSON.stringify(value).slice(0, 40)}`);
  return value;
}

/** Reads a PageLoad payload, `EntityId` given as a string or an array; anything else is INVALID_INPUT. */
export function parsePageLoad(data: unknown): PageContext {
  const parsed = pageLoadSchema.safeParse(data ?? {});
  if (!parsed.success) throw new CrmError('INVALID_INPUT', 'The widget was loaded with a page context of an unexpected shape.', { cause: parsed.error });
  const raw = parsed.data.EntityId;
  const ids = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return { entity: parsed.data.Entity, entityIds: ids.map(idOf), buttonPosition: parsed.data.ButtonPosition };
}
