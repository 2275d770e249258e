import type { FactTable } from './factTable';
import type { PlanCondition, PlanValue } from '@kizuna/model';

function numericOperand(value: PlanValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`not a number or an instant: ${value}`);
  return time;
}

function categoricalPredicate(table: FactTable, condition: PlanCondition): ((row: number) => boolean) | undefined {
  const column = table.categorical[condition.field];
  if (column === undefined) return undefined;
  const { codes, dictionary } = column;
  const codeOf = (value: PlanValue) => dictionary.indexOf(String(value));
  switch (condition.op) {
    case 'eq': {
      const code = codeOf(condition.value);
      return (row) => codes[row] === code && code >= 0;
    }
    case 'neq': {
      const code = codeOf(condition.value);
      return (row) => (codes[row] ?? -1) >= 0 && codes[row] !== code;
    }
    case 'in': {
      const wanted = new Set(condition.values.map(codeOf).filter((code) => code >= 0));
      return (row) => wanted.has(codes[row] ?? -1);
    }
    case 'isNull':
      return (row) => (codes[row] ?? -1) < 0;
    case 'notNull':
      return (row) => (codes[row] ?? -1) >= 0;
    default:
      throw new Error(`${condition.op} does not apply to the categorical field ${condition.field}`);
  }
}

function numericPredicate(values: Float64Array, condition: PlanCondition): (row: number) => boolean {
  const at = (row: number) => values[row] ?? Number.NaN;
  switch (condition.op) {
    case 'isNull':
      return (row) => Number.isNaN(at(row));
    case 'notNull':
      return (row) => !Number.isNaN(at(row));
    case 'in': {
      const wanted = new Set(condition.values.map(numericOperand));
      return (row) => wanted.has(at(row));
    }
    default: {
      const operand = numericOperand(condition.value);
      const compare = {
        eq: (x: number) => x === operand,
        neq: (x: number) => !Number.isNaN(x) && x !== operand,
        gt: (x: number) => x > operand,
        gte: (x: number) => x >= operand,
        lt: (x: number) => x < operand,
        lte: (x: number) => x <= operand,
      }[condition.op];
      return (row) => compare(at(row));
    }
  }
}

/** A row predicate for a plan condition on a fact table; unknown fields are a programming error. */
export function conditionPredicate(table: FactTable, condition: PlanCondition): (row: number) => boolean {
  const categorical = categoricalPredicate(table, condition);
  if (categorical !== undefined) return categorical;
  const values = table.numeric[condition.field];
  if (values === undefined) throw new Error(`no field ${condition.field} in this fact table`);
  return numericPredicate(values, condition);
}

export function allConditions(table: FactTable, conditions: readonly PlanCondition[]): (row: number) => boolean {
  const predicates = conditions.map((condition) => conditionPredicate(table, condition));
  return (row) => predicates.every((predicate) => predicate(row));
}
