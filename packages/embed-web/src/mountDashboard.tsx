import type { CxDataSource } from '@kizuna/model';
import { Dashboard, type DashboardSettings } from '@kizuna/widgets';
import { createRoot, type Root } from 'react-dom/client';
import { EmbedNotice, type EmbedNoticeProps } from './EmbedNotice';

export interface DashboardMount {
  /** Shows the dashboard for these settings and data source (re-rendering in place). */
  showDashboard(settings: DashboardSettings, dataSource: CxDataSource, user?: { readonly timeZone?: string }): void;
  /** Shows a notice instead (invalid settings, no data source yet, loading). */
  showNotice(notice: EmbedNoticeProps): void;
  unmount(): void;
}

/** One React root in a container (a shadow root's div, a frame's body): what every web host mounts. */
export function mountDashboard(container: Element | DocumentFragment): DashboardMount {
  let root: Root | undefined = createRoot(container);
  return {
    showDashboard(settings, dataSource, user = {}) {
      const timeZone = user.timeZone === undefined ? {} : { timeZone: user.timeZone };
      root?.render(<Dashboard {...settings} {...timeZone} dataSource={dataSource} />);
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
