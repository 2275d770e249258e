import type { Action, CanonicalDataset, Contact, Feedback, Opportunity, SupportCase, Touchpoint } from '@kizuna/model';
import { localDateOf } from './zohoDateTime';
import { seModuleKey, type ZohoRecordStore, type ZohoStoredRecord, type ZohoStoredValue } from './zohoRecordStore';
import type { ZohoUser } from './zohoUsers';

/** Canonical entities that become Zoho records, and so have a Zoho id. */
export type ZohoSeededEntity =
  | 'account'
  | 'contact'
  | 'touchpoint'
  | 'feedback'
  | 'supportCase'
  | 'opportunity'
  | 'employeePulse'
  /** The Task written for an accepted or done action. */
  | 'actionTask'
  /** The `Kizuna_Actions` record of an action someone decided on (accepted, done, snoozed, dismissed). */
  | 'action';

export interface ZohoSeedContext {
  readonly store: ZohoRecordStore;
  readonly admin: ZohoUser;
  readonly teamOwners: ReadonlyMap<string, ZohoUser>;
  readonly timeZone: string;
}

const meetingChannels = new Set<Touchpoint['channel']>(['meeting', 'video_call', 'event']);
/** Touchpoints have no duration: meetings are seeded as one hour, calls as 15 minutes (lossy). */
const meetingMs = 60 * 60 * 1000;
const callSeconds = 15 * 60;

const autoName = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(6, '0')}`;
const epoch = (value: string | undefined): number | null => (value === undefined ? null : Date.parse(value));
/** A canonical date becomes the creation stamp at midnight UTC. */
const dayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`);
/** The calendar quarter (UTC) of an instant, `2026-Q1`: what `Kizuna_Feedback.Period` holds. */
export function quarterOf(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}
const capitalised = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function splitName(name: string): { first: string | null; last: string } {
  const at = name.lastIndexOf(' ');
  return at <= 0 ? { first: null, last: name } : { first: name.slice(0, at), last: name.slice(at + 1) };
}

const caseStatus: Record<SupportCase['status'], string> = {
  new: 'New',
  working: 'Working',
  waiting_on_customer: 'On Hold',
  escalated: 'Escalated',
  closed: 'Closed',
};
const dealType: Record<Opportunity['type'], string> = { new: 'New Business', renewal: 'Renewal', expansion: 'Expansion' };
const caseOriginOf = (channel: SupportCase['channel']): string =>
  channel === 'email' || channel === 'phone' || channel === 'web' || channel === 'chat' || channel === 'portal' ? capitalised(channel) : 'Web';

/**
 * Lays a canonical dataset out as Zoho CRM records (docs/crm/zoho-layout.md). Ids come from one
 * org-wide sequence in a fixed order (users first, then accounts, contacts, touchpoints,
 * feedback, cases, deals, pulses, actions), so the same dataset always gives the same ids.
 * Returns canonical id → Zoho id per entity.
 */
