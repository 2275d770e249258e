import type { PlaybookConfig, ScorecardConfig } from '@kizuna/metrics';
import { useTranslator } from '../i18n/i18nContext';
import { ActionStoresProvider } from '../outbox/ActionStoresProvider';
import type { KeyValueStorage } from '../outbox/storage';
import { AccountNpsWidget } from './AccountNpsWidget';
import { OpenFeedbackWidget } from './feedback/OpenFeedbackWidget';
import { HealthWidget } from './health/HealthWidget';
import { JourneyTimelineWidget } from './journey/JourneyTimelineWidget';
import { NextBestActionsWidget } from './nba/NextBestActionsWidget';
import { StakeholderMapWidget } from './stakeholders/StakeholderMapWidget';

export interface AccountManagerDashboardProps {
  readonly accountId: string;
  readonly asOf: string;
  readonly scorecard?: ScorecardConfig;
  readonly playbooks?: PlaybookConfig;
  /** Where the outbox and decisions persist; `localStorage` when the host allows it. */
  readonly storage?: KeyValueStorage;
}

/**
 * The account manager's dashboard on the Account page: health and its drivers, next best actions,
 * feedback awaiting a reply, stakeholders by role, the journey timeline and the NPS. Every widget
 * reads the one account-context query, so the page costs one CRM read.
 */
export function AccountManagerDashboard({ accountId, asOf, scorecard, playbooks, storage }: AccountManagerDashboardProps) {
  const { t } = useTranslator();
  return (
    <ActionStoresProvider {...(storage === undefined ? {} : { storage })}>
      <div className="kz-grid" role="group" aria-label={t('dashboard.title')}>
        <HealthWidget accountId={accountId} asOf={asOf} {...(scorecard === undefined ? {} : { scorecard })} />
        <NextBestActionsWidget accountId={accountId} asOf={asOf} {...(playbooks === undefined ? {} : { playbooks })} />
        <OpenFeedbackWidget accountId={accountId} asOf={asOf} />
        <StakeholderMapWidget accountId={accountId} asOf={asOf} />
        <JourneyTimelineWidget accountId={accountId} asOf={asOf} />
        <AccountNpsWidget accountId={accountId} asOf={asOf} />
      </div>
    </ActionStoresProvider>
  );
}
