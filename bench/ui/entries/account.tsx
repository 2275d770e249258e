import { createRoot } from 'react-dom/client';
import { AccountManagerDashboard } from '../../../packages/widgets/src/account/AccountManagerDashboard';
import { loadRoleMessages, RoleProviders, type RoleMountOptions } from './RoleProviders';

/** The account manager's dashboard alone (Account page), as a host that ships one role would mount it. */
export async function mount(element: HTMLElement, options: RoleMountOptions): Promise<void> {
  await loadRoleMessages(options.locale, 'account');
  const accountId = options.accountId ?? '';
  createRoot(element).render(
    <RoleProviders options={options} role="account-manager">
      <AccountManagerDashboard accountId={accountId} asOf={options.asOf} />
    </RoleProviders>,
  );
}
