import { useEffect, useState } from 'react';
import type { Locale } from '../i18n/messages';
import type { DashboardRole } from './dashboardProps';
import { arrivedDashboardCode, loadDashboardCode, type LoadedRoleDashboard } from './roleDashboards';

export type DashboardCodeState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly dashboard: LoadedRoleDashboard | undefined }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * The code and words `Dashboard` needs for `role` in `locale` (see `loadDashboardCode`), as render
 * state. Deliberately not `React.lazy` + `Suspense`: React holds a suspended boundary's content back
 * for up to 300 ms after its fallback shows (so reveals do not flicker), which on a first load
 * costs more than the code takes to arrive. A new `attempt` loads afresh after a failure.
 */
export function useDashboardCode(role: DashboardRole | undefined, locale: Locale, attempt: number): DashboardCodeState {
  const key = `${role ?? ''}/${locale}/${attempt}`;
  const [settled, setSettled] = useState<{ readonly key: string; readonly state: DashboardCodeState }>();
  const arrived = arrivedDashboardCode(role, locale);
  const ready = arrived !== undefined;
  useEffect(() => {
    if (ready) return undefined;
    let current = true;
    loadDashboardCode(role, locale).then(
      ({ dashboard }) => current && setSettled({ key, state: { kind: 'ready', dashboard } }),
      (error: unknown) => current && setSettled({ key, state: { kind: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [key, ready, role, locale]);
  if (arrived !== undefined) return { kind: 'ready', dashboard: arrived.dashboard };
  return settled?.key === key ? settled.state : { kind: 'loading' };
}
