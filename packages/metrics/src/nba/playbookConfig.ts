import { contactRoles, followUpStates } from '@kizuna/model';
import { z } from 'zod';
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

const effect = (value: number) => z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').default(value);
const days = (value: number) => z.number().positive('must be positive').default(value);
const enabled = z.boolean().default(true);
const execRoles = z.array(z.enum(contactRoles)).min(1, 'needs at least one role').default(['decision_maker', 'executive_sponsor']);

const playbooksSchema = z.strictObject({
  /** A detractor among decision makers / executive sponsors whose feedback had no follow-up within `followUpHours`. */
  dm_detractor_no_follow_up: z
    .strictObject({
      enabled,
      expectedEffect: effect(0.35),
      roles: execRoles,
      followUpHours: days(48),
      /** Follow-up states that mean "nobody has closed the loop yet". */
      pendingStates: z.array(z.enum(followUpStates)).min(1).default(['open', 'acknowledged', 'in_progress', 'escalated']),
      /** Older responses are history, not a call to act. */
      lookbackDays: days(180),
      /** NPS scores up to this are detractors. */
      detractorMax: z.number().int().min(0).max(10).default(6),
    })
    .prefault({}),
  /** The renewal is within `withinDays` and health fell by at least `minimumDrop` points over the trend period. */
  renewal_health_falling: z
    .strictObject({ enabled, expectedEffect: effect(0.25), withinDays: days(90), minimumDrop: z.number().positive().default(5) })
    .prefault({}),
  /** Onboarding started and not completed after `expectedDays`. */
  onboarding_stalled: z.strictObject({ enabled, expectedEffect: effect(0.2), expectedDays: days(60) }).prefault({}),
  /**
   * No touchpoint with a decision maker / executive sponsor for more than `quietDays`, and a QBR
   * is coming (within `qbrLookaheadDays`) or due (none for `qbrCadenceDays`).
   */
  exec_not_engaged_before_qbr: z
    .strictObject({
      enabled,
      expectedEffect: effect(0.2),
      roles: execRoles,
      quietDays: days(90),
      qbrLookaheadDays: days(30),
      qbrCadenceDays: days(90),
    })
    .prefault({}),
  /** More than `maxOpenCases` open cases, or (when `escalations`) any escalated case open. */
  support_backlog: z
    .strictObject({ enabled, expectedEffect: effect(0.15), maxOpenCases: z.number().int().nonnegative().default(3), escalations: z.boolean().default(true) })
    .prefault({}),
  /** A champion with no touchpoint and no feedback for more than `quietDays`. */
  champion_quiet: z.strictObject({ enabled, expectedEffect: effect(0.2), quietDays: days(90) }).prefault({}),
});

export const playbookConfigSchema = z.strictObject({
  /** A dismissed action is not proposed again for this many days (same idempotency key). */
  dismissalWindowDays: days(30),
  playbooks: playbooksSchema.prefault({}),
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
