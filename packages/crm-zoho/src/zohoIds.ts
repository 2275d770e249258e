import { CrmError } from '@kizuna/crm-core';

/** Zoho record ids: decimal digits (19 in practice; more than a double holds), always strings. */
export function isZohoId(value: string): boolean {
  return /^\d{1,19}$/.test(value);
}

export function assertZohoId(value: string, what: string): void {
  if (!isZohoId(value)) throw new CrmError('INVALID_INPUT', `${what} is not a Zoho record id: ${JSON.stringify(value).slice(0, 40)}`);
}
