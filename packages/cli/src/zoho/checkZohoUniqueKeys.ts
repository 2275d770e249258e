import { isCrmError } from '@kizuna/crm-core';
import { ACTION_KEY_FIELD, type ZohoGateway, type ZohoMapping } from '@kizuna/crm-zoho';

/** A field that must be marked unique for writes to stay idempotent (docs/decisions/0005-zoho-idempotent-tasks.md). */
export interface UniqueKeyCheck {
  readonly module: string;
  readonly field: string;
  readonly status: 'unique' | 'notUnique' | 'missing' | 'unknown';
  /** Why it could not be checked (`unknown`). */
  readonly reason?: string;
}

/** The key fields: the Task's action key, and the ledger module's key (when actions have a ledger). */
export function uniqueKeyFields(mapping: ZohoMapping): Array<{ readonly module: string; readonly field: string }> {
  const keys = [{ module: 'Tasks', field: ACTION_KEY_FIELD }];
  const ledgerKey = mapping.action.fields['idempotencyKey'];
  if (mapping.action.object !== 'Tasks' && typeof ledgerKey === 'string') keys.push({ module: mapping.action.object, field: ledgerKey });
  return keys;
}

/**
 * Reads each key field's metadata (`settings/fields`, one call per module): whether Zoho will
 * refuse a second record with the same key. Needs the `ZohoCRM.settings.fields.READ` scope;
 * without it (or over the widget SDK) the check says so instead of failing the doctor.
 */
export async function checkZohoUniqueKeys(gateway: ZohoGateway, mapping: ZohoMapping, signal: AbortSignal | undefined): Promise<UniqueKeyCheck[]> {
  const checks: UniqueKeyCheck[] = [];
  for (const { module, field } of uniqueKeyFields(mapping)) {
    if (gateway.fields === undefined) {
      checks.push({ module, field, status: 'unknown', reason: 'field metadata is not readable through this connection' });
      continue;
    }
    try {
      const meta = (await gateway.fields(module, signal)).find((candidate) => candidate.apiName === field);
      checks.push({ module, field, status: meta === undefined ? 'missing' : meta.unique ? 'unique' : 'notUnique' });
    } catch (error) {
      if (!isCrmError(error) || !['AUTH_INVALID', 'PERMISSION_DENIED', 'INVALID_TYPE'].includes(error.code)) throw error;
      checks.push({ module, field, status: 'unknown', reason: error.code === 'AUTH_INVALID' ? 'the sign-in lacks the ZohoCRM.settings.fields.READ scope' : error.message });
    }
  }
  return checks;
}

/** What to do about a key field, in words; empty when nothing needs doing. */
export function uniqueKeyFix(check: UniqueKeyCheck): string {
  const name = `${check.module}.${check.field}`;
  switch (check.status) {
    case 'unique':
      return '';
    case 'notUnique':
      return `${name} allows duplicate values, so a retried write could make a second record: in Setup › Modules and Fields › ${check.module}, edit the field and tick "Do not allow duplicate values"`;
    case 'missing':
      return `${name} does not exist: create it as a single-line field with "Do not allow duplicate values" (docs/crm/zoho-layout.md)`;
    case 'unknown':
      return `not checked (${check.reason ?? 'unknown'}): grant ZohoCRM.settings.fields.READ to let doctor check that ${name} is marked "Do not allow duplicate values"`;
  }
}