export function seedZohoRecords(dataset: CanonicalDataset, ctx: ZohoSeedContext): ReadonlyMap<ZohoSeededEntity, ReadonlyMap<string, string>> {
  const { store, admin } = ctx;
  const ids = new Map<ZohoSeededEntity, Map<string, string>>();
  const idOf = (entity: ZohoSeededEntity, canonicalId: string | undefined): string | null =>
    canonicalId === undefined ? null : (ids.get(entity)?.get(canonicalId) ?? null);
  const accountOwner = new Map<string, string>();
  const ownerOfAccount = (accountId: string): string => accountOwner.get(accountId) ?? admin.id;
  const add = (entity: ZohoSeededEntity, canonicalId: string, module: string, createdAt: number, owner: string, fields: ZohoStoredRecord): string => {
    const id = store.nextId();
    // Fields a mapper leaves out read as null (every reader uses `?? null`), which keeps big orgs small.
    fields['id'] = id;
    fields['Owner'] = owner;
    fields['Created_Time'] = createdAt;
    fields['Modified_Time'] = createdAt;
    fields['Created_By'] = admin.id;
    fields['Modified_By'] = admin.id;
    store.add(module, fields);
    let byCanonical = ids.get(entity);
    if (byCanonical === undefined) ids.set(entity, (byCanonical = new Map()));
    byCanonical.set(canonicalId, id);
    return id;
  };
  const counters = new Map<string, number>();
  const next = (key: string): number => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  for (const a of dataset.accounts) {
    const owner = ctx.teamOwners.get(a.servingTeamId)?.id ?? admin.id;
    add('account', a.id, 'Accounts', dayStart(a.customerSince), owner, {
      Account_Name: a.name,
      Industry: a.industry ?? null,
      Kizuna_Business_Unit: a.businessUnitId,
      Kizuna_Product_Line: a.productLineId,
      Kizuna_Segment: a.segmentId,
      Kizuna_Serving_Team: a.servingTeamId,
      Kizuna_ARR: a.arr,
      Currency: a.currency,
      Kizuna_Status: a.status,
      Kizuna_Customer_Since: a.customerSince,
      Kizuna_Renewal_Date: a.renewalDate ?? null,
      Kizuna_Churned_On: a.churnedOn ?? null,
      Kizuna_Onboarding_Started: a.onboardingStartedOn ?? null,
      Kizuna_Onboarding_Completed: a.onboardingCompletedOn ?? null,
    });
    accountOwner.set(a.id, owner);
  }
  const accountCreated = new Map(dataset.accounts.map((a) => [a.id, dayStart(a.customerSince)]));
  for (const c of dataset.contacts) add('contact', c.id, 'Contacts', accountCreated.get(c.accountId) ?? 0, ownerOfAccount(c.accountId), contactFields(c, idOf));
  for (const t of dataset.touchpoints) {
    const { module, fields } = touchpointFields(t, idOf, ctx.timeZone);
    add('touchpoint', t.id, module, Date.parse(t.occurredAt), ownerOfAccount(t.accountId), fields);
  }
  for (const f of dataset.feedback) {
    add('feedback', f.id, 'Kizuna_Feedback', Date.parse(f.respondedAt), ownerOfAccount(f.accountId), feedbackFields(f, autoName('FB', next('FB')), idOf));
  }
  for (const s of dataset.supportCases) {
    add('supportCase', s.id, 'Cases', Date.parse(s.openedAt), ownerOfAccount(s.accountId), {
      Case_Number: String(next('Case')),
      Subject: s.subject,
      Status: caseStatus[s.status],
      Priority: capitalised(s.priority),
      Case_Origin: caseOriginOf(s.channel),
      Account_Name: idOf('account', s.accountId),
      Related_To: idOf('contact', s.contactId),
      Kizuna_Channel: s.channel,
      Kizuna_Escalated: s.escalated,
      Kizuna_First_Response_At: epoch(s.firstResponseAt),
      Kizuna_Closed_At: epoch(s.closedAt),
      Kizuna_SLA_Hours: s.slaResolutionHours ?? null,
      Kizuna_Team: s.teamId ?? null,
      Kizuna_Product_Line: s.productLineId ?? null,
    });
  }
  for (const o of dataset.opportunities) {
    add('opportunity', o.id, 'Deals', dayStart(o.closeDate), ownerOfAccount(o.accountId), {
      Deal_Name: o.name,
      Account_Name: idOf('account', o.accountId),
      Stage: o.stage,
      Type: dealType[o.type],
      Amount: o.amount,
      Closing_Date: o.closeDate,
      Currency: o.currency,
      Kizuna_Outcome: o.status,
      Kizuna_Renewing_Amount: o.renewingAmount ?? null,
      Kizuna_Product_Line: o.productLineId ?? null,
    });
  }
  for (const p of dataset.employeePulses) {
    add('employeePulse', p.id, 'Kizuna_Employee_Pulse', dayStart(`${p.period.slice(0, 4)}-01-01`), admin.id, {
      Name: autoName('EP', next('EP')),
      Team: p.teamId,
      Period: p.period,
      Invited: p.invited,
      Respondents: p.respondents,
      Engagement: p.engagement,
      ENPS_Promoters: p.enps.promoters,
      ENPS_Passives: p.enps.passives,
      ENPS_Detractors: p.enps.detractors,
      Item_Means: JSON.stringify(p.itemMeans),
    });
  }
  for (const action of dataset.actions) {
    if (action.status === 'proposed') continue;
    const owner = ownerOfAccount(action.accountId);
    const taskId =
      action.status === 'accepted' || action.status === 'done'
        ? add('actionTask', action.id, 'Tasks', Date.parse(action.createdAt), owner, actionTaskFields(action, idOf, ctx.timeZone))
        : null;
    add('action', action.id, 'Kizuna_Actions', Date.parse(action.createdAt), owner, actionFields(action, taskId, idOf));
  }
  return ids;
}

type IdOf = (entity: ZohoSeededEntity, canonicalId: string | undefined) => string | null;

