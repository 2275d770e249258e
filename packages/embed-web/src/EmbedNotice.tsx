export interface EmbedNoticeProps {
  readonly kind: 'invalid-settings' | 'no-data-source' | 'data-source-failed' | 'loading';
  readonly title: string;
  readonly details?: readonly string[];
}

/**
 * What an embed shows instead of a dashboard it cannot show yet: in words, never a blank box.
 * These messages speak to whoever set the page up (a wrong attribute, a data source not
 * registered), so they name the attribute or CRM involved.
 */
export function EmbedNotice({ kind, title, details = [] }: EmbedNoticeProps) {
  const busy = kind === 'loading';
  return (
    <div className={`kz-widget kz-embed-notice kz-embed-notice--${kind}`} role={busy ? 'status' : 'alert'} data-kind={kind}>
      <p className="kz-state__title">{title}</p>
      {details.length > 0 && (
        <ul className="kz-embed-notice__details">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
