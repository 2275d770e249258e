import { z } from 'zod';

/**
 * The writes made in this tab (an accepted action's Task …), kept in sessionStorage so that the
 * simulated CRMs, which live in the page, still hold them after a reload: on start they are
 * replayed, in order, before the page reads anything. Another tab starts from the seeded data.
 */
const storageKey = 'kizuna-demo:writes';

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('apex'), planJson: z.string() }),
  z.strictObject({ kind: z.literal('rest'), method: z.enum(['POST', 'PATCH', 'DELETE']), url: z.url(), body: z.string() }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export function journalEntries(storage: Storage = sessionStorage): JournalEntry[] {
  const parsed = z.array(journalEntrySchema).safeParse(JSON.parse(storage.getItem(storageKey) ?? '[]'));
  // A journal this version cannot read is dropped rather than half replayed.
  return parsed.success ? parsed.data : [];
}

export function recordWrite(entry: JournalEntry, storage: Storage = sessionStorage): void {
  storage.setItem(storageKey, JSON.stringify([...journalEntries(storage), entry]));
}
