import type { ReactNode } from 'react';
import { useDemoPage } from '../demoContext';
import { homePath, type DemoHost } from '../routes';
import { demoText, hostKey } from './demoText';
import { Switchers } from './Switchers';

export interface CrmShellProps {
  /** Whose chrome: Lightning-like, Zoho CRM-like, or a plain web page; none on the account list. */
  readonly host: DemoHost | undefined;
  /** The record type above the title ("Account"), on record pages. */
  readonly recordType?: string;
  readonly title: string;
  /** Fields shown in the record header (Lightning's highlights panel). */
  readonly highlights?: readonly { readonly label: string; readonly value: string }[];
  readonly children: ReactNode;
}

/**
 * Chrome that looks enough like the host CRM (Lightning Experience, Zoho CRM) or a plain web page
 * for the dashboards to be seen in place, with the demo's switchers (role, language, theme).
 */
export function CrmShell({ host, recordType, title, highlights = [], children }: CrmShellProps) {
  const { locale, routeState, source } = useDemoPage();
  const options = { locale: routeState.locale, scheme: routeState.scheme };
  const hostName = host === undefined ? undefined : demoText(locale, hostKey(host));
  return (
    <div className={`demo-shell demo-shell--${host ?? 'list'}`} data-host={host ?? 'list'}>
      <header className="demo-shell__bar">
        <a className="demo-shell__brand" href={`/${routeState.locale === undefined ? '' : `?lang=${routeState.locale}`}`}>
          {demoText(locale, 'demo')}
        </a>
        {hostName !== undefined && (
          <span className="demo-shell__host">
            {hostName} ({demoText(locale, 'simulated')})
          </span>
        )}
        <span className="demo-shell__source" title={demoText(locale, 'data')}>
          {source}
        </span>
      </header>
      {host !== undefined && (
        <nav className="demo-shell__tabs" aria-label={hostName}>
          <a href={homePath(host, options)} aria-current={routeState.route.page === 'home' ? 'page' : undefined}>
            {demoText(locale, 'home')}
          </a>
          <a href={`/${routeState.locale === undefined ? '' : `?lang=${routeState.locale}`}`}>{demoText(locale, 'accounts')}</a>
        </nav>
      )}
      <Switchers />
      <main className="demo-shell__page">
        <div className="demo-record-header">
          {recordType !== undefined && <p className="demo-record-header__type">{recordType}</p>}
          <h1 className="demo-record-header__title">{title}</h1>
          {highlights.length > 0 && (
            <dl className="demo-record-header__highlights">
              {highlights.map((field) => (
                <div key={field.label}>
                  <dt>{field.label}</dt>
                  <dd>{field.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        <div className="demo-record-body">{children}</div>
      </main>
    </div>
  );
}
