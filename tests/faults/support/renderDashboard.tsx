import type { CxDataSource } from '@kizuna/model';
import { Dashboard } from '@kizuna/widgets';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/** The parts of the Web Storage API the dashboard's outbox uses, kept in a map the test can read. */
export function mapStorage(values = new Map<string, string>()) {
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

export interface RenderedDashboard {
  readonly container: HTMLElement;
  /** The visible text of the whole dashboard. */
  text(): string;
  /** Waits (flushing React) until `ready` holds, or fails saying what is on screen. */
  waitFor(ready: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Buttons whose text is exactly `label`. */
  buttons(label: string): HTMLButtonElement[];
  click(button: HTMLElement): Promise<void>;
  /** What React or the widgets wrote to `console.error` while mounted (caught render errors land here). */
  consoleErrors(): readonly string[];
  unmount(): Promise<void>;
}

/**
 * Mounts the real account-manager `Dashboard` (its own query client, the real outbox over the
 * given storage) in jsdom, as a host page does, and lets the test read it as a user would.
 */
export async function renderDashboard(options: {
  readonly dataSource: CxDataSource;
  readonly accountId: string;
  readonly asOf: string;
  readonly storage?: ReturnType<typeof mapStorage>;
}): Promise<RenderedDashboard> {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const consoleErrors: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  };
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <Dashboard
        role="account-manager"
        dataSource={options.dataSource}
        accountId={options.accountId}
        locale="en"
        theme="neutral"
        colourScheme="light"
        asOf={options.asOf}
        storage={options.storage ?? mapStorage()}
      />,
    );
  });
  const text = () => container.textContent ?? '';
  return {
    container,
    text,
    async waitFor(ready, what, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      while (!ready()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. On screen: ${text().slice(0, 600)}`);
        await act(async () => {
          await new Promise((resolve) => setTimeout(resolve, 15));
        });
      }
    },
    buttons: (label) => [...container.querySelectorAll('button')].filter((button) => button.textContent?.trim() === label),
    async click(button) {
      await act(async () => {
        button.click();
      });
    },
    consoleErrors: () => consoleErrors,
    async unmount() {
      await act(async () => {
        root?.unmount();
      });
      container.remove();
      console.error = originalError;
    },
  };
}
