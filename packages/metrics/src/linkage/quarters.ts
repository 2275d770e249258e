import { quarterOf as quarterOfInstant } from '../kpi/dimensions';

/** Calendar quarter `YYYY-Qn` (UTC) of an ISO date or date-time. */
export function quarterOf(dateTime: string): string {
  return quarterOfInstant(Date.parse(dateTime));
}

const quarterPattern = /^(\d{4})-Q([1-4])$/;

/** The quarter `offset` quarters after `period` (negative: before); `null` if `period` is not `YYYY-Qn`. */
export function shiftQuarter(period: string, offset: number): string | null {
  const match = quarterPattern.exec(period);
  if (match === null) return null;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
