import type { CxDataSource } from '@kizuna/model';
import { Dashboard, type DashboardSettings, type LeaderHostProps } from '@kizuna/widgets';
import { useMemo, useState } from 'react';
import { WidgetNotice } from './WidgetNotice';

export interface ZohoDashboardProps {
  readonly settings: DashboardSettings;
  readonly dataSource: CxDataSource;
  /** The CRM user's time zone, for dates. */
  readonly timeZone?: string | undefined;
  /** Opens an account's record page in the CRM; rejects with the reason it could not. */
  readonly openAccount: (accountId: string) => Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The dashboard as the widget shows it: the leaders' drill-down opens an account's record page
 * through the CRM (`openAccount`), and when that fails an alert above the dashboard says why, in
 * the user's language, until the next attempt.
 */
export function ZohoDashboard({ settings, dataSource, timeZone, openAccount }: ZohoDashboardProps) {
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const leader = useMemo<LeaderHostProps>(
    () => ({
      onOpenAccount: (accountId) => {
        setFailure(undefined);
        openAccount(accountId).catch((error: unknown) => setFailure(messageOf(error)));
      },
    }),
    [openAccount],
  );
  return (
    <>
      {failure !== undefined && <WidgetNotice locale={settings.locale} message="openFailed" detail={failure} />}
      <Dashboard {...settings} {...(timeZone === undefined ? {} : { timeZone })} dataSource={dataSource} leader={leader} />
    </>
  );
}
