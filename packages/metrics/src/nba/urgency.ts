function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Urgency of a deadline `daysLeft` away: 1 when it is due or past, `floor` when it is
 * `horizonDays` or more away, linear in between. (Renewal in 9 of 90 days, floor 0.3 → 0.93.)
 */
export function deadlineUrgency(daysLeft: number, horizonDays: number, floor: number): number {
  if (daysLeft <= 0) return 1;
  return floor + (1 - floor) * clamp01(1 - daysLeft / horizonDays);
}

/**
 * Urgency of something overdue by `overdue` (hours or days): `floor` at the moment it became
 * overdue, rising linearly to 1 after `saturation` more. (Follow-up 24 h late of 120 h, floor 0.6 → 0.68.)
 */
export function overdueUrgency(overdue: number, saturation: number, floor: number): number {
  return floor + (1 - floor) * clamp01(overdue / saturation);
}
