import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { ActionDecisions, DECISIONS_STORAGE_KEY } from './actionDecisions';
import { ActionOutbox } from './actionOutbox';
import { OUTBOX_STORAGE_KEY, type OutboxEntry } from './outboxSchema';
import { browserStorage, type KeyValueStorage } from './storage';

export interface ActionStores {
  readonly outbox: ActionOutbox;
  readonly decisions: ActionDecisions;
  /** False when the host forbids `localStorage`: pending writes then do not survive a reload (said in the UI). */
  readonly persistent: boolean;
}

const ActionStoresContext = createContext<ActionStores | null>(null);

/**
 * Gives widgets below it the persisted outbox (accepted actions on their way to the CRM, through
 * the data source's `writeActions`) and the snooze/dismiss decisions. Sends what a previous page
 * left pending, follows other tabs through the `storage` event, and retries when the browser
 * comes back online. `storage` defaults to `localStorage` when the host allows it.
 */
export function ActionStoresProvider({ storage, children }: { storage?: KeyValueStorage; children: ReactNode }) {
  const dataSource = useCxDataSource();
  const [stores] = useState<ActionStores>(() => {
    const chosen = storage === undefined ? browserStorage() : { storage, persistent: true };
    return {
      outbox: new ActionOutbox({ storage: chosen.storage, write: (actions) => dataSource.writeActions(actions) }),
      decisions: new ActionDecisions(chosen.storage),
      persistent: chosen.persistent,
    };
  });
  useEffect(() => {
    const { outbox, decisions } = stores;
    void outbox.start();
    const onStorage = (event: StorageEvent) => {
      if (event.key === OUTBOX_STORAGE_KEY) outbox.reload();
      if (event.key === DECISIONS_STORAGE_KEY) decisions.reload();
    };
    const onOnline = () => void outbox.flush();
    window.addEventListener('storage', onStorage);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('online', onOnline);
      outbox.stop();
    };
  }, [stores]);
  return <ActionStoresContext.Provider value={stores}>{children}</ActionStoresContext.Provider>;
}

export function useActionStores(): ActionStores {
  const stores = useContext(ActionStoresContext);
  if (stores === null) throw new Error('Kizuna action widgets need an <ActionStoresProvider> above them.');
  return stores;
}

/** The outbox entries, re-rendering on every change. */
export function useOutboxEntries(): readonly OutboxEntry[] {
  const { outbox } = useActionStores();
  return useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.entries(),
  );
}

/** The snoozed and dismissed actions, re-rendering on every change. */
export function useDecidedActions() {
  const { decisions } = useActionStores();
  return useSyncExternalStore(
    (listener) => decisions.subscribe(listener),
    () => decisions.actions(),
  );
}
