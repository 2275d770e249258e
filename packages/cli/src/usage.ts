import { dimensions, kpiIds } from '@kizuna/metrics';

export const mainUsage = `Usage: kizuna <command> [options]

Commands:
  analyze   KPIs with intervals, highlights, key drivers, journey findings, CX–EX linkage and next best
            actions over canonical data exported as JSONL or CSV
  help      print this help; \`kizuna analyze --help\` for the command's options

Exit codes: 0 ok, 2 usage error, 65 invalid data with nothing usable, 66 input missing or unreadable,
70 an analysis section failed (the others were printed).`;

export const analyzeUsage = `Usage: kizuna analyze --data DIR [--by FIELD]... [--kpi ID]... [--json] [--from ISO] [--to ISO]

Reads DIR/<dataset>.jsonl or DIR/<dataset>.csv for each canonical entity (accounts, feedback,
supportCases, … named as in the model; accounts are required), validates every row, reports
rejected rows as file:line: reason, and prints each KPI by the requested cuts, then highlights
(NPS of each group of the first --by cut against the rest), key drivers of NPS, journey findings,
CX–EX linkage and operational drivers, and next best actions per account.

Options:
  --data DIR     directory holding the exported files (required)
  --by FIELD     cut by this dimension; repeat or comma-separate for several (default: businessUnitId)
                 one of: ${dimensions.join(', ')}
  --kpi ID       KPI to compute; repeat or comma-separate (default: all)
                 one of: ${kpiIds.join(', ')}
  --from ISO     start of the time window, inclusive (YYYY-MM-DD or an ISO date-time)
  --to ISO       end of the time window, exclusive; also the instant next best actions are decided at
                 (default: the latest activity in the data, never the clock)
  --json         print one JSON document instead of tables
  -h, --help     print this help

Exit codes: 0 ok, 2 usage error, 65 invalid data with nothing usable, 66 input missing or unreadable,
70 an analysis section failed (the others were printed).`;
