import type { z } from 'zod';
import { PROTOCOL, PROTOCOL_VERSION } from './protocol';
import type { OriginAllowlist } from './originAllowlist';

/** Why an incoming message was ignored. */
export type RejectionReason = 'foreign-origin' | 'foreign-source' | 'unsupported-version' | 'malformed';

export interface Rejection {
  readonly reason: RejectionReason;
  readonly origin: string;
  /** For `malformed`: the first problems found, as `path: message`. */
  readonly issues: readonly string[];
}

/** Rejected messages so far, by reason. */
export type RejectionCounts = Record<RejectionReason, number>;

export interface MessageGateOptions<TMessage> {
  readonly allowlist: OriginAllowlist;
  readonly schema: z.ZodType<TMessage>;
  /**
   * The window messages must come from (the iframe's `contentWindow`, the frame's `parent`). When
   * it answers `null` (no such window: a detached iframe, a page not in a frame) every message is
   * refused. Leave it out only where no window exists to compare (workers, tests in Node).
   */
  readonly source?: () => MessageEventSource | null;
  readonly onRejected?: (rejection: Rejection) => void;
}

export interface MessageGate<TMessage> {
  /** The message when it passes every check; otherwise `undefined`, counted and reported. Never throws. */
  admit(event: MessageEvent): TMessage | undefined;
  readonly rejections: Readonly<RejectionCounts>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The one door incoming messages pass: exact origin match, the expected window, then the
 * protocol version and the zod shape. Anything else is ignored, counted and handed to
 * `onRejected` (whose own failures are swallowed: a reporting hook must not break the bridge).
 */
export function createMessageGate<TMessage>(options: MessageGateOptions<TMessage>): MessageGate<TMessage> {
  const rejections: RejectionCounts = { 'foreign-origin': 0, 'foreign-source': 0, 'unsupported-version': 0, malformed: 0 };
  const reject = (reason: RejectionReason, origin: string, issues: readonly string[] = []): undefined => {
    rejections[reason] += 1;
    try {
      options.onRejected?.({ reason, origin, issues });
    } catch {
      // The host's reporting hook failed; the bridge carries on.
    }
    return undefined;
  };
  return {
    rejections,
    admit(event) {
      const origin = typeof event.origin === 'string' ? event.origin : '';
      if (!options.allowlist.allows(origin)) return reject('foreign-origin', origin);
      if (options.source !== undefined) {
        const expected = options.source();
        if (expected === null || event.source !== expected) return reject('foreign-source', origin);
      }
      const data: unknown = event.data;
      if (isRecord(data) && data.protocol === PROTOCOL && data.version !== PROTOCOL_VERSION) {
        const version = typeof data.version === 'number' || typeof data.version === 'string' ? String(data.version) : typeof data.version;
        return reject('unsupported-version', origin, [`version: ${version}`]);
      }
      const parsed = options.schema.safeParse(data);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map((key) => String(key)).join('.') || '(message)'}: ${issue.message}`);
        return reject('malformed', origin, issues);
      }
      return parsed.data;
    },
  };
}
