import { createRoot } from 'react-dom/client';
import { CxLeaderDashboard } from '../../../packages/widgets/src/cxLeader/CxLeaderDashboard';
import { RoleProviders, type RoleMountOptions } from './RoleProviders';

/** The CX leader's programme dashboard alone. */
export function mount(element: HTMLElement, options: RoleMountOptions): void {
  createRoot(element).render(
    <RoleProviders options={options} role="cx-leader">
      <CxLeaderDashboard asOf={options.asOf} />
    </RoleProviders>,
  );
}
