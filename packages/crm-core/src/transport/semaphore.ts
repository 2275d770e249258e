import { cancelledError } from './abort';
import { positiveInteger } from './validateOptions';

/** Call to give the slot back. Calling it again does nothing. */
export type Release = () => void;

export interface Semaphore {
  /** Waits for a slot, first come first served. Rejects with CANCELLED if `signal` fires first. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** Slots held now. */
  readonly active: number;
  /** Callers waiting now. */
  readonly waiting: number;
}

interface Waiter {
  readonly grant: () => void;
}

/** A counting semaphore with a FIFO queue. A released slot passes straight to the next waiter. */
export function createSemaphore(max: number): Semaphore {
  positiveInteger(max, 'max');
  let active = 0;
  const queue: Waiter[] = [];

  function releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next === undefined) active -= 1;
      else next.grant();
    };
  }

  function acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted === true) return Promise.reject(cancelledError(signal));
    if (active < max) {
      active += 1;
      return Promise.resolve(releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const onAbort = (): void => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(cancelledError(signal));
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaser());
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    acquire,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
