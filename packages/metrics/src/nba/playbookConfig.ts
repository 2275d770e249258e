import { contactRoles, followUpStates } from '@kizuna/model';
import { z } from 'zod/mini';
import { ConfigError, parseWithSchema, type ConfigParseResult } from '../health/configIssues';

/** The built-in playbooks, by stable id (the id is part of every idempotency key: never rename one). */
export const playbookIds = [
  'dm_detractor_no_follow_up',
  'renewal_health_falling',
  'onboarding_stalled',
  'exec_not_engaged_before_qbr',
  'support_backlog',
  'champion_quiet',
] as const;
export type PlaybookId = (typeof playbookIds)[number];

const effect = (value: number) => z._default(z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(1, 'must be at most 1')), value);
const days = (value: number) => z._default(z.number().check(z.positive('must be positive')), value);
const enabled = z._default(z.boolean(), true);
const execRoles = z._default(z.array(z.enum(contactRoles)).check(z.minLength(1, 'needs at least one role')), ['decision_maker', 'executive_sponsor']);

const playbooksSchema = z.strictObject({
  /** A detractor among decision makers / executive sponsors whose feedback had no follow-up within `followUpHours`. */
  dm_detractor_no_follow_up: z.prefault(
    z.strictObject({
      enabled,
      expectedEffect: effect(0.35),
      roles: execRoles,
      followUpHours: days(48),
      /** Follow-up states that mean "nobody has closed the loop yet". */
      pendingStates: z._default(z.array(z.enum(followUpStates)).check(z.minLength(1)), ['open', 'acknowledged', 'in_progress', 'escalated']),
      /** Older responses are history, not a call to act. */
      lookbackDays: days(180),
      /** NPS scores up to this are detractors. */
      detractorMax: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(10)), 6),
    }),
    {},
  ),
  /** The renewal is within `withinDays` and health fell by at least `minimumDrop` points over the trend period. */
  renewal_health_falling: z.prefault(
    z.strictObject({ enabled, expectedEffect: effect(0.25), withinDays: days(90), minimumDrop: z._default(z.number().check(z.positive()), 5) }),
    {},
  ),
  /** Onboarding started and not completed after `expectedDays`. */
  onboarding_stalled: z.prefault(z.strictObject({ enabled, expectedEffect: effect(0.2), expectedDays: days(60) }), {}),
  /**
   * No touchpoint with a decision maker / executive sponsor for more than `quietDays`, and a QBR
   * is coming (within `qbrLookaheadDays`) or due (none for `qbrCadenceDays`).
   */
  exec_not_engaged_before_qbr: z.prefault(
    z.strictObject({
      enabled,
      expectedEffect: effect(0.2),
      roles: execRoles,
      quietDays: days(90),
      qbrLookaheadDays: days(30),
      qbrCadenceDays: days(90),
    }),
    {},
  ),
  /** More than `maxOpenCases` open cases, or (when `escalations`) any escalated case open. */
  support_backlog: z.prefault(
    z.strictObject({
      enabled,
      expectedEffect: effect(0.15),
      maxOpenCases: z._default(z.number().check(z.int(), z.nonnegative()), 3),
      escalations: z._default(z.boolean(), true),
    }),
    {},
  ),
  /** A champion with no touchpoint and no feedback for more than `quietDays`. */
  champion_quiet: z.prefault(z.strictObject({ enabled, expectedEffect: effect(0.2), quietDays: days(90) }), {}),
});

export const playbookConfigSchema = z.strictObject({
  /** A dismissed action is not proposed again for this many days (same idempotency key). */
  dismissalWindowDays: days(30),
  playbooks: z.prefault(playbooksSchema, {}),
});

export type PlaybookConfigInput = z.input<typeof playbookConfigSchema>;
export type PlaybookConfig = z.output<typeof playbookConfigSchema>;
export type PlaybookSettings<TId extends PlaybookId> = PlaybookConfig['playbooks'][TId];

/** Validates a playbook configuration (any setting may be left out: defaults fill it in); never throws. */
export function parsePlaybookConfig(input: unknown): ConfigParseResult<PlaybookConfig> {
  return parseWithSchema(playbookConfigSchema, input);
}

/** Validates a playbook configuration, or throws a {@link ConfigError} naming every bad setting. */
export function assertPlaybookConfig(input: unknown): PlaybookConfig {
  const result = parsePlaybookConfig(input);
  if (!result.ok) throw new ConfigError('playbook config', result.issues);
  return result.config;
}

/** Every playbook on, with its default thresholds and expected effects. */
export const defaultPlaybookConfig: PlaybookConfig = assertPlaybookConfig({});
