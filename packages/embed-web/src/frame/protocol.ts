import { dashboardSettingsSchema } from '@kizuna/widgets';
import { z } from 'zod';

/**
 * The postMessage protocol between a host page and a Kizuna dashboard in an iframe.
 *
 * Every message is a plain object `{ protocol: 'kizuna', version: 1, type, … }`. The version says
 * which shapes follow; a side that receives a version it does not speak ignores the message (and
 * reports it as `unsupported-version`), so host and frame can be upgraded one after the other.
 *
 * Host → frame: `init` (the first settings, answering the frame's `ready`), `settings` (a change).
 * Frame → host: `ready` (loaded, waiting for `init`), `resize` (the content's size in CSS pixels),
 * `action-accepted` (an accepted next best action was written back as a CRM task), `open-account`
 * (the user asked to open an account's record, from a leader's drill-down), `error` (the frame
 * could not show the dashboard).
 */
export const PROTOCOL = 'kizuna';
export const PROTOCOL_VERSION = 1;

/** Which CRM's data source the frame should use (a name it registered, e.g. `salesforce`). */
export const crmNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case name such as "salesforce"');

/**
 * An account's CRM record id as an embed hands it on (an event's detail, an `open-account`
 * message, a URL): letters, digits, `_` and `-`, at most 64 — Salesforce's 15/18-character ids,
 * Zoho's digits, UUIDs. Nothing else leaves the embed as an id to navigate to.
 */
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a CRM record id (letters, digits, "_" or "-", at most 64)');

const envelope = {
  protocol: z.literal(PROTOCOL),
  version: z.literal(PROTOCOL_VERSION),
};

/** Largest size a frame may ask for, in CSS pixels: bigger values are refused, not clamped. */
export const MAX_FRAME_PIXELS = 20_000;
const pixels = z.number().finite().int().min(0).max(MAX_FRAME_PIXELS);

export const initMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('init'),
  crm: crmNameSchema,
  settings: dashboardSettingsSchema,
  /** The host opens accounts the user asks for (`open-account`): the frame offers "Open" only then. */
  opensAccounts: z.boolean().optional(),
});

export const settingsMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('settings'),
  settings: dashboardSettingsSchema,
});

export const readyMessageSchema = z.strictObject({ ...envelope, type: z.literal('ready') });

export const resizeMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('resize'),
  height: pixels,
  width: pixels.optional(),
});

export const actionAcceptedMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('action-accepted'),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/),
  accountId: z.string().min(1).max(64),
  crmTaskId: z.string().min(1).max(64),
  /** False when the task already existed (the same action accepted again updated it). */
  created: z.boolean(),
});

export const openAccountMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('open-account'),
  accountId: accountIdSchema,
});

export const errorMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('error'),
  code: z.enum(['invalid-settings', 'no-data-source', 'data-source-failed']),
  message: z.string().max(2000),
});

/** What a frame accepts from its host. */
export const hostToFrameMessageSchema = z.discriminatedUnion('type', [initMessageSchema, settingsMessageSchema]);
/** What a host accepts from its frame. */
export const frameToHostMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  resizeMessageSchema,
  actionAcceptedMessageSchema,
  openAccountMessageSchema,
  errorMessageSchema,
]);

export type InitMessage = z.infer<typeof initMessageSchema>;
export type SettingsMessage = z.infer<typeof settingsMessageSchema>;
export type ReadyMessage = z.infer<typeof readyMessageSchema>;
export type ResizeMessage = z.infer<typeof resizeMessageSchema>;
export type ActionAcceptedMessage = z.infer<typeof actionAcceptedMessageSchema>;
export type OpenAccountMessage = z.infer<typeof openAccountMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type HostToFrameMessage = z.infer<typeof hostToFrameMessageSchema>;
export type FrameToHostMessage = z.infer<typeof frameToHostMessageSchema>;

/** A message body without its envelope, as the sending helpers take it. */
export type MessageBody<TMessage> = TMessage extends unknown ? Omit<TMessage, 'protocol' | 'version'> : never;

/** A message body in the protocol's envelope. */
export function envelop<TBody extends { readonly type: string }>(
  body: TBody,
): TBody & { readonly protocol: typeof PROTOCOL; readonly version: typeof PROTOCOL_VERSION } {
  return { ...body, protocol: PROTOCOL, version: PROTOCOL_VERSION };
}
