import type { Locale } from '@kizuna/widgets';
import { widgetMessage, type WidgetMessageKey } from './widgetMessages';

export interface WidgetNoticeProps {
  readonly locale: Locale;
  readonly message: WidgetMessageKey;
  /** A technical detail (an error message), shown under the message. */
  readonly detail?: string;
}

/** What the widget shows when it has no dashboard to show: in words, in the user's language. */
export function WidgetNotice({ locale, message, detail }: WidgetNoticeProps) {
  const busy = message === 'loading';
  return (
    <div className="kz-widget kz-zoho-notice" lang={locale} role={busy ? 'status' : 'alert'} data-notice={message}>
      <p className="kz-state__title">{widgetMessage(locale, message)}</p>
      {detail !== undefined && (
        <p className="kz-zoho-notice__detail">
          {widgetMessage(locale, 'details')}: {detail}
        </p>
      )}
    </div>
  );
}
