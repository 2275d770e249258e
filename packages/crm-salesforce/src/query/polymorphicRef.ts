import { CrmError } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceRecord } from '../restQuery';
import { isSalesforceId } from '../soql';

/** The record a polymorphic lookup (Task/Event `What`, `Who`) points at. */
export interface PolymorphicRef {
  readonly id: string;
  /** The real object type, e.g. `Account` — never `Name`. */
  readonly type: string;
  readonly name?: string;
}

const referencedSchema = z.object({
  attributes: z.object({ type: z.string(), url: z.string().optional() }),
  Id: z.string().nullish(),
  Name: z.string().nullish(),
  Type: z.string().nullish(),
});

/** `/services/data/v66.0/sobjects/Account/001…` → `{ type: 'Account', id: '001…' }`. */
function fromUrl(url: string | undefined): { type: string; id: string } | undefined {
  const match = url === undefined ? null : /\/sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9]+)$/.exec(url);
  return match?.[1] === undefined || match[2] === undefined ? undefined : { type: match[1], id: match[2] };
}

/**
 * Reads a polymorphic relationship of a record, e.g. `polymorphicRef(task, 'What')`: null when
 * the lookup is empty (or the relationship was not selected). `What.Name`/`What.Type` results
 * come through the `Name` object (`attributes.type: "Name"`); the real type is the `Type` field,
 * else the url's sobject segment. A TYPEOF WHEN result carries the real type in `attributes`.
 */
export function polymorphicRef(record: SalesforceRecord, relationship: string): PolymorphicRef | null {
  const value = record[relationship];
  if (value === null || value === undefined) return null;
  const parsed = referencedSchema.safeParse(value);
  if (!parsed.success) {
    throw new CrmError('MALFORMED_RESPONSE', `${relationship} is not a related record.`, { cause: parsed.error });
  }
  const { attributes, Id, Name, Type } = parsed.data;
  const located = fromUrl(attributes.url);
  const id = Id ?? located?.id;
  const type = Type ?? located?.type ?? (attributes.type === 'Name' ? undefined : attributes.type);
  if (id === undefined || !isSalesforceId(id) || type === undefined) {
    throw new CrmError('MALFORMED_RESPONSE', `${relationship} names no record id and type: select ${relationship}.Id and ${relationship}.Type.`);
  }
  return typeof Name === 'string' ? { id, type, name: Name } : { id, type };
}
