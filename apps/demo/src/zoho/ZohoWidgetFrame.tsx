import { useEffect, useRef, useState } from 'react';
import { zohoHostChannel, zohoSdkRequestSchema, type ZohoHostContext, type ZohoHostReply } from './zohoHostMessages';
import { zohoWidgetPaths } from './zohoWidgetPaths';
import './zohoWidget.css';

/** Zoho CRM gives a widget at least this height until it asks for another. */
const initialHeight = 120;

export interface ZohoWidgetFrameProps {
  /** The page the widget sits on, handed to it during the SDK handshake (PageLoad); keep it stable (useMemo). */
  readonly context: ZohoHostContext;
  /** The widget URL's query (`?role=cx-leader` on a web tab), as configured in Developer Hub. */
  readonly search: string;
  readonly title: string;
  /** The widget asked to open a record (`ZOHO.CRM.UI.Record.open`): go there, and say whether the CRM has that page. Keep it stable (useCallback). */
  readonly onOpenRecord: (record: { readonly entity: string; readonly recordId: string }) => boolean;
}

/**
 * The widget as Zoho CRM hosts it: `widget.html` (the built zet project's page) in an iframe, and
 * the CRM window's half of the SDK's conversation — it answers the handshake with the page's
 * context, resizes the frame when the widget asks (`ZOHO.CRM.UI.Resize`) and opens the record
 * pages it asks for (`ZOHO.CRM.UI.Record.open`).
 */
export function ZohoWidgetFrame({ context, search, title, onOpenRecord }: ZohoWidgetFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(initialHeight);
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const source = frame.current?.contentWindow;
      if (source === null || source === undefined || event.source !== source || event.origin !== window.location.origin) return;
      const request = zohoSdkRequestSchema.safeParse(event.data);
      if (!request.success) return;
      const { id, call } = request.data;
      let result: ZohoHostReply['result'];
      if (call.kind === 'init') {
        result = { kind: 'init', context };
      } else if (call.kind === 'resize') {
        setHeight(Math.max(initialHeight, Math.ceil(call.height)));
        result = { kind: 'resize', resized: true };
      } else {
        result = { kind: 'open-record', opened: onOpenRecord({ entity: call.entity, recordId: call.recordId }) };
      }
      const reply: ZohoHostReply = { channel: zohoHostChannel, id, result };
      source.postMessage(reply, window.location.origin);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [context, onOpenRecord]);
  return (
    <iframe
      ref={frame}
      className="demo-zoho-widget__frame"
      data-testid="zoho-widget-frame"
      data-height={height}
      title={title}
      src={`${zohoWidgetPaths.appPath}${zohoWidgetPaths.page}${search}`}
      style={{ height: `${String(height)}px` }}
    />
  );
}
