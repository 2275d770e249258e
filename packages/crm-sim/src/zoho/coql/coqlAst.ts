/** The parsed form of a COQL `select` (before it is checked against the module's fields). */

export const aggregateFunctions = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

export interface CoqlFieldRef {
  /** As written (without quotes): the result key of a selected column, e.g. `Account_Name.Industry`. */
  readonly text: string;
  /** Column of the reference in the query, for error details. */
  readonly column: number;
}

export type CoqlSelectItem =
  | { readonly kind: 'field'; readonly field: CoqlFieldRef; readonly alias: string | null }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFunction; readonly field: CoqlFieldRef; readonly alias: string | null; readonly key: string };

/** A number keeps its text: ids are 19 digits, past the safe integer range. */
export type CoqlLiteral = { readonly kind: 'string'; readonly value: string } | { readonly kind: 'number'; readonly value: number; readonly text: string };

export type CoqlComparator = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like' | 'not like';

export type CoqlCondition =
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: CoqlCondition; readonly right: CoqlCondition }
  | { readonly kind: 'compare'; readonly field: CoqlFieldRef; readonly op: CoqlComparator; readonly value: CoqlLiteral }
  | { readonly kind: 'in'; readonly field: CoqlFieldRef; readonly negated: boolean; readonly values: readonly CoqlLiteral[] }
  | { readonly kind: 'between'; readonly field: CoqlFieldRef; readonly negated: boolean; readonly low: CoqlLiteral; readonly high: CoqlLiteral }
  | { readonly kind: 'null'; readonly field: CoqlFieldRef; readonly negated: boolean };

export interface CoqlOrder {
  /** A field, a selected alias or an aggregate expression such as `COUNT(id)`. */
  readonly field: CoqlFieldRef;
  readonly direction: 'asc' | 'desc';
}

export interface CoqlQuery {
  readonly select: readonly CoqlSelectItem[];
  readonly module: string;
  readonly where: CoqlCondition | null;
  readonly groupBy: readonly CoqlFieldRef[];
  readonly orderBy: readonly CoqlOrder[];
  readonly limit: number | null;
  readonly offset: number | null;
}
