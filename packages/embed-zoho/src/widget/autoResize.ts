/** Smallest height the widget asks for, so a notice or a loading state is never cut to nothing. */
export const MIN_WIDGET_HEIGHT = 120;

export interface AutoResizeOptions {
  /** `ZOHO.CRM.UI.Resize` (px); its answer is not relied on. */
  readonly resize: (size: { readonly height: number; readonly width: number }) => Promise<unknown>;
  /** Schedules the next measurement (default: the next animation frame). */
  readonly schedule?: (callback: () => void) => void;
}

export interface AutoResize {
  /** Measures now and asks for the size when it changed. */
  measure(): void;
  stop(): void;
}

/**
 * Keeps the widget's frame as tall as its content: measures the element whenever it changes
 * size (ResizeObserver, at most once per frame) and calls `ZOHO.CRM.UI.Resize` only when the
 * rounded height differs from the last one asked for. A failed resize is ignored; the next
 * change asks again.
 */
export function autoResize(element: HTMLElement, options: AutoResizeOptions): AutoResize {
  const schedule = options.schedule ?? ((callback: () => void) => requestAnimationFrame(() => callback()));
  let asked: { height: number; width: number } | undefined;
  let queued = false;

  const measure = () => {
    const box = element.getBoundingClientRect();
    const size = { height: Math.max(MIN_WIDGET_HEIGHT, Math.ceil(box.height)), width: Math.ceil(box.width) };
    if (asked !== undefined && asked.height === size.height) return;
    asked = size;
    options.resize(size).catch(() => {
      asked = undefined;
    });
  };
  const onChange = () => {
    if (queued) return;
    queued = true;
    schedule(() => {
      queued = false;
      measure();
    });
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onChange) : undefined;
  observer?.observe(element);
  return {
    measure,
    stop: () => observer?.disconnect(),
  };
}
