import type { ReactNode } from 'react';

/** Chrome that looks enough like Lightning Experience for the dashboards to be seen in place. */
export function SalesforceShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="demo-shell demo-shell--salesforce">
      <header className="demo-shell__bar">
        <a className="demo-shell__brand" href="/">
          Kizuna demo · Salesforce (simulated)
        </a>
      </header>
      <main className="demo-shell__page">
        <div className="demo-record-header">
          {subtitle !== undefined && <p className="demo-record-header__type">{subtitle}</p>}
          <h1 className="demo-record-header__title">{title}</h1>
        </div>
        <div className="demo-record-body">{children}</div>
      </main>
    </div>
  );
}
