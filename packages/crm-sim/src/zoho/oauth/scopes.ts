import { oauthScopeMismatch } from '../zohoApiError';
import type { ZohoModuleSpec } from '../zohoModuleSpecs';

/** What a request needs from its token. */
export type ZohoOperation = 'READ' | 'CREATE' | 'UPDATE';

/** Operations each granted operation covers (`WRITE` = create + update, `ALL` = everything). */
const covers: Readonly<Record<string, readonly ZohoOperation[]>> = {
  ALL: ['READ', 'CREATE', 'UPDATE'],
  READ: ['READ'],
  CREATE: ['CREATE'],
  UPDATE: ['UPDATE'],
  WRITE: ['CREATE', 'UPDATE'],
};

/**
 * Scopes are `ZohoCRM.modules.ALL`, `ZohoCRM.modules.{READ|CREATE|UPDATE|WRITE}`,
 * `ZohoCRM.modules.{module}.{…}` (module in lower case, `custom` for every custom module),
 * `ZohoCRM.coql.READ`, `ZohoCRM.users.{READ|ALL}` (reference §E "Scopes"). Zoho compares them
 * without regard to case (its own OAS writes `ZohoCRM.modules.all`).
 */
function grants(scopes: readonly string[], service: string, operation: ZohoOperation, resources: readonly string[] = []): boolean {
  return scopes.some((scope) => {
    const parts = scope.split('.').map((part) => part.toLowerCase());
    if (parts[0] !== 'zohocrm' || parts[1] !== service) return false;
    const granted = parts.length === 3 ? parts[2] : parts.length === 4 && resources.includes(parts[2] ?? '') ? parts[3] : undefined;
    return granted !== undefined && (covers[granted.toUpperCase()] ?? []).includes(operation);
  });
}

/** Throws 401 OAUTH_SCOPE_MISMATCH unless the token may do `operation` on `module`. */
export function requireModuleScope(scopes: readonly string[], module: ZohoModuleSpec, operation: ZohoOperation): void {
  const resources = module.custom ? [module.scopeName, 'custom'] : [module.scopeName];
  if (!grants(scopes, 'modules', operation, resources)) throw oauthScopeMismatch();
}

/** COQL needs `ZohoCRM.coql.READ` as well as read access to the module (reference §B). */
export function requireCoqlScope(scopes: readonly string[]): void {
  if (!grants(scopes, 'coql', 'READ')) throw oauthScopeMismatch();
}

export function requireUsersScope(scopes: readonly string[]): void {
  if (!grants(scopes, 'users', 'READ')) throw oauthScopeMismatch();
}

/** Splits the `scope` parameter of the authorize step (comma-separated; spaces tolerated). */
export function parseScopeParam(scope: string | null): string[] {
  return (scope ?? '')
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Metadata: `ZohoCRM.settings.{ALL|READ}` or `ZohoCRM.settings.{modules|fields}.{ALL|READ}`. */
export function requireSettingsScope(scopes: readonly string[], resource: 'modules' | 'fields'): void {
  if (!grants(scopes, 'settings', 'READ', [resource])) throw oauthScopeMismatch();
}
