import type { CxDataSource } from '@kizuna/model';
import { Dashboard, type DashboardSettings } from '@kizuna/widgets';
import { createRoot, type Root } from 'react-dom/client';
import { EmbedNotice, type EmbedNoticeProps } from './EmbedNotice';

/** What the page around the dashboard gives it besides settings and data. */
export interface DashboardHost {
  /** The user's time zone for dates (UTC when absent). */
  readonly timeZone?: string;
  /** Opens an account (a leader's drill-down offers "Open …" for each account when present). */
  readonly onOpenAccount?: (accountId: string) => void;
}

export interface DashboardMount {
  /** Shows the dashboard for these settings and data source (re-rendering in place). */
  showDashboard(settings: DashboardSettings, dataSource: CxDataSource, host?: DashboardHost): void;
  /** Shows a notice instead (invalid settings, no data source yet, loading). */
  showNotice(notice: EmbedNoticeProps): void;
  unmount(): void;
}

/** One React root in a container (a shadow root's div, a frame's body): what every web host mounts. */
export function mountDashboard(container: Element | DocumentFragment): DashboardMount {
  let root: Root | undefined = createRoot(container);
  return {
    showDashboard(settings, dataSource, host = {}) {
      const timeZone = host.timeZone === undefined ? {} : { timeZone: host.timeZone };
      const leader = host.onOpenAccount === undefined ? {} : { leader: { onOpenAccount: host.onOpenAccount } };
      root?.render(<Dashboard {...settings} {...timeZone} {...leader} dataSource={dataSource} />);
    },
    showNotice(notice) {
      root?.render(<EmbedNotice {...notice} />);
    },
    unmount() {
      root?.unmount();
      root = undefined;
    },
  };
}
