import { z } from 'zod';
import { mountDashboard, type KizunaMountHandle } from './mountDashboard';

/** The one global the bundle defines: `window.KizunaEmbed`. */
export interface KizunaEmbedApi {
  /** The version of the mount contract between the component and the bundle. */
  readonly version: 1;
  /**
   * Mounts the dashboard. `navigation` (`{ openAccount(recordId) }`, optional within version 1: a
   * component that passes none gets a drill-down without "Open" buttons) opens an account's record page.
   */
  mount(element: unknown, settings: unknown, gateway: unknown, navigation?: unknown): KizunaMountHandle;
}

declare global {
  interface Window {
    KizunaEmbed?: KizunaEmbedApi;
  }
}

/**
 * Puts the embed's API on `window` under one name and nothing else. Under Lightning Web Security
 * that `window` is the component namespace's own, so another namespace never sees it. zod runs
 * without its code-generating fast path: Lightning's CSP forbids `eval`, and zod's probe for it
 * would otherwise be reported as a violation.
 */
export function installKizunaEmbed(target: Window): KizunaEmbedApi {
  z.config({ jitless: true });
  const api: KizunaEmbedApi = Object.freeze({
    version: 1 as const,
    mount: (element: unknown, settings: unknown, gateway: unknown, navigation?: unknown) => mountDashboard(element, settings, gateway, navigation),
  });
  target.KizunaEmbed = api;
  return api;
}
