import { zohoHostChannel, zohoHostReplySchema, type ZohoHostContext, type ZohoHostReply, type ZohoSdkRequest } from '../zohoHostMessages';

/** The widget frame's line to the CRM window around it (the demo's Zoho shell). */
export interface HostChannel {
  /** The handshake: resolves with the page the widget sits on. */
  init(): Promise<ZohoHostContext>;
  /** Asks the CRM window to give the frame this size; resolves with whether it did. */
  resize(size: { readonly height: number; readonly width?: number | undefined }): Promise<boolean>;
  /** Asks the CRM window to open a record's page; resolves with whether it does. */
  openRecord(record: { readonly entity: string; readonly recordId: string }): Promise<boolean>;
}

/**
 * Asks the parent window over `postMessage` (same origin only, as Zoho's SDK talks to the CRM's
 * window) and matches each reply to its request by id. Replies that do not parse are ignored.
 */
export function createHostChannel(frame: Window = window, timeoutMs = 10_000): HostChannel {
  const parent = frame.parent;
  const origin = frame.location.origin;
  const pending = new Map<number, (result: ZohoHostReply['result']) => void>();
  let nextId = 0;
  frame.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== parent || event.origin !== origin) return;
    const reply = zohoHostReplySchema.safeParse(event.data);
    if (!reply.success) return;
    pending.get(reply.data.id)?.(reply.data.result);
    pending.delete(reply.data.id);
  });
  const request = (call: ZohoSdkRequest['call']): Promise<ZohoHostReply['result']> => {
    nextId += 1;
    const id = nextId;
    return new Promise((resolve, reject) => {
      if (parent === frame) {
        reject(new Error('The Zoho widget is not inside a CRM page.'));
        return;
      }
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`The CRM page did not answer "${call.kind}" within ${String(timeoutMs)} ms.`));
      }, timeoutMs);
      pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      const message: ZohoSdkRequest = { channel: zohoHostChannel, id, call };
      parent.postMessage(message, origin);
    });
  };
  const mismatch = (kind: string) => new Error(`The CRM page answered "${kind}" with another kind of reply.`);
  return {
    async init() {
      const result = await request({ kind: 'init' });
      if (result.kind !== 'init') throw mismatch('init');
      return result.context;
    },
    async resize(size) {
      const result = await request({ kind: 'resize', height: size.height, ...(size.width === undefined ? {} : { width: size.width }) });
      if (result.kind !== 'resize') throw mismatch('resize');
      return result.resized;
    },
    async openRecord({ entity, recordId }) {
      const result = await request({ kind: 'open-record', entity, recordId });
      if (result.kind !== 'open-record') throw mismatch('open-record');
      return result.opened;
    },
  };
}
