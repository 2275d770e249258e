import { privacyPolicy } from './privacyPolicy';
import { respondentDistance, type RespondentSet } from './respondentSet';

/**
 * What one user has recently been shown: the respondent sets (team-period atoms with their
 * respondent counts) behind their recent employee results. The caller owns it — one per user
 * session — and passes it to `exResults`, which treats these results as already known: new
 * results must keep every rule against them too (TalentMap's query-history rule, generalised),
 * and it records what it shows. No clock: "recent" means the last `capacity` results.
 * It holds audit data (small counts); keep it server-side and never display it.
 */
export interface PrivacyLedger {
  readonly k: number;
  /** How many shown results it remembers. */
  readonly capacity: number;
  /** The remembered respondent sets, oldest first. */
  readonly recent: () => readonly RespondentSet[];
  /** Whether this set differs from every remembered one by 0 or at least k respondents. */
  readonly admits: (set: RespondentSet) => boolean;
  /** Remembers shown sets, newest last; a set already remembered moves to the newest place. */
  readonly remember: (sets: readonly RespondentSet[]) => void;
}

export interface PrivacyLedgerOptions {
  /** Results remembered; default 200. TalentMap remembers a user's last 5 reports. */
  readonly capacity?: number;
}

/**
 * A fresh, empty ledger for one user. `k` follows the same rule as the policy (whole number ≥ 3)
 * and must equal the `k` of the policy it is used with.
 */
export function createPrivacyLedger(k: number, options: PrivacyLedgerOptions = {}): PrivacyLedger {
  const checkedK = privacyPolicy({ k }).k;
  const capacity = options.capacity ?? 200;
  if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1 (got ${capacity})`);
  let entries: RespondentSet[] = [];
  return {
    k: checkedK,
    capacity,
    recent: () => entries,
    admits: (set) =>
      entries.every((entry) => {
        const distance = respondentDistance(entry, set);
        return distance === 0 || distance >= checkedK;
      }),
    remember: (sets) => {
      const next = [...entries];
      for (const set of sets) {
        const same = next.findIndex((entry) => respondentDistance(entry, set) === 0);
        if (same >= 0) next.splice(same, 1);
        next.push(new Map(set));
      }
      entries = next.slice(Math.max(0, next.length - capacity));
    },
  };
}
