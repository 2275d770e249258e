import { AccountManagerDashboard } from '@kizuna/widgets';
import { createRoot } from 'react-dom/client';
import { loadRoleMessages, RoleProviders, type RoleMountOptions } from './RoleProviders';

/**
 * The account manager's dashboard imported from the package's index (`@kizuna/widgets`) rather than
 * its own module: shows what the index costs a host when tree-shaking cannot drop the rest.
 */
export async function mount(element: HTMLElement, options: RoleMountOptions): Promise<void> {
  await loadRoleMessages(options.locale, 'account');
  createRoot(element).render(
    <RoleProviders options={options} role="account-manager">
      <AccountManagerDashboard accountId={options.accountId ?? ''} asOf={options.asOf} />
    </RoleProviders>,
  );
}
