import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * Renders as a page does, outside `act`, so a render suspended on data (React's `use()`, messages
 * still loading) can be seen before it resolves: `act` would wait for the data. Find things with
 * `screen.findBy…`; call `unmount()` when done.
 */
export function renderOutsideAct(element: ReactElement): { readonly container: HTMLElement; unmount(): void } {
  const previous = globalThis.IS_REACT_ACT_ENVIRONMENT;
  globalThis.IS_REACT_ACT_ENVIRONMENT = false;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(element);
  return {
    container,
    unmount() {
      root.unmount();
      container.remove();
      globalThis.IS_REACT_ACT_ENVIRONMENT = previous;
    },
  };
}

/** A promise the test settles when it wants: holds a load until `release()`. */
export function heldUntilReleased(): { readonly held: Promise<void>; release(): void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}
