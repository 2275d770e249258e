import { entityLabels, type EntityName, type EntityOf, type ValidationIssue } from '@kizuna/model';

type Reference<TName extends EntityName> = { readonly field: keyof EntityOf<TName> & string; readonly target: EntityName };
type References = { readonly [TName in EntityName]: ReadonlyArray<Reference<TName>> };

/** Which id fields point at which entity. Targets are always loaded before the rows that point at them. */
export const references: References = {
  businessUnit: [],
  segment: [],
  productLine: [{ field: 'businessUnitId', target: 'businessUnit' }],
  team: [{ field: 'businessUnitId', target: 'businessUnit' }],
  account: [
    { field: 'businessUnitId', target: 'businessUnit' },
    { field: 'productLineId', target: 'productLine' },
    { field: 'segmentId', target: 'segment' },
    { field: 'servingTeamId', target: 'team' },
  ],
  contact: [{ field: 'accountId', target: 'account' }],
  touchpoint: [
    { field: 'accountId', target: 'account' },
    { field: 'contactId', target: 'contact' },
    { field: 'teamId', target: 'team' },
  ],
  feedback: [
    { field: 'accountId', target: 'account' },
    { field: 'contactId', target: 'contact' },
    { field: 'touchpointId', target: 'touchpoint' },
  ],
  supportCase: [
    { field: 'accountId', target: 'account' },
    { field: 'contactId', target: 'contact' },
    { field: 'teamId', target: 'team' },
    { field: 'productLineId', target: 'productLine' },
  ],
  opportunity: [
    { field: 'accountId', target: 'account' },
    { field: 'productLineId', target: 'productLine' },
  ],
  employeePulse: [{ field: 'teamId', target: 'team' }],
  action: [
    { field: 'accountId', target: 'account' },
    { field: 'contactId', target: 'contact' },
  ],
};

/** The order files are read in: every reference target before the rows that refer to it. */
export const loadOrder: readonly EntityName[] = [
  'businessUnit', 'segment', 'productLine', 'team', 'account', 'contact', 'touchpoint',
  'feedback', 'supportCase', 'opportunity', 'employeePulse', 'action',
];

/** The ids seen so far, per entity: for duplicate rows and unknown references. */
export class IdIndex {
  private readonly ids = new Map<EntityName, Set<string>>();

  /** Records an id; false when it was already there (a duplicate row). */
  add(entity: EntityName, id: string): boolean {
    let ids = this.ids.get(entity);
    if (ids === undefined) {
      ids = new Set();
      this.ids.set(entity, ids);
    }
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  }

  has(entity: EntityName, id: string): boolean {
    return this.ids.get(entity)?.has(id) ?? false;
  }

  count(entity: EntityName): number {
    return this.ids.get(entity)?.size ?? 0;
  }
}

/** The targets a file's references cannot be checked against, because none of them was loaded. */
export function uncheckedTargets(entity: EntityName, index: IdIndex): EntityName[] {
  return [...new Set(references[entity].map((reference) => reference.target))].filter((target) => index.count(target) === 0);
}

/** Unknown references of a valid record, as warnings (the record is still used). */
export function referenceIssues<TName extends EntityName>(entity: TName, record: EntityOf<TName>, index: IdIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const list: ReadonlyArray<Reference<TName>> = references[entity];
  for (const { field, target } of list) {
    const id: unknown = record[field];
    if (typeof id !== 'string' || index.count(target) === 0 || index.has(target, id)) continue;
    issues.push({ entity, field, problem: `refers to an unknown ${entityLabels[target].toLowerCase()} ${id}` });
  }
  return issues;
}
