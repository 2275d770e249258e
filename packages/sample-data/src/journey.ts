import type { Department, JourneyStage } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { dayMs } from './calendar';
import { adoptionWindowDays } from './plantedEffects';

/** The lifecycle stage an account is in, where it is a distinct one; undefined in the steady state. */
export type LifecycleStage = 'onboarding' | 'adoption' | 'renewal';

const renewalLeadDays = 90;

/**
 * Where the account is at instant `ms`: onboarding until onboarding completes, adoption for
 * {@link adoptionWindowDays} after the hand-off, renewal in the 90 days before a contract
 * anniversary, otherwise the steady state.
 */
export function lifecycleStageAt(account: AccountPlan, ms: number): LifecycleStage | undefined {
  if (ms < account.customerSinceMs) return undefined;
  if (ms < account.onboardingEndMs) return 'onboarding';
  if (ms < account.onboardingEndMs + adoptionWindowDays * dayMs) return 'adoption';
  for (const renewal of account.renewalsMs) {
    if (renewal > ms && renewal - ms <= renewalLeadDays * dayMs) return 'renewal';
  }
  return undefined;
}

const steadyStage: Readonly<Record<Department, JourneyStage>> = {
  sales: 'advocacy',
  marketing: 'advocacy',
  support: 'support',
  success: 'adoption',
  professional_services: 'adoption',
};

/** The journey stage of a touchpoint by a department at `ms`. */
export function touchpointStageAt(account: AccountPlan, department: Department, ms: number): JourneyStage {
  const stage = lifecycleStageAt(account, ms);
  if (ms < account.customerSinceMs) return department === 'marketing' ? 'awareness' : 'consideration';
  if (department === 'support') return 'support';
  return stage ?? steadyStage[department];
}
