import { nextBestActions, rankProposals, type KpiWarning, type ProposedAction, type SuppressedAction } from '@kizuna/metrics';
import { accountContextsOf as accountContexts } from '@kizuna/metrics';
import { resolveAsOf, type AsOf } from './analysisTime';
import type { AnalysisContext } from './section';

/** Actions printed in the text output. */
export const nbaTextLimit = 20;
/** Actions listed in the JSON output (counts are always complete). */
export const nbaJsonLimit = 1_000;

export interface AccountWarning {
  readonly accountId: string;
  readonly warning: KpiWarning;
}

export interface NextBestActionsReport {
  /** `undefined` when the data has no activity timestamp and no `--to` was given: nothing is proposed. */
  readonly asOf: AsOf | undefined;
  readonly accounts: number;
  /** Every proposal, ranked by priority within its currency (priorities in different currencies do not compare). */
  readonly proposed: readonly ProposedAction[];
  readonly currencies: readonly string[];
  readonly suppressed: readonly SuppressedAction[];
  readonly warnings: readonly AccountWarning[];
}

/** Ranks proposals within each currency, currencies in alphabetical order. */
function rankByCurrency(proposals: readonly ProposedAction[]): { ranked: ProposedAction[]; currencies: string[] } {
  const groups = new Map<string, ProposedAction[]>();
  for (const proposal of proposals) {
    const currency = proposal.priority.value.currency;
    const group = groups.get(currency);
    if (group === undefined) groups.set(currency, [proposal]);
    else group.push(proposal);
  }
  const currencies = [...groups.keys()].sort();
  return { ranked: currencies.flatMap((currency) => rankProposals(groups.get(currency) ?? [])), currencies };
}

/**
 * Next best actions for every account: the metrics core's playbooks over each account's context,
 * decided at `asOf` (the end of `--to`, else the latest activity in the data — never the wall clock).
 */
export function nextBestActionsReport(context: AnalysisContext): NextBestActionsReport {
  const asOf = resolveAsOf(context.dataset, context.options.window);
  const accounts = context.dataset.accounts.length;
  if (asOf === undefined) return { asOf, accounts, proposed: [], currencies: [], suppressed: [], warnings: [] };
  const proposals: ProposedAction[] = [];
  const suppressed: SuppressedAction[] = [];
  const warnings: AccountWarning[] = [];
  for (const accountContext of accountContexts(context.dataset)) {
    const result = nextBestActions(accountContext, { asOf: asOf.instant });
    proposals.push(...result.proposed);
    suppressed.push(...result.suppressed);
    warnings.push(...result.warnings.map((warning) => ({ accountId: accountContext.account.id, warning })));
  }
  const { ranked, currencies } = rankByCurrency(proposals);
  return { asOf, accounts, proposed: ranked, currencies, suppressed, warnings };
}
