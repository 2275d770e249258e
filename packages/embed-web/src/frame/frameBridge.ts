import type { DashboardSettings } from '@kizuna/widgets';
import { createMessageGate, type Rejection, type RejectionCounts } from './messageGate';
import { createOriginAllowlist, type OriginAllowlist } from './originAllowlist';
import {
  accountIdSchema,
  envelop,
  hostToFrameMessageSchema,
  MAX_FRAME_PIXELS,
  type ActionAcceptedMessage,
  type ErrorMessage,
  type FrameToHostMessage,
  type InitMessage,
} from './protocol';

export interface FrameBridgeOptions {
  /** The exact origins of the pages allowed to host this frame. */
  readonly hostOrigins: readonly string[];
  /** The host sent its first settings (again, if the host re-initialises). */
  readonly onInit: (init: { readonly crm: string; readonly settings: DashboardSettings; readonly hostOrigin: string; readonly opensAccounts: boolean }) => void;
  /** The host changed the settings. */
  readonly onSettings: (settings: DashboardSettings) => void;
  readonly onRejected?: (rejection: Rejection) => void;
  /** The frame's window (default: the global one). */
  readonly window?: Window;
}

export interface FrameBridge {
  /** The origin of the host that initialised this frame; messages go only there from then on. */
  readonly hostOrigin: string | undefined;
  readonly rejections: Readonly<RejectionCounts>;
  reportSize(size: { readonly height: number; readonly width?: number }): void;
  notifyActionAccepted(action: Omit<ActionAcceptedMessage, 'protocol' | 'version' | 'type'>): void;
  /**
   * Asks the host to open an account (`open-account`). Only a CRM record id is sent: anything
   * else, or a frame no host has initialised yet, sends nothing and answers `false`.
   */
  openAccount(accountId: string): boolean;
  reportError(error: Pick<ErrorMessage, 'code' | 'message'>): void;
  destroy(): void;
}

/** Rounds a measured size into the protocol's whole, bounded pixels. */
function pixels(value: number): number {
  return Math.min(MAX_FRAME_PIXELS, Math.max(0, Math.ceil(Number.isFinite(value) ? value : 0)));
}

/**
 * The frame's side of an iframe embed. On creation it tells the parent window it is `ready`
 * (posted to each allowlisted origin, so only an allowed host can receive it); the first valid
 * `init` binds the frame to that host's origin, and from then on messages are sent to it alone
 * and accepted from it alone. Foreign origins, other windows and malformed messages are ignored
 * and counted.
 */
export function createFrameBridge(options: FrameBridgeOptions): FrameBridge {
  const view = options.window ?? window;
  const configured = createOriginAllowlist(options.hostOrigins);
  let hostOrigin: string | undefined;
  const allowlist: OriginAllowlist = {
    origins: configured.origins,
    allows: (origin) => (hostOrigin === undefined ? configured.allows(origin) : origin === hostOrigin),
  };
  const parent = view.parent === view ? null : view.parent;
  const gate = createMessageGate({
    allowlist,
    schema: hostToFrameMessageSchema,
    source: () => parent,
    ...(options.onRejected === undefined ? {} : { onRejected: options.onRejected }),
  });

  const post = (message: FrameToHostMessage) => {
    if (parent === null || hostOrigin === undefined) return;
    parent.postMessage(message, hostOrigin);
  };

  const init = (message: InitMessage, origin: string) => {
    hostOrigin = origin;
    options.onInit({ crm: message.crm, settings: message.settings, hostOrigin: origin, opensAccounts: message.opensAccounts === true });
  };

  const listener = (event: MessageEvent) => {
    const message = gate.admit(event);
    if (message === undefined) return;
    if (message.type === 'init') init(message, event.origin);
    else if (hostOrigin !== undefined) options.onSettings(message.settings);
  };
  view.addEventListener('message', listener);
  // The browser delivers a message only when targetOrigin matches the parent's origin, so
  // announcing readiness to every allowed origin reaches the real host and nobody else.
  for (const origin of configured.origins) parent?.postMessage(envelop({ type: 'ready' }), origin);

  return {
    get hostOrigin() {
      return hostOrigin;
    },
    rejections: gate.rejections,
    reportSize(size) {
      post(envelop({ type: 'resize', height: pixels(size.height), ...(size.width === undefined ? {} : { width: pixels(size.width) }) }));
    },
    notifyActionAccepted(action) {
      post(envelop({ type: 'action-accepted', ...action }));
    },
    openAccount(accountId) {
      const id = accountIdSchema.safeParse(accountId);
      if (!id.success || parent === null || hostOrigin === undefined) return false;
      post(envelop({ type: 'open-account', accountId: id.data }));
      return true;
    },
    reportError(error) {
      post(envelop({ type: 'error', code: error.code, message: error.message.slice(0, 2000) }));
    },
    destroy() {
      view.removeEventListener('message', listener);
    },
  };
}
