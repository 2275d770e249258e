import { CrmError, crmIdentifierSchema } from '@kizuna/crm-core';
import { channels, feedbackProgrammes, feedbackScales, followUpStates, journeyStages, type FeedbackScale } from '@kizuna/model';
import { z } from 'zod';
import { subjectParents } from './surveyObjects';

const scaleNames = Object.keys(feedbackScales) as [FeedbackScale, ...FeedbackScale[]];
/** A SurveyQuestion or Survey DeveloperName (an API name: letters, digits, underscores). */
const developerName = crmIdentifierSchema;

/** A headline question: its scale (which fixes the kind: nps, csat or ces) and its programme. */
const headlineSchema = z.strictObject({
  scale: z.enum(scaleNames),
  programme: z.enum(feedbackProgrammes),
});

/** What a whole survey says about its responses, overriding the headline's programme. */
const surveyOverrideSchema = z.strictObject({
  programme: z.enum(feedbackProgrammes).optional(),
  journeyStage: z.enum(journeyStages).optional(),
  channel: z.enum(channels).optional(),
});

/**
 * What the questions of an org's surveys mean, by SurveyQuestion.DeveloperName. A question that
 * is in none of `headlines`, `drivers`, `comments` or `ignore` is reported, never guessed.
 */
const surveyMappingObjectSchema = z.strictObject({
  /** DeveloperName → scale and programme of the headline score (NumberValue). One per response. */
  headlines: z.record(developerName, headlineSchema),
  /** DeveloperName → driver item id (NumberValue, 0–10). */
  drivers: z.record(developerName, z.string().min(1)).default({}),
  /** DeveloperNames of free-text questions whose answer is the comment (the first answered wins). */
  comments: z.array(developerName).default([]),
  /** DeveloperNames read on purpose as nothing (consent boxes, routing questions …). */
  ignore: z.array(developerName).default([]),
  /** Survey.DeveloperName → programme, journey stage, channel of all its responses. */
  surveys: z.record(developerName, surveyOverrideSchema).default({}),
  /**
   * What SurveySubject.ParentId points at in this org: the response, the invitation, or both
   * (one query each). Both by default.
   */
  subjectParents: z.array(z.enum(subjectParents)).min(1).default([...subjectParents]),
  /**
   * Surveys hold no closed-loop state; every survey-based feedback record gets this one. The
   * default `not_required` claims no open follow-up: an org that tracks follow-up elsewhere must
   * merge it in.
   */
  followUpState: z.enum(followUpStates).default('not_required'),
});

function roleOverlaps(mapping: z.output<typeof surveyMappingObjectSchema>): string[] {
  const roles = new Map<string, string[]>();
  const note = (name: string, role: string) => roles.set(name, [...(roles.get(name) ?? []), role]);
  for (const name of Object.keys(mapping.headlines)) note(name, 'headlines');
  for (const name of Object.keys(mapping.drivers)) note(name, 'drivers');
  for (const name of mapping.comments) note(name, 'comments');
  for (const name of mapping.ignore) note(name, 'ignore');
  return [...roles].filter(([, list]) => list.length > 1).map(([name, list]) => `${name} is in ${list.join(' and ')}`);
}

export const surveyMappingSchema = surveyMappingObjectSchema.superRefine((mapping, ctx) => {
  for (const message of roleOverlaps(mapping)) ctx.addIssue({ code: 'custom', path: [], message: `a question has one meaning: ${message}` });
});
export type SurveyMapping = z.output<typeof surveyMappingSchema>;
export type SurveyMappingInput = z.input<typeof surveyMappingSchema>;

/** A mapping as data (e.g. the `surveys` section of a mapping file); a bad one is INVALID_INPUT naming each problem. */
export function parseSurveyMapping(input: unknown): SurveyMapping {
  const parsed = surveyMappingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(mapping)'}: ${issue.message}`).join('; ');
  throw new CrmError('INVALID_INPUT', `The survey mapping is not valid — ${detail}`, { cause: parsed.error });
}

/**
 * Kizuna's survey template convention: headline questions named `nps`, `csat`, `ces` (CES 2.0,
 * 1–7) and `ces_1_5` (CES 1.0); one rating per driver item named by the item's id; `comment` for
 * the free text. An org whose surveys name their questions otherwise says so in its mapping.
 */
export const surveyDefaultMapping: SurveyMapping = parseSurveyMapping({
  headlines: {
    nps: { scale: 'nps_0_10', programme: 'relationship' },
    csat: { scale: 'csat_1_5', programme: 'interaction' },
    ces: { scale: 'ces2_1_7', programme: 'interaction' },
    ces_1_5: { scale: 'ces1_1_5', programme: 'interaction' },
  },
  drivers: Object.fromEntries(
    ['product_quality', 'support_responsiveness', 'account_management', 'value_for_money', 'onboarding_experience', 'documentation'].map((item) => [item, item]),
  ),
  comments: ['comment'],
});
