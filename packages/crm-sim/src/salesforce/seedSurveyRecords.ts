import type { Feedback, FeedbackScale } from '@kizuna/model';
import type { FieldValue } from './storedRecord';

/**
 * Lays canonical feedback out as Salesforce Feedback Management records, for an org created with
 * `{ surveys: true }`: three surveys (relationship NPS, interaction CSAT, support CES), their
 * questions, and per feedback row a personal SurveyInvitation, a completed SurveyResponse, one
 * SurveyQuestionResponse per answered question and a SurveySubject linking the response to its
 * Account. Question DeveloperNames say what a question measures: `nps`, `csat`, `ces` (CES 2.0,
 * 1–7), `ces_1_5` (CES 1.0), each driver item's id, and `comment` for the free text.
 */
export interface SurveySeedContext {
  idOf(entity: 'account' | 'contact', canonicalId: string | undefined): string | null;
  /** Adds a record of `object` (Id and IsDeleted are set by the caller) and returns its id. */
  insert(object: string, fields: Record<string, FieldValue>): string;
  /** Remembers the SurveyResponse seeded for a canonical feedback row. */
  linkResponse(feedbackId: string, responseId: string): void;
}

type Kind = Feedback['kind'];

export const seededSurveys: Readonly<Record<Kind, { readonly developerName: string; readonly name: string }>> = {
  nps: { developerName: 'kizuna_relationship_nps', name: 'Relationship NPS' },
  csat: { developerName: 'kizuna_interaction_csat', name: 'Interaction CSAT' },
  ces: { developerName: 'kizuna_support_ces', name: 'Support effort (CES)' },
};

/** The headline question of each scale: its DeveloperName, label and QuestionType. */
export const seededHeadlineQuestions: Readonly<Record<FeedbackScale, { readonly developerName: string; readonly label: string; readonly type: string }>> = {
  nps_0_10: { developerName: 'nps', label: 'How likely are you to recommend us to a colleague?', type: 'NPS' },
  csat_1_5: { developerName: 'csat', label: 'How satisfied were you with this interaction?', type: 'CSAT' },
  ces2_1_7: { developerName: 'ces', label: 'The company made it easy for me to handle my issue.', type: 'Rating' },
  ces1_1_5: { developerName: 'ces_1_5', label: 'How much effort did you personally have to put forth?', type: 'Rating' },
};
export const seededCommentQuestion = 'comment';

const defaultScales: Readonly<Record<Kind, FeedbackScale>> = { nps: 'nps_0_10', csat: 'csat_1_5', ces: 'ces2_1_7' };
const kinds: readonly Kind[] = ['nps', 'csat', 'ces'];
const shortTextLength = 255;

interface Question {
  readonly developerName: string;
  readonly label: string;
  readonly type: string;
}

/** The questions of one survey: the headline(s), a rating per driver item asked, the comment. */
function questionsOf(kind: Kind, feedback: readonly Feedback[]): Question[] {
  const rows = feedback.filter((row) => row.kind === kind);
  const scales = new Set<FeedbackScale>([defaultScales[kind], ...rows.map((row) => row.scale)]);
  const drivers = new Set(rows.flatMap((row) => Object.keys(row.driverScores)));
  return [
    ...[...scales].map((scale) => seededHeadlineQuestions[scale]),
    ...[...drivers].map((item) => ({ developerName: item, label: `How satisfied are you with ${item.replace(/_/g, ' ')}?`, type: 'Slider' })),
    { developerName: seededCommentQuestion, label: 'Anything you would like to tell us?', type: 'FreeText' },
  ];
}

interface SurveyIds {
  readonly survey: string;
  /** DeveloperName → SurveyQuestion id. */
  readonly questions: ReadonlyMap<string, string>;
}

function seedSurvey(kind: Kind, feedback: readonly Feedback[], ctx: SurveySeedContext): SurveyIds {
  const { developerName, name } = seededSurveys[kind];
  const survey = ctx.insert('Survey', { Name: name, DeveloperName: developerName, Description: null });
  const questions = new Map<string, string>();
  questionsOf(kind, feedback).forEach((question, index) => {
    const fields = {
      Name: question.label.slice(0, 250),
      DeveloperName: question.developerName,
      QuestionName: question.label,
      QuestionType: question.type,
      QuestionOrder: index + 1,
      IsDeprecated: false,
    };
    questions.set(question.developerName, ctx.insert('SurveyQuestion', fields));
  });
  return { survey, questions };
}

function numberAnswer(value: number): Record<string, FieldValue> {
  // NumberValue is an int field: a fractional driver score cannot be held (rounded, lossy).
  const number = Math.round(value);
  return { Datatype: 'Int', NumberValue: number, ResponseShortText: String(number), ResponseValue: String(number), IsTrueOrFalse: false };
}

function textAnswer(text: string): Record<string, FieldValue> {
  return { Datatype: 'String', NumberValue: null, ResponseShortText: text.slice(0, shortTextLength), ResponseValue: text, IsTrueOrFalse: false };
}

/** The answers of one feedback row, keyed by question DeveloperName. */
function answersOf(row: Feedback): Array<[string, Record<string, FieldValue>]> {
  const answers: Array<[string, Record<string, FieldValue>]> = [[seededHeadlineQuestions[row.scale].developerName, numberAnswer(row.score)]];
  for (const [item, score] of Object.entries(row.driverScores)) answers.push([item, numberAnswer(score)]);
  if (row.comment !== undefined) answers.push([seededCommentQuestion, textAnswer(row.comment)]);
  return answers;
}

function seedResponse(row: Feedback, n: number, survey: SurveyIds, ctx: SurveySeedContext): void {
  const contactId = ctx.idOf('contact', row.contactId);
  const invitation = ctx.insert('SurveyInvitation', {
    Name: `${seededSurveys[row.kind].name} invitation ${n}`,
    SurveyId: survey.survey,
    ParticipantId: contactId,
    ContactId: contactId,
    IsDefault: false,
    OptionsAllowGuestUserResponse: false,
    OptionsAllowParticipantAccessTheirResponse: false,
  });
  const response = ctx.insert('SurveyResponse', {
    Name: `SR-${String(n).padStart(6, '0')}`,
    InvitationId: invitation,
    SurveyId: survey.survey,
    SubmitterId: contactId,
    Status: 'Completed',
    CompletionDateTime: Date.parse(row.respondedAt),
    Language: 'en_US',
  });
  ctx.linkResponse(row.id, response);
  for (const [developerName, values] of answersOf(row)) {
    const question = survey.questions.get(developerName) ?? null;
    ctx.insert('SurveyQuestionResponse', { ResponseId: response, QuestionId: question, InvitationId: invitation, ...values });
  }
  ctx.insert('SurveySubject', { Name: 'Account', ParentId: response, SubjectId: ctx.idOf('account', row.accountId), SubjectEntityType: 'Account' });
}

/** Seeds the surveys, then each feedback row's invitation, response, answers and subject, in dataset order. */
export function seedSurveyRecords(feedback: readonly Feedback[], ctx: SurveySeedContext): void {
  const surveys = new Map(kinds.map((kind) => [kind, seedSurvey(kind, feedback, ctx)]));
  feedback.forEach((row, index) => {
    const survey = surveys.get(row.kind);
    if (survey !== undefined) seedResponse(row, index + 1, survey, ctx);
  });
}
