import type { CxDataSource } from '@kizuna/model';
import { withAcceptedActionListener } from '../actionNotifications';
import { defaultDataSourceRegistry, type DataSourceRegistry } from '../dataSourceRegistry';
import { mountDashboard } from '../mountDashboard';
import { createFrameBridge, type FrameBridge } from './frameBridge';
import type { Rejection } from './messageGate';

export interface FramedDashboardOptions {
  /** Where the dashboard renders inside the frame page. */
  readonly container: Element;
  /** The exact origins of the pages allowed to host this frame. */
  readonly hostOrigins: readonly string[];
  /** Where the host's `crm` is looked up (default: the one `registerDataSourceFactory` fills). */
  readonly registry?: DataSourceRegistry;
  readonly onRejected?: (rejection: Rejection) => void;
  readonly window?: Window;
}

export interface FramedDashboard {
  readonly bridge: FrameBridge;
  /** Resolves once the dashboard for the latest settings is on screen (or a notice says why not). */
  rendered(): Promise<void>;
  destroy(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The frame page's whole job: wait for the host's settings, make the data source for its CRM,
 * render the dashboard, keep the host told of its height, of accepted actions and of the accounts
 * a leader opens (the host navigates).
 */
export function startFramedDashboard(options: FramedDashboardOptions): FramedDashboard {
  const registry = options.registry ?? defaultDataSourceRegistry;
  const mount = mountDashboard(options.container);
  let dataSource: { readonly crm: string; readonly made: Promise<CxDataSource> } | undefined;
  let latest = Promise.resolve();
  let observer: ResizeObserver | undefined;

  const show = async (crm: string, settings: Parameters<typeof mount.showDashboard>[0]) => {
    if (dataSource?.crm !== crm) {
      const factory = registry.factoryFor(crm);
      if (factory === undefined) {
        const message = `No data source is registered for crm="${crm}" in this frame.`;
        mount.showNotice({ kind: 'no-data-source', title: 'Kizuna has no data source for this dashboard.', details: [message] });
        bridge.reportError({ code: 'no-data-source', message });
        return;
      }
      const made = Promise.resolve()
        .then(() => factory({ crm }))
        .then((source) => withAcceptedActionListener(source, (action) => bridge.notifyActionAccepted(action)));
      dataSource = { crm, made };
    }
    try {
      mount.showDashboard(settings, await dataSource.made, hostOpensAccounts ? { onOpenAccount: (accountId) => void bridge.openAccount(accountId) } : {});
    } catch (error) {
      dataSource = undefined;
      const message = `The data source for crm="${crm}" could not be created: ${messageOf(error)}`;
      mount.showNotice({ kind: 'data-source-failed', title: 'Kizuna could not connect to the CRM.', details: [message] });
      bridge.reportError({ code: 'data-source-failed', message });
    }
  };

  let currentCrm: string | undefined;
  /** Whether the host said it opens accounts (its `init`): the dashboard offers "Open" only then. */
  let hostOpensAccounts = false;
  const bridge = createFrameBridge({
    hostOrigins: options.hostOrigins,
    ...(options.window === undefined ? {} : { window: options.window }),
    ...(options.onRejected === undefined ? {} : { onRejected: options.onRejected }),
    onInit: ({ crm, settings, opensAccounts }) => {
      currentCrm = crm;
      hostOpensAccounts = opensAccounts;
      latest = latest.then(() => show(crm, settings));
    },
    onSettings: (settings) => {
      const crm = currentCrm;
      if (crm !== undefined) latest = latest.then(() => show(crm, settings));
    },
  });

  const measure = () => {
    const box = options.container.getBoundingClientRect();
    bridge.reportSize({ height: box.height, width: box.width });
  };
  // jsdom and very old browsers have no ResizeObserver: the frame then keeps its first size.
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(measure);
    observer.observe(options.container);
  }

  return {
    bridge,
    rendered: () => latest,
    destroy() {
      observer?.disconnect();
      bridge.destroy();
      mount.unmount();
    },
  };
}
