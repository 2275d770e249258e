import { CrmError } from '@kizuna/crm-core';
import type { DatasetRead, DatasetScope } from '@kizuna/model';
import { ContextBuilder, partErrorCodes } from '../contextBuilder';
import type { DatasetStructure } from '../dataset/assembleDataset';
import { assembleDataset } from '../dataset/assembleDataset';
import { datasetParts, resolveScope, type DatasetPart, type DatasetPartName, type ResolvedScope } from '../dataset/datasetParts';
import type { SalesforceMapping } from '../defaultMapping';
import { fieldsWithId } from './accountContextPlan';
import { GATEWAY_LIMITS, type GatewayCondition, type GatewayRecordQuery } from './gatewayContract';
import type { GatewayRecord } from './gatewayResults';
import { pagedQuery, readListsToEnd, type ReadContext } from './readRounds';

function businessUnitFieldOf(mapping: SalesforceMapping): string | undefined {
  const field = mapping.account.fields['businessUnitId'];
  return typeof field === 'string' ? field : undefined;
}

/**
 * One part of a portfolio read as a gateway record query (contract §2.4): the mapping's fields,
 * the action-key condition, `accountScope` (Account rows, of the business units asked for),
 * `window` (the fact's time field or fields) and, for employee pulses, the periods that start in
 * the window, read a page at a time ordered by Id.
 */
export function datasetPartQuery(part: DatasetPart, scope: ResolvedScope, mapping: SalesforceMapping, pageSize: number): GatewayRecordQuery & { readonly limit: number } {
  const businessUnitField = businessUnitFieldOf(mapping);
  const units = scope.businessUnitIds;
  if (units !== null && businessUnitField === undefined) {
    throw new CrmError('INVALID_INPUT', 'The account mapping has no single business unit field, so the read cannot be cut by business unit.');
  }
  const where: GatewayCondition[] = [];
  if (part.actionKey !== undefined) where.push({ field: part.actionKey.field, op: part.actionKey.present ? 'notNull' : 'isNull' });
  if (part.entity === 'account' && units !== null && businessUnitField !== undefined) where.push({ field: businessUnitField, op: 'in', values: [...units] });
  // Pulses by the periods that start in the window; past the contract's IN cap, every period is read and the window kept in memory.
  const periods = part.periods?.values;
  if (part.periods !== undefined && periods !== null && periods !== undefined && periods.length <= GATEWAY_LIMITS.maxInValues) where.push({ field: part.periods.field, op: 'in', values: [...periods] });
  const scoped = part.entity !== 'account' && part.accountField !== null && (units !== null || part.polymorphic);
  const iso = (time: number) => new Date(time).toISOString();
  const query: GatewayRecordQuery = {
    kind: 'records',
    object: part.mapping.object,
    fields: fieldsWithId(part.mapping),
    where,
    ...(scoped && part.accountField !== null
      ? { accountScope: { field: part.accountField, ...(businessUnitField === undefined ? {} : { businessUnitField }), ...(units === null ? {} : { businessUnits: [...units] }) } }
      : {}),
    ...(part.time.length === 0 ? {} : { window: { fields: part.time.map((source) => source.field), from: { dateTime: iso(scope.from) }, to: { dateTime: iso(scope.to) } } }),
  };
  return pagedQuery(query, pageSize);
}

/**
 * A portfolio read through the Apex gateway: one record query per part, the first pages of all
 * of them in one `read` call, then further pages (keyset on Id) round by round for the parts that
 * filled theirs. Refused parts are listed in `unavailable`; only the accounts are indispensable.
 */
export async function readGatewayDataset(
  scope: DatasetScope,
  context: ReadContext & { readonly mapping: SalesforceMapping; readonly pageSize: number; readonly structure?: DatasetStructure },
): Promise<DatasetRead> {
  const resolved = resolveScope(scope);
  const parts = datasetParts(context.mapping, resolved);
  const queries = new Map(parts.map((part) => [part.name, datasetPartQuery(part, resolved, context.mapping, context.pageSize)] as const));
  const answers = await readListsToEnd(context, queries);
  const builder = new ContextBuilder();
  const records = new Map<DatasetPartName, readonly GatewayRecord[]>();
  for (const part of parts) {
    const answer = answers.get(part.name);
    if (answer === undefined) throw new CrmError('MALFORMED_RESPONSE', `The Apex gateway did not answer the ${part.name} query.`);
    if (answer.ok) records.set(part.name, answer.records);
    else if (part.name === 'accounts' || !partErrorCodes.has(answer.error.code)) throw answer.error;
    else builder.markUnavailable({ entity: part.entity, code: answer.error.code, message: answer.error.message });
  }
  return assembleDataset(parts, records, builder, resolved, context.structure);
}
