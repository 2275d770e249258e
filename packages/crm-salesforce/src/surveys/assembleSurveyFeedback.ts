import { normaliseDateTime } from '@kizuna/crm-core';
import { feedbackScales, parseEntity, type Feedback, type ParseResult, type RejectedRecord, type ValidationIssue } from '@kizuna/model';
import type { SurveyAnswerRow } from './surveyAnswerRow';
import type { SurveyMapping } from './surveyMapping';

/** A question the mapping does not know: reported with how often it was answered, never guessed. */
export interface UnmappedSurveyQuestion {
  /** SurveyQuestion.DeveloperName; null when the answer's question could not be read. */
  readonly developerName: string | null;
  readonly answers: number;
  /** Up to three responses that answered it, for a person to look at. */
  readonly responseIds: readonly string[];
}

export interface SurveyFeedbackResult {
  /** Valid canonical feedback, one per completed response, oldest first. */
  readonly feedback: Feedback[];
  /** Responses that did not make valid feedback, with the reasons (model validation issues). */
  readonly rejected: RejectedRecord[];
  readonly unmappedQuestions: UnmappedSurveyQuestion[];
}

/** The account a response is about, or why none can be named. */
export type AccountLink = { readonly accountId: string } | { readonly problem: string };
export type AccountOf = (response: { readonly responseId: string; readonly invitationId: string | null }) => AccountLink;

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
const issue = (field: string, problem: string): ValidationIssue => ({ entity: 'feedback', field, problem });

/** Counts answers to questions the mapping does not know. */
export class UnmappedQuestions {
  readonly #seen = new Map<string | null, { answers: number; responseIds: string[] }>();

  note(developerName: string | null, responseId: string): void {
    const entry = this.#seen.get(developerName) ?? { answers: 0, responseIds: [] };
    entry.answers += 1;
    if (entry.responseIds.length < 3 && !entry.responseIds.includes(responseId)) entry.responseIds.push(responseId);
    this.#seen.set(developerName, entry);
  }

  list(): UnmappedSurveyQuestion[] {
    return [...this.#seen].map(([developerName, entry]) => ({ developerName, answers: entry.answers, responseIds: [...entry.responseIds] }));
  }
}

interface Reading {
  readonly headlines: Array<{ readonly name: string; readonly number: number | null }>;
  readonly driverScores: Record<string, number>;
  comment?: string;
}

/** Sorts a response's answers into headline, driver scores and comment by question DeveloperName. */
function readAnswers(rows: readonly SurveyAnswerRow[], mapping: SurveyMapping, unmapped: UnmappedQuestions): Reading {
  const reading: Reading = { headlines: [], driverScores: {} };
  for (const row of rows) {
    const name = row.question;
    if (name !== null && own(mapping.headlines, name) !== undefined) reading.headlines.push({ name, number: row.number });
    else if (name !== null && own(mapping.drivers, name) !== undefined) {
      const item = own(mapping.drivers, name);
      // An unanswered optional rating has no NumberValue: no score for that item.
      if (item !== undefined && row.number !== null) reading.driverScores[item] = row.number;
    } else if (name !== null && mapping.comments.includes(name)) {
      if (reading.comment === undefined && row.text !== null) reading.comment = row.text;
    } else if (name === null || !mapping.ignore.includes(name)) unmapped.note(name, row.responseId);
  }
  return reading;
}

function headlineOf(reading: Reading, mapping: SurveyMapping): { name: string; score: number } | ValidationIssue {
  const [headline, ...more] = reading.headlines;
  if (headline === undefined) {
    return issue('score', `no answer to a headline question of the survey mapping (${Object.keys(mapping.headlines).join(', ')})`);
  }
  if (more.length > 0) {
    const names = reading.headlines.map((h) => h.name).join(', ');
    return issue('score', `answers ${reading.headlines.length} headline questions (${names}); one response holds one headline score`);
  }
  if (headline.number === null) return issue('score', `the headline question ${headline.name} has no NumberValue`);
  return { name: headline.name, score: headline.number };
}

/** Builds and validates the canonical feedback of one response (all `rows` share its response). */
function feedbackOf(rows: readonly SurveyAnswerRow[], account: AccountLink, mapping: SurveyMapping, unmapped: UnmappedQuestions): ParseResult<Feedback> {
  const [first] = rows;
  if (first === undefined) return { ok: false, issues: [issue('(record)', 'has no answers')] };
  const reading = readAnswers(rows, mapping, unmapped);
  const issues: ValidationIssue[] = 'problem' in account ? [issue('accountId', account.problem)] : [];
  const headline = headlineOf(reading, mapping);
  if ('problem' in headline) issues.push(headline);
  const meaning = 'problem' in headline ? undefined : own(mapping.headlines, headline.name);
  if ('problem' in account || 'problem' in headline || meaning === undefined) return { ok: false, issues };
  const survey = first.survey === null ? undefined : own(mapping.surveys, first.survey);
  return parseEntity('feedback', {
    id: first.responseId,
    accountId: account.accountId,
    ...(first.contactId === null ? {} : { contactId: first.contactId }),
    kind: feedbackScales[meaning.scale].kind,
    programme: survey?.programme ?? meaning.programme,
    scale: meaning.scale,
    score: headline.score,
    ...(first.completedAt === null ? {} : { respondedAt: normaliseDateTime(first.completedAt) }),
    ...(survey?.journeyStage === undefined ? {} : { journeyStage: survey.journeyStage }),
    ...(survey?.channel === undefined ? {} : { channel: survey.channel }),
    driverScores: reading.driverScores,
    ...(reading.comment === undefined ? {} : { comment: reading.comment }),
    followUp: { state: mapping.followUpState },
  });
}

/** Groups answer rows by response, dropping repeats of the same answer (it can come from two queries). */
export function groupByResponse(rows: readonly SurveyAnswerRow[]): Map<string, SurveyAnswerRow[]> {
  const seen = new Set<string>();
  const groups = new Map<string, SurveyAnswerRow[]>();
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const group = groups.get(row.responseId);
    if (group === undefined) groups.set(row.responseId, [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * Canonical feedback from survey answers: one record per response, validated with the model.
 * Invalid ones are returned in `rejected` with their reasons, and questions the mapping does not
 * know in `unmappedQuestions`; nothing here throws.
 */
export function assembleSurveyFeedback(
  rows: readonly SurveyAnswerRow[],
  accountOf: AccountOf,
  mapping: SurveyMapping,
  unmapped = new UnmappedQuestions(),
): SurveyFeedbackResult {
  const feedback: Feedback[] = [];
  const rejected: RejectedRecord[] = [];
  for (const [responseId, group] of groupByResponse(rows)) {
    const account = accountOf({ responseId, invitationId: group[0]?.invitationId ?? null });
    const result = feedbackOf(group, account, mapping, unmapped);
    if (result.ok) feedback.push(result.value);
    else rejected.push({ entity: 'feedback', recordId: responseId, issues: result.issues });
  }
  feedback.sort((a, b) => a.respondedAt.localeCompare(b.respondedAt) || a.id.localeCompare(b.id));
  return { feedback, rejected, unmappedQuestions: unmapped.list() };
}
