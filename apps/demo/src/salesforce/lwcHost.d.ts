// The compiled kizunaDashboard component and the LWC engine it runs on (src/devServer/compileLwcHost.ts).
declare module 'virtual:kizuna-lwc-host' {
  /** LWC's `createElement(tagName, { is: Component })`: a custom element running the component. */
  export function createElement(tagName: string, options: { readonly is: unknown }): HTMLElement;
  /** The `kizunaDashboard` component's class. */
  export const KizunaDashboard: unknown;
}
