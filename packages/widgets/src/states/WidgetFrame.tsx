/** The widget frame moved to `src/frame/`; this path stays for existing imports. */
export { WidgetFrame } from '../frame/WidgetFrame';
export type { WidgetFrameProps } from '../frame/WidgetFrame';
