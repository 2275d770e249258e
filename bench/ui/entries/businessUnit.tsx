import { createRoot } from 'react-dom/client';
import { BusinessUnitDashboard } from '../../../packages/widgets/src/business/BusinessUnitDashboard';
import { loadRoleMessages, RoleProviders, type RoleMountOptions } from './RoleProviders';

/** The business-unit leader's dashboard alone (home page). */
export async function mount(element: HTMLElement, options: RoleMountOptions): Promise<void> {
  await loadRoleMessages(options.locale, 'leaders');
  createRoot(element).render(
    <RoleProviders options={options} role="bu-leader">
      <BusinessUnitDashboard asOf={options.asOf} />
    </RoleProviders>,
  );
}
