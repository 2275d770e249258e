import { dashboardSettingsSchema, type DashboardSettings } from '@kizuna/widgets';
import { createMessageGate, type Rejection, type RejectionCounts } from './messageGate';
import { createOriginAllowlist, EmbedConfigError } from './originAllowlist';
import {
  crmNameSchema,
  envelop,
  frameToHostMessageSchema,
  type ActionAcceptedMessage,
  type ErrorMessage,
  type HostToFrameMessage,
  type ResizeMessage,
} from './protocol';

export interface FrameHostOptions {
  /** The iframe showing Kizuna's frame page. */
  readonly iframe: HTMLIFrameElement;
  /** The frame page's exact origin (`https://kizuna.example.com`): messages go only there and come only from there. */
  readonly frameOrigin: string;
  /** Which data source the frame should use (a name the frame page registered). */
  readonly crm: string;
  readonly settings: DashboardSettings;
  /** The frame asked for a new size; by default the iframe's height follows it. */
  readonly onResize?: (size: Pick<ResizeMessage, 'height' | 'width'>) => void;
  readonly onActionAccepted?: (action: Omit<ActionAcceptedMessage, 'protocol' | 'version' | 'type'>) => void;
  /** The user opened an account in the frame (a leader's drill-down): navigate to its record. The id is a checked CRM record id. */
  readonly onOpenAccount?: (accountId: string) => void;
  readonly onFrameError?: (error: Pick<ErrorMessage, 'code' | 'message'>) => void;
  /** A message was ignored (foreign origin or window, unknown version, wrong shape). */
  readonly onRejected?: (rejection: Rejection) => void;
}

export interface FrameHost {
  /** Sends new settings (role, account, locale, theme …) to the frame. */
  updateSettings(settings: DashboardSettings): void;
  /** True once the frame has said it is ready and received its settings. */
  readonly initialised: boolean;
  readonly rejections: Readonly<RejectionCounts>;
  /** Stops listening; the iframe itself stays where the page put it. */
  destroy(): void;
}

function checkedSettings(settings: DashboardSettings): DashboardSettings {
  const parsed = dashboardSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new EmbedConfigError(`The dashboard settings are not valid: ${issues.join('; ')}.`);
  }
  return parsed.data;
}

/**
 * The host page's side of an iframe embed: waits for the frame's `ready`, answers with `init`,
 * forwards settings changes, follows the frame's size, reports accepted actions and hands the
 * accounts the user opens to `onOpenAccount`. Messages
 * are posted to `frameOrigin` only (never `*`) and accepted only from it and from the iframe's
 * own window; everything else is ignored and counted.
 */
export function createFrameHost(options: FrameHostOptions): FrameHost {
  const allowlist = createOriginAllowlist([options.frameOrigin]);
  const crm = crmNameSchema.safeParse(options.crm);
  if (!crm.success) throw new EmbedConfigError(`The CRM name ${JSON.stringify(options.crm)} ${crm.error.issues[0]?.message ?? 'is not valid'}.`);
  let settings = checkedSettings(options.settings);
  let initialised = false;
  const view = options.iframe.ownerDocument.defaultView;
  if (view === null) throw new EmbedConfigError('The iframe is not in a document with a window.');

  const gate = createMessageGate({
    allowlist,
    schema: frameToHostMessageSchema,
    source: () => options.iframe.contentWindow,
    ...(options.onRejected === undefined ? {} : { onRejected: options.onRejected }),
  });
  const post = (message: HostToFrameMessage) => options.iframe.contentWindow?.postMessage(message, options.frameOrigin);
  const resize =
    options.onResize ??
    ((size: Pick<ResizeMessage, 'height' | 'width'>) => {
      options.iframe.style.height = `${size.height}px`;
    });

  const listener = (event: MessageEvent) => {
    const message = gate.admit(event);
    if (message === undefined) return;
    switch (message.type) {
      case 'ready':
        post(envelop({ type: 'init', crm: crm.data, settings, opensAccounts: options.onOpenAccount !== undefined }));
        initialised = true;
        return;
      case 'resize':
        resize(message.width === undefined ? { height: message.height } : { height: message.height, width: message.width });
        return;
      case 'action-accepted':
        options.onActionAccepted?.({
          idempotencyKey: message.idempotencyKey,
          accountId: message.accountId,
          crmTaskId: message.crmTaskId,
          created: message.created,
        });
        return;
      case 'open-account':
        options.onOpenAccount?.(message.accountId);
        return;
      case 'error':
        options.onFrameError?.({ code: message.code, message: message.message });
        return;
    }
  };
  view.addEventListener('message', listener);

  return {
    updateSettings(next) {
      settings = checkedSettings(next);
      if (initialised) post(envelop({ type: 'settings', settings }));
    },
    get initialised() {
      return initialised;
    },
    rejections: gate.rejections,
    destroy() {
      view.removeEventListener('message', listener);
    },
  };
}
