import type { GatewayAllowlist } from '@kizuna/crm-salesforce';

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const sorted = (items: Iterable<string>): string[] => [...items].sort((a, b) => a.localeCompare(b, 'en'));

function setOf(items: Iterable<string>): string {
  return `new Set<String>{ ${sorted(items).map(quote).join(', ')} }`;
}

function mapOf(entries: Readonly<Record<string, string>>): string {
  const names = sorted(Object.keys(entries));
  if (names.length === 0) return 'new Map<String, String>()';
  return `new Map<String, String>{ ${names.map((name) => `${quote(name)} => ${quote(entries[name] ?? '')}`).join(', ')} }`;
}

function nestedMap(objects: GatewayAllowlist['objects'], member: 'children' | 'parents'): string {
  const lines = sorted(Object.keys(objects)).map((object) => `        ${quote(object)} => ${mapOf(objects[object]?.[member] ?? {})}`);
  return `new Map<String, Map<String, String>>{\n${lines.join(',\n')}\n    }`;
}

/**
 * The Apex class `KizunaAllowlist`: what the deployed gateway lets a plan name, generated from the
 * same allowlist the bridge checks its plans against (`gatewayAllowlistOf(mapping)`), so the two
 * cannot drift apart. The file in force-app is compared with this output by the package's tests;
 * `vitest -u` rewrites it after a mapping change.
 */
export function apexAllowlistClass(allowlist: GatewayAllowlist): string {
  const upsertEntries = Object.entries(allowlist.upserts);
  const [upsert] = upsertEntries;
  if (upsert === undefined || upsertEntries.length !== 1) throw new Error('The gateway upserts exactly one object (Task); the allowlist names ' + upsertEntries.length + '.');
  const [upsertObject, { externalIdField, fields: upsertFields }] = upsert;
  const fields = sorted(Object.keys(allowlist.objects)).map((object) => `        ${quote(object)} => ${setOf(allowlist.objects[object]?.fields ?? [])}`);
  return `/**
 * What the gateway lets a plan name: objects and their fields, child relationships for subqueries,
 * parent relationships for aggregate paths, and the one upsert. GENERATED from the default mapping
 * of @kizuna/crm-salesforce (gatewayAllowlistOf) by packages/embed-salesforce/src/apex/apexAllowlist.ts;
 * do not edit by hand: after a mapping change run that package's tests with -u.
 */
public inherited sharing class KizunaAllowlist {
    /** Object → the fields a plan may select, filter, order or aggregate by. */
    public static final Map<String, Set<String>> FIELDS = new Map<String, Set<String>>{
${fields.join(',\n')}
    };

    /** Object → child relationship → child object (subqueries). */
    public static final Map<String, Map<String, String>> CHILDREN = ${nestedMap(allowlist.objects, 'children')};

    /** Object → parent relationship → parent object (paths such as Account__r.Kizuna_Segment__c). */
    public static final Map<String, Map<String, String>> PARENTS = ${nestedMap(allowlist.objects, 'parents')};

    /** The one upsert: this object, by this external id field, writing only these fields. */
    public static final String UPSERT_OBJECT = ${quote(upsertObject)};
    public static final String UPSERT_KEY_FIELD = ${quote(externalIdField)};
    public static final Set<String> UPSERT_FIELDS = ${setOf(upsertFields)};
}
`;
}