function contactFields(contact: Contact, idOf: IdOf): ZohoStoredRecord {
  const { first, last } = splitName(contact.name);
  return {
    First_Name: first,
    Last_Name: last,
    Full_Name: contact.name,
    Email: contact.email ?? null,
    Title: contact.title ?? null,
    Account_Name: idOf('account', contact.accountId),
    Kizuna_Role: contact.role,
  };
}

function touchpointFields(t: Touchpoint, idOf: IdOf, timeZone: string): { module: string; fields: ZohoStoredRecord } {
  const at = Date.parse(t.occurredAt);
  const common: ZohoStoredRecord = {
    What_Id: idOf('account', t.accountId),
    [seModuleKey]: 'Accounts',
    Who_Id: idOf('contact', t.contactId),
    Kizuna_Channel: t.channel,
    Kizuna_Department: t.department,
    Kizuna_Journey_Stage: t.journeyStage,
    Kizuna_Moment_Of_Truth: t.momentOfTruth ?? null,
    Kizuna_Team: t.teamId ?? null,
  };
  if (meetingChannels.has(t.channel)) {
    return { module: 'Events', fields: { ...common, Event_Title: t.subject, Start_DateTime: at, End_DateTime: at + meetingMs, All_day: false } };
  }
  if (t.channel === 'phone') {
    return {
      module: 'Calls',
      fields: { ...common, Subject: t.subject, Call_Type: 'Outbound', Call_Start_Time: at, Call_Duration: '15:00', Call_Duration_in_seconds: callSeconds },
    };
  }
  return {
    module: 'Tasks',
    fields: { ...common, Subject: t.subject, Due_Date: localDateOf(at, timeZone), Status: 'Completed', Priority: 'Normal', Closed_Time: at },
  };
}

function feedbackFields(f: Feedback, name: string, idOf: IdOf): ZohoStoredRecord {
  const fields: Record<string, ZohoStoredValue> = {
    Name: name,
    Account: idOf('account', f.accountId),
    Contact: idOf('contact', f.contactId),
    Touchpoint_Key: f.touchpointId ?? null,
    Kind: f.kind,
    Programme: f.programme,
    Scale: f.scale,
    Score: f.score,
    Responded_At: Date.parse(f.respondedAt),
    Period: quarterOf(Date.parse(f.respondedAt)),
    Journey_Stage: f.journeyStage ?? null,
    Channel: f.channel ?? null,
    Drivers_Asked: Object.keys(f.driverScores),
    Driver_Scores: JSON.stringify(f.driverScores),
    Comment: f.comment ?? null,
    Follow_Up_State: f.followUp.state,
    Follow_Up_Due: epoch(f.followUp.dueAt),
    Follow_Up_Closed: epoch(f.followUp.closedAt),
    Follow_Up_Owner: f.followUp.ownerId ?? null,
  };
  return fields;
}

function actionTaskFields(action: Action, idOf: IdOf, timeZone: string): ZohoStoredRecord {
  const due = epoch(action.dueAt);
  return {
    Subject: action.title,
    Description: action.reasons.join('\n'),
    What_Id: idOf('account', action.accountId),
    [seModuleKey]: 'Accounts',
    Who_Id: idOf('contact', action.contactId),
    Due_Date: due === null ? null : localDateOf(due, timeZone),
    Status: action.status === 'done' ? 'Completed' : 'Not Started',
    Priority: action.urgency >= 0.7 ? 'High' : 'Normal',
    Kizuna_Action_Key: action.idempotencyKey,
    Kizuna_Playbook: action.playbookId,
    Kizuna_Value_At_Stake: action.valueAtStake,
    Kizuna_Expected_Effect: action.expectedEffect,
    Kizuna_Urgency: action.urgency,
  };
}

function actionFields(action: Action, taskId: string | null, idOf: IdOf): ZohoStoredRecord {
  return {
    Name: action.title,
    Action_Key: action.idempotencyKey,
    Account: idOf('account', action.accountId),
    Contact: idOf('contact', action.contactId),
    Playbook: action.playbookId,
    Action_Status: action.status,
    Reasons: action.reasons.join('\n'),
    Value_At_Stake: action.valueAtStake,
    Expected_Effect: action.expectedEffect,
    Urgency: action.urgency,
    Due_At: epoch(action.dueAt),
    Snoozed_Until: epoch(action.snoozedUntil),
    Dismissed_At: epoch(action.dismissedAt),
    Dismissed_Reason: action.dismissedReason ?? null,
    Task_Id: taskId,
  };
}
