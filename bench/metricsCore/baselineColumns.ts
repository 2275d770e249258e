// The columns the baselines load, taken from Kizuna's fact tables: the same dictionary codes
// (Int32Array, −1 = missing) and numbers (Float64Array, NaN = missing), shared without copying.
// Only the join keys are new: each table interns accountId/contactId in its own dictionary, so
// feedback's account and contact codes are translated once into the account and contact tables'
// codes (`accountKey`, `contactKey`) for the coverage KPIs' semi-joins.
import type { FactSource, FactTable, FactTables } from '@kizuna/metrics';

export type ColumnKind = 'code' | 'number';

export interface BaselineColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly data: Int32Array | Float64Array;
}

export interface BaselineTable {
  readonly source: FactSource;
  readonly length: number;
  readonly columns: readonly BaselineColumn[];
  /** The fact table, for dictionary codes of filter literals and for decoding group keys. */
  readonly facts: FactTable;
}

export type BaselineTables = Readonly<Record<FactSource, BaselineTable>>;

function codes(table: FactTable, field: string): Int32Array {
  const column = table.categorical[field];
  if (column === undefined) throw new Error(`no categorical column ${field}`);
  return column.codes;
}

function numbers(table: FactTable, field: string): Float64Array {
  const column = table.numeric[field];
  if (column === undefined) throw new Error(`no numeric column ${field}`);
  return column;
}

/** The code of `value` in a categorical column's dictionary, or −2 (matches no row) when absent. */
export function codeOf(table: FactTable, field: string, value: string): number {
  const index = table.categorical[field]?.dictionary.indexOf(value) ?? -1;
  return index < 0 ? -2 : index;
}

/** Codes of `field` in `from`, translated into the dictionary of the same field in `to`. */
function translate(from: FactTable, to: FactTable, field: string): Int32Array {
  const target = new Map(
    (to.categorical[field]?.dictionary ?? []).map((value, code) => [value, code] as const),
  );
  const lookup = Int32Array.from(from.categorical[field]?.dictionary ?? [], (value) => target.get(value) ?? -1);
  const source = codes(from, field);
  const translated = new Int32Array(source.length);
  for (let row = 0; row < source.length; row += 1) {
    const code = source[row] ?? -1;
    translated[row] = code < 0 ? -1 : (lookup[code] ?? -1);
  }
  return translated;
}

function table(source: FactSource, facts: FactTable, columns: readonly BaselineColumn[]): BaselineTable {
  return { source, length: facts.length, columns, facts };
}

const code = (facts: FactTable, name: string): BaselineColumn => ({ name, kind: 'code', data: codes(facts, name) });
const number = (facts: FactTable, name: string): BaselineColumn => ({ name, kind: 'number', data: numbers(facts, name) });
const unitAndSegment = (facts: FactTable): BaselineColumn[] => [code(facts, 'businessUnitId'), code(facts, 'segmentId')];

/** Everything the KPIs of the comparison read, per fact table. */
export function baselineTables(tables: FactTables): BaselineTables {
  const { feedback, supportCase, opportunity, account, contact, employeePulse } = tables;
  return {
    feedback: table('feedback', feedback, [
      ...unitAndSegment(feedback),
      code(feedback, 'scale'),
      code(feedback, 'programme'),
      number(feedback, 'score'),
      number(feedback, 'respondedAt'),
      { name: 'accountKey', kind: 'code', data: translate(feedback, account, 'accountId') },
      { name: 'contactKey', kind: 'code', data: translate(feedback, contact, 'contactId') },
    ]),
    supportCase: table('supportCase', supportCase, [
      ...unitAndSegment(supportCase),
      number(supportCase, 'openedAt'),
      number(supportCase, 'escalated'),
      number(supportCase, 'withinSla'),
      number(supportCase, 'firstResponseHours'),
      number(supportCase, 'resolutionHours'),
    ]),
    opportunity: table('opportunity', opportunity, [
      ...unitAndSegment(opportunity),
      code(opportunity, 'type'),
      code(opportunity, 'status'),
      number(opportunity, 'amount'),
      number(opportunity, 'renewingAmount'),
      number(opportunity, 'closeDate'),
    ]),
    account: table('account', account, [
      ...unitAndSegment(account),
      { name: 'accountKey', kind: 'code', data: codes(account, 'accountId') },
      number(account, 'arr'),
      number(account, 'customerSince'),
      number(account, 'churnedOn'),
      number(account, 'onboardingDays'),
      number(account, 'onboardingCompletedOn'),
      number(account, 'healthScore'),
    ]),
    contact: table('contact', contact, [
      ...unitAndSegment(contact),
      { name: 'contactKey', kind: 'code', data: codes(contact, 'contactId') },
      code(contact, 'role'),
    ]),
    employeePulse: table('employeePulse', employeePulse, [
      code(employeePulse, 'businessUnitId'),
      number(employeePulse, 'periodStart'),
      number(employeePulse, 'promoters'),
      number(employeePulse, 'passives'),
      number(employeePulse, 'detractors'),
      number(employeePulse, 'respondents'),
      number(employeePulse, 'engagementSum'),
    ]),
  };
}
