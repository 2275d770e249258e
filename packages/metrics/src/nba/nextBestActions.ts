import type { AccountContext, EntityName } from '@kizuna/model';
import { accountHealth, defaultScorecardConfig, type AccountHealth, type ScorecardConfig } from '../health';
import { isCustomerAt, parseInstant } from '../health/timeline';
import type { Candidate } from './candidate';
import { championQuiet } from './championQuiet';
import { dmDetractorNoFollowUp } from './dmDetractorNoFollowUp';
import { execNotEngagedBeforeQbr } from './execNotEngagedBeforeQbr';
import { idempotencyKey } from './idempotencyKey';
import { onboardingStalled } from './onboardingStalled';
import type { KpiWarning } from '../warnings';
import { defaultPlaybookConfig, playbookIds, type PlaybookConfig, type PlaybookId } from './playbookConfig';
import { toProposal, type ProposedAction } from './proposal';
import { rankProposals } from './rankProposals';
import { renewalHealthFalling } from './renewalHealthFalling';
import { supportBacklog } from './supportBacklog';
import { actionsByKey, matchExisting, type Suppression } from './suppression';
import { valueAtStake } from './valueAtStake';

export interface NextBestActionsOptions {
  /** The instant to decide at (injected clock): only data up to then counts. */
  readonly asOf: string;
  /** Validated playbook configuration; default {@link defaultPlaybookConfig}. */
  readonly playbooks?: PlaybookConfig;
  /** Scorecard for the health trend the renewal playbook reads; default scorecard if omitted. */
  readonly scorecard?: ScorecardConfig;
  /** The account's health if already computed (same asOf and scorecard), to avoid doing it twice. */
  readonly health?: AccountHealth;
}

/** A situation a playbook found but that is not proposed, and why. */
export interface SuppressedAction {
  readonly playbookId: PlaybookId;
  readonly idempotencyKey: string;
  readonly title: string;
  readonly suppression: Suppression;
}

export interface NextBestActions {
  /** Ranked, best first; every `action` is a valid model Action with status `proposed`. */
  readonly proposed: readonly ProposedAction[];
  readonly suppressed: readonly SuppressedAction[];
  readonly health: AccountHealth;
  /**
   * `unmapped` with `detail.playbook` and `detail.entity`: a playbook was skipped because the CRM
   * could not read a record type it needs. With only `detail.entity: 'action'`: existing actions
   * could not be read, so nothing could be de-duplicated against them.
   */
  readonly warnings: readonly KpiWarning[];
}

/** Record types each playbook must be able to read: without them its silence would be misread as a signal. */
const playbookSources: Readonly<Record<PlaybookId, readonly EntityName[]>> = {
  dm_detractor_no_follow_up: ['feedback', 'contact'],
  // Falls back to account.renewalDate; the health score reports its own gaps.
  renewal_health_falling: [],
  onboarding_stalled: [],
  exec_not_engaged_before_qbr: ['contact', 'touchpoint'],
  support_backlog: ['supportCase'],
  champion_quiet: ['contact', 'touchpoint', 'feedback'],
};

interface Candidates {
  readonly candidates: readonly Candidate[];
  readonly warnings: readonly KpiWarning[];
}

function candidatesOf(context: AccountContext, asOfMs: number, health: AccountHealth, config: PlaybookConfig): Candidates {
  const p = config.playbooks;
  const base = { context, asOfMs, health };
  const runs: Readonly<Record<PlaybookId, () => readonly Candidate[]>> = {
    dm_detractor_no_follow_up: () => dmDetractorNoFollowUp({ ...base, settings: p.dm_detractor_no_follow_up }),
    renewal_health_falling: () => renewalHealthFalling({ ...base, settings: p.renewal_health_falling }),
    onboarding_stalled: () => onboardingStalled({ ...base, settings: p.onboarding_stalled }),
    exec_not_engaged_before_qbr: () => execNotEngagedBeforeQbr({ ...base, settings: p.exec_not_engaged_before_qbr }),
    support_backlog: () => supportBacklog({ ...base, settings: p.support_backlog }),
    champion_quiet: () => championQuiet({ ...base, settings: p.champion_quiet }),
  };
  const unreadable = new Set(context.unavailable.map((part) => part.entity));
  const candidates: Candidate[] = [];
  const warnings: KpiWarning[] = [];
  for (const id of playbookIds) {
    if (!p[id].enabled) continue;
    const missing = playbookSources[id].find((entity) => unreadable.has(entity));
    if (missing === undefined) candidates.push(...runs[id]());
    else warnings.push({ code: 'unmapped', detail: { playbook: id, entity: missing } });
  }
  if (unreadable.has('action')) warnings.push({ code: 'unmapped', detail: { entity: 'action' } });
  return { candidates, warnings };
}

/**
 * The next best actions for one account: every enabled playbook turns the account's signals into
 * candidates; each gets a stable idempotency key, a value at stake and a priority
 * (value × expected effect × urgency, see `PriorityExplanation`); candidates whose key the user
 * already accepted or completed, dismissed within the dismissal window, or snoozed, are held back
 * (`suppressed`); the rest are ranked. Nothing is proposed for an account that is not a customer at `asOf`.
 */
export function nextBestActions(context: AccountContext, options: NextBestActionsOptions): NextBestActions {
  const asOfMs = parseInstant(options.asOf);
  const config = options.playbooks ?? defaultPlaybookConfig;
  const health = options.health ?? accountHealth(context, options.scorecard ?? defaultScorecardConfig, { asOf: options.asOf });
  if (!isCustomerAt(context.account, asOfMs)) return { proposed: [], suppressed: [], health, warnings: [] };
  const createdAt = new Date(asOfMs).toISOString();
  const value = valueAtStake(context, asOfMs);
  const existing = actionsByKey(context.actions);
  const proposals = new Map<string, ProposedAction>();
  const suppressed: SuppressedAction[] = [];
  const { candidates, warnings } = candidatesOf(context, asOfMs, health, config);
  for (const candidate of candidates) {
    const key = idempotencyKey(candidate.playbookId, context.account.id, candidate.triggers);
    const match = matchExisting(existing.get(key) ?? [], asOfMs, config.dismissalWindowDays);
    if (match.kind === 'suppressed') {
      suppressed.push({ playbookId: candidate.playbookId, idempotencyKey: key, title: candidate.title, suppression: match.suppression });
      continue;
    }
    const proposal = toProposal({ candidate, accountId: context.account.id, key, value, createdAt, ...(match.kind === 'refresh' ? { existing: match.existing } : {}) });
    const twin = proposals.get(key);
    if (twin === undefined || twin.priority.priority < proposal.priority.priority) proposals.set(key, proposal);
  }
  return { proposed: rankProposals([...proposals.values()]), suppressed, health, warnings };
}
