import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../../packages/widgets/src/dashboard/Dashboard';
import type { RoleMountOptions } from './RoleProviders';

/** `Dashboard`, the root every embed mounts today: every role's dashboard in one bundle. */
export function mount(element: HTMLElement, options: RoleMountOptions & { readonly role: 'account-manager' | 'bu-leader' | 'cx-leader' }): void {
  createRoot(element).render(
    <Dashboard
      role={options.role}
      {...(options.accountId === undefined ? {} : { accountId: options.accountId })}
      locale={options.locale}
      theme="neutral"
      colourScheme="light"
      asOf={options.asOf}
      dataSource={options.dataSource}
    />,
  );
}
