/** Whole days from `from` to `to` (ISO instants or dates), rounded down; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Whole hours from `from` to `to`, rounded down. */
export function hoursBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 3_600_000);
}

/** The instant `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
