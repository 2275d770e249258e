/**
 * A host page and an iframe at two origins, as a browser links them, for tests in jsdom (whose
 * `postMessage` sets neither `origin` nor `source`). A message posted to the other window is
 * structured-cloned and delivered asynchronously with the sender's origin and window — and only
 * when `targetOrigin` is the receiver's origin, exactly as browsers do.
 */
export interface LinkedWindows {
  readonly host: Window;
  readonly frame: Window;
  readonly iframe: HTMLIFrameElement;
  readonly hostOrigin: string;
  readonly frameOrigin: string;
  /** Every message posted, delivered or not: `[from, targetOrigin, data]`. */
  readonly posted: Array<readonly ['host' | 'frame', string, unknown]>;
  /** Delivers a message to a side as if a window at `origin` had sent it. */
  deliver(to: 'host' | 'frame', data: unknown, origin: string, source?: MessageEventSource | null): void;
  /** Waits until every message posted so far has been delivered (and handled). */
  settle(): Promise<void>;
  unlink(): void;
}

export function linkWindows(document: Document, hostOrigin: string, frameOrigin: string): LinkedWindows {
  const host = document.defaultView;
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const frame = iframe.contentWindow;
  if (host === null || frame === null) throw new Error('jsdom gave the iframe no window');
  // Under Vitest, the frame's `parent` and the document's `defaultView` are two proxies of one jsdom
  // window: listeners are shared, but `postMessage` has to be linked on both.
  const hostViews = [...new Set([host, frame.parent])];
  const posted: Array<readonly ['host' | 'frame', string, unknown]> = [];
  let inFlight: Array<Promise<void>> = [];

  const deliver = (to: 'host' | 'frame', data: unknown, origin: string, source?: MessageEventSource | null) => {
    const target = to === 'host' ? host : frame;
    const from = source === undefined ? (to === 'host' ? frame : frame.parent) : source;
    target.dispatchEvent(new MessageEvent('message', { data, origin, source: from }));
  };
  const send = (from: 'host' | 'frame', data: unknown, targetOrigin: string) => {
    posted.push([from, targetOrigin, data]);
    const receiverOrigin = from === 'host' ? frameOrigin : hostOrigin;
    if (targetOrigin !== receiverOrigin && targetOrigin !== '*') return;
    const copy: unknown = structuredClone(data);
    inFlight.push(
      new Promise<void>((resolve) => {
        setTimeout(() => {
          deliver(from === 'host' ? 'frame' : 'host', copy, from === 'host' ? hostOrigin : frameOrigin);
          resolve();
        }, 0);
      }),
    );
  };
  const originalFramePost = frame.postMessage.bind(frame);
  const originalHostPosts = hostViews.map((view) => [view, view.postMessage.bind(view)] as const);
  // What the host posts arrives in the frame, and the other way round.
  frame.postMessage = ((data: unknown, targetOrigin: string) => send('host', data, targetOrigin)) as Window['postMessage'];
  for (const view of hostViews) {
    view.postMessage = ((data: unknown, targetOrigin: string) => send('frame', data, targetOrigin)) as Window['postMessage'];
  }

  return {
    host,
    frame,
    iframe,
    hostOrigin,
    frameOrigin,
    posted,
    deliver,
    async settle() {
      while (inFlight.length > 0) {
        const waiting = inFlight;
        inFlight = [];
        await Promise.all(waiting);
      }
    },
    unlink() {
      frame.postMessage = originalFramePost;
      for (const [view, post] of originalHostPosts) view.postMessage = post;
      iframe.remove();
    },
  };
}
