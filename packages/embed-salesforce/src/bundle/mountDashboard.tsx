import { createLwcBridgeDataSource, type LwcBridgeDataSource } from '@kizuna/crm-salesforce';
import { Dashboard } from '@kizuna/widgets';
import { createRoot, type Root } from 'react-dom/client';
import { dashboardPropsOf, type HostDashboardProps } from './dashboardPropsOf';
import { KizunaEmbedError } from './embedError';
import { lwcGatewayOf } from './lwcGateway';
import { lwcAccountOpenerOf } from './lwcNavigation';

/** What `KizunaEmbed.mount` returns to the component: re-render with new settings, or tear down. */
export interface KizunaMountHandle {
  /** New design properties or record: same data source (and its cache), new props. */
  update(settings: unknown): void;
  /** Unmounts React and removes everything the embed put in the element. Safe to call twice. */
  unmount(): void;
}

export interface MountOptions {
  /** The host's clock (tests pin it). */
  readonly now?: () => Date;
}

/** The component's `lwc:dom="manual"` element. Checked by shape: under Lightning Locker elements are proxies. */
function isElement(value: unknown): value is HTMLElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { nodeType?: unknown }).nodeType === 1 &&
    typeof (value as { appendChild?: unknown }).appendChild === 'function'
  );
}

/** Dispatched on the element when the dashboard failed beyond its own error states (`detail.message`). */
export const EMBED_ERROR_EVENT = 'kizunaerror';

let mounts = 0;

/**
 * Mounts the dashboard of the configured role into the component's element. React 18+ listens
 * for events on its root container (not on `document`), so events work inside the component's
 * shadow tree; everything the embed renders stays inside `element`. Every read and write goes
 * through the Apex gateway the component passed, via the LWC bridge data source. With the
 * component's `navigation` (`{ openAccount(recordId) }`), the leaders' drill-down opens an
 * account's record page; an id that is not a Salesforce id, or a navigation that fails, is
 * reported on the element (`kizunaerror`) instead of being followed.
 */
export function mountDashboard(element: unknown, settings: unknown, gateway: unknown, navigation?: unknown, options: MountOptions = {}): KizunaMountHandle {
  if (!isElement(element)) throw new KizunaEmbedError('INVALID_ELEMENT', 'KizunaEmbed.mount needs the element to render into.');
  const now = options.now ?? (() => new Date());
  const dataSource: LwcBridgeDataSource = createLwcBridgeDataSource({ gateway: lwcGatewayOf(gateway) });
  const reportError = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    element.dispatchEvent(new CustomEvent(EMBED_ERROR_EVENT, { bubbles: true, detail: { message } }));
  };
  const onOpenAccount = lwcAccountOpenerOf(navigation, reportError);
  let props: HostDashboardProps = dashboardPropsOf(settings, now(), onOpenAccount);

  const container = element.ownerDocument.createElement('div');
  container.className = 'kizuna-embed';
  element.replaceChildren(container);
  mounts += 1;
  // Two dashboards on one page must not share ids (labels, aria-describedby).
  let root: Root | undefined = createRoot(container, {
    identifierPrefix: `kizuna${mounts}-`,
    // React removes a tree after an uncaught error; the component shows the message instead of a blank space.
    onUncaughtError: reportError,
  });
  const render = (current: Root) => current.render(<Dashboard {...props} dataSource={dataSource} />);
  render(root);

  return {
    update(next: unknown) {
      if (root === undefined) throw new KizunaEmbedError('UNMOUNTED', 'This Kizuna dashboard has been unmounted.');
      props = dashboardPropsOf(next, now(), onOpenAccount);
      render(root);
    },
    unmount() {
      if (root === undefined) return;
      root.unmount();
      root = undefined;
      container.remove();
    },
  };
}
