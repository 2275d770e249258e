import { createRoot } from 'react-dom/client';
import { BusinessUnitDashboard } from '../../../packages/widgets/src/business/BusinessUnitDashboard';
import { RoleProviders, type RoleMountOptions } from './RoleProviders';

/** The business-unit leader's dashboard alone (home page). */
export function mount(element: HTMLElement, options: RoleMountOptions): void {
  createRoot(element).render(
    <RoleProviders options={options} role="bu-leader">
      <BusinessUnitDashboard asOf={options.asOf} />
    </RoleProviders>,
  );
}
