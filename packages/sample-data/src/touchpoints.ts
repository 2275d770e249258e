import type { Contact, Department, Touchpoint } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { hourMs, toDateTime, type Period } from './calendar';
import { followUpDueDays, followUpFor } from './followUp';
import { createRandom, type Random } from './random';
import { streams } from './streams';
import type { FeedbackDraft } from './supportCases';
import { milestoneDrafts, routineDrafts, type TouchpointDraft } from './touchpointDrafts';

/** Share of customer touchpoints followed by a CSAT question. */
const csatResponseRate = 0.35;
/**
 * Interaction CSAT (1–5) is high everywhere: 89 % top-2-box in expectation, in both the planted
 * and the control organisation. That is what makes the planted hand-off drop a journey problem.
 */
const csatScores: readonly (readonly [number, number])[] = [[5, 55], [4, 34], [3, 7], [2, 3], [1, 1]];

export interface TouchpointResults {
  readonly touchpoints: Touchpoint[];
  readonly csat: FeedbackDraft[];
}

function teamFor(account: AccountPlan, department: Department): string {
  if (department === 'success') return account.servingTeamId;
  const teams = account.unit.teamIdsByDepartment[department];
  return teams[account.index % teams.length] ?? teams[0];
}

function csatFor(random: Random, touchpoint: Touchpoint, occurredMs: number, asOfMs: number): FeedbackDraft | undefined {
  if (touchpoint.contactId === undefined || !random.chance(csatResponseRate)) return undefined;
  const respondedMs = occurredMs + random.int(1, 72) * hourMs;
  if (respondedMs >= asOfMs) return undefined;
  const score = random.weighted(csatScores);
  return {
    accountId: touchpoint.accountId,
    contactId: touchpoint.contactId,
    touchpointId: touchpoint.id,
    kind: 'csat',
    programme: 'interaction',
    scale: 'csat_1_5',
    score,
    respondedAt: toDateTime(respondedMs),
    journeyStage: touchpoint.journeyStage,
    channel: touchpoint.channel,
    driverScores: {},
    followUp: followUpFor(random, score <= 2, respondedMs, asOfMs, followUpDueDays.interaction),
  };
}

/** Every touchpoint of the account inside the history, in time order, and the CSAT answers they drew. */
export function generateTouchpoints(seed: number, account: AccountPlan, contacts: readonly [Contact, ...Contact[]],
  periods: readonly Period[], firstCaseMs: number | undefined, asOfMs: number): TouchpointResults {
  const random = createRandom(seed, streams.touchpoints, account.index);
  const windowStartMs = periods[0]?.startMs ?? asOfMs;
  const drafts: TouchpointDraft[] = [...milestoneDrafts(random, account, firstCaseMs), ...routineDrafts(random, account, periods)]
    .filter((draft) => draft.occurredMs >= windowStartMs && draft.occurredMs < account.activeEndMs)
    .sort((a, b) => a.occurredMs - b.occurredMs);
  const touchpoints: Touchpoint[] = [];
  const csat: FeedbackDraft[] = [];
  for (const draft of drafts) {
    const contact = random.pick(contacts);
    const touchpoint: Touchpoint = {
      id: `tp-${account.id.slice('acc-'.length)}-${String(touchpoints.length + 1).padStart(4, '0')}`,
      accountId: account.id,
      contactId: contact.id,
      teamId: teamFor(account, draft.department),
      occurredAt: toDateTime(draft.occurredMs),
      channel: draft.channel,
      department: draft.department,
      journeyStage: draft.journeyStage,
      ...(draft.momentOfTruth === undefined ? {} : { momentOfTruth: draft.momentOfTruth }),
      subject: draft.subject,
    };
    touchpoints.push(touchpoint);
    if (draft.occurredMs >= account.customerSinceMs) {
      const answer = csatFor(random, touchpoint, draft.occurredMs, asOfMs);
      if (answer !== undefined) csat.push(answer);
    }
  }
  return { touchpoints, csat };
}
