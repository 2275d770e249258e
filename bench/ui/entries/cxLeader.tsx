import { createRoot } from 'react-dom/client';
import { CxLeaderDashboard } from '../../../packages/widgets/src/cxLeader/CxLeaderDashboard';
import { loadRoleMessages, RoleProviders, type RoleMountOptions } from './RoleProviders';

/** The CX leader's programme dashboard alone. */
export async function mount(element: HTMLElement, options: RoleMountOptions): Promise<void> {
  await loadRoleMessages(options.locale, 'leaders');
  createRoot(element).render(
    <RoleProviders options={options} role="cx-leader">
      <CxLeaderDashboard asOf={options.asOf} />
    </RoleProviders>,
  );
}
