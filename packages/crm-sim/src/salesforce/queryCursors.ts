import { createIdSequence } from './salesforceId';
import type { SoqlResultSet } from './soql/executeSoql';

export interface QueryCursor {
  readonly result: Extract<SoqlResultSet, { kind: 'records' }>;
  readonly batchSize: number;
}

/**
 * Server-side cursors behind `nextRecordsUrl` (`/query/01g…-2000`). A cursor is closed when its
 * last page is served; at most `maxOpen` stay open and opening one more closes the oldest, as
 * Salesforce does per user. A closed or unknown locator answers INVALID_QUERY_LOCATOR.
 */
export class QueryCursors {
  readonly #open = new Map<string, QueryCursor>();
  readonly #nextId = createIdSequence('01g');

  constructor(readonly maxOpen = 10) {}

  open(cursor: QueryCursor): string {
    const id = this.#nextId();
    this.#open.set(id, cursor);
    while (this.#open.size > this.maxOpen) {
      const oldest = this.#open.keys().next();
      if (oldest.done === true) break;
      this.#open.delete(oldest.value);
    }
    return id;
  }

  get(id: string): QueryCursor | undefined {
    return this.#open.get(id);
  }

  close(id: string): void {
    this.#open.delete(id);
  }

  /** Closes every open cursor: their locators now answer INVALID_QUERY_LOCATOR. */
  expireAll(): void {
    this.#open.clear();
  }

  get openCount(): number {
    return this.#open.size;
  }
}
