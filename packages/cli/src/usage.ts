import { dimensions, kpiIds } from '@kizuna/metrics';

export const mainUsage = `Usage: kizuna <command> [options]

Commands:
  analyze   KPIs with intervals, highlights, key drivers, journey findings, CX–EX linkage and next best
            actions over canonical data exported as JSONL or CSV
  pull      export the canonical data from a CRM (Salesforce, Zoho CRM) as JSONL, resumably, for analyze
  doctor    check a CRM connection, permissions, the mapping and the API allocation; say what to fix
  preview   serve the demo's dashboards over canonical data exported by pull, before installing anything
  help      print this help; \`kizuna <command> --help\` for a command's options

Exit codes: 0 ok, 2 usage error, 65 invalid data (analyze: nothing usable; pull/doctor: malformed CRM
answer), 66 input missing or unreadable, 69 CRM unreachable, 70 internal error or failed section,
73 output not writable, 75 CRM rate or daily limit (temporary), 77 authentication, permission or
mapping problem, 130 interrupted.`;

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

const connectionHelp = `Connection (flags win over the environment variables named):
  --crm salesforce|zoho       the CRM (required)
  --instance-url URL          the org, https://<domain>.my.salesforce.com        KIZUNA_SF_INSTANCE_URL
                              (with a refresh token, the token response's instance_url is used)
  --access-token TOKEN        a session's access token                             KIZUNA_SF_ACCESS_TOKEN
  --client-id ID              the connected app's consumer key                     KIZUNA_SF_CLIENT_ID
  --refresh-token TOKEN       a refresh token of that app: signs in, and renews    KIZUNA_SF_REFRESH_TOKEN
                              the session when it expires
  --client-secret SECRET      only for apps that require one                       KIZUNA_SF_CLIENT_SECRET
  --login-url URL             where to sign in (default https://login.salesforce.com;  KIZUNA_SF_LOGIN_URL
                              https://test.salesforce.com for a sandbox)
  --api-version vNN.N         REST API version (default v66.0)
  --mapping FILE              a mapping file: where your org keeps Kizuna's data if not in the default layout
Zoho CRM (--crm zoho):
  --api-domain URL            the org's api_domain, e.g. https://www.zohoapis.jp   KIZUNA_ZOHO_API_DOMAIN
                              (with a refresh token, the token response's api_domain is used)
  --access-token TOKEN        an access token (Zoho-oauthtoken)                    KIZUNA_ZOHO_ACCESS_TOKEN
  --client-id ID              the Zoho client's id                                 KIZUNA_ZOHO_CLIENT_ID
  --client-secret SECRET      the Zoho client's secret                             KIZUNA_ZOHO_CLIENT_SECRET
  --refresh-token TOKEN       a refresh token of that client: signs in, renews     KIZUNA_ZOHO_REFRESH_TOKEN
  --accounts-server URL       your data centre's accounts server (default: the     KIZUNA_ZOHO_ACCOUNTS_SERVER
                              one of --api-domain's data centre, e.g. https://accounts.zohocloud.ca)
  --api-version vN            API version (default v8)
  --mapping FILE              a Zoho mapping file (same format; docs/crm/zoho-layout.md)
Prefer the environment variables for tokens: command-line arguments are visible to other users of
the machine. Tokens are never printed, logged or written to disk.`;

export const pullUsage = `Usage: kizuna pull --crm salesforce --out DIR (--instance-url URL --access-token TOKEN |
                  --client-id ID --refresh-token TOKEN [--login-url URL]) [--mapping FILE] [options]
       kizuna pull --crm zoho --out DIR (--api-domain URL --access-token TOKEN |
                  --client-id ID --client-secret SECRET --refresh-token TOKEN) [--mapping FILE] [options]

Reads every mapped object of the org (accounts, contacts, tasks and events as touchpoints, feedback,
cases, opportunities, employee pulses, accepted actions), maps each record to Kizuna's canonical
model and writes DIR/<dataset>.jsonl — the layout \`kizuna analyze --data DIR\` reads. Records that
fail validation go to DIR/rejected.jsonl with the reasons. Business units, product lines, segments and
teams are derived from the keys the accounts carry (names = keys).

Resumable: DIR/.kizuna-pull.json records the last row written of each object. Run the same command
again after an interruption (Ctrl-C, a daily API limit, a crash) and it goes on from there; the
files end up exactly as an uninterrupted pull would write them.

${connectionHelp}

Options:
  --out DIR            output directory (required; created if missing)
  --batch-size N       rows per batch asked of Salesforce, 200–2000 (default 2000; Zoho pages are 200)
  --restart            ignore an unfinished pull in DIR and start over
  --json               print the summary as one JSON document
  -h, --help           print this help

A progress bar is drawn on stderr when it is a terminal; never in logs.

Exit codes: 0 ok (rejected records, if any, are counted and in rejected.jsonl), 2 usage error or a
checkpoint that does not match, 65 malformed answer from Salesforce, 66 mapping file unreadable,
69 Salesforce unreachable, 73 DIR not writable, 75 rate or daily API limit (run again later to
resume), 77 authentication, permission or mapping problem (run kizuna doctor), 130 interrupted.`;

export const doctorUsage = `Usage: kizuna doctor --crm salesforce (--instance-url URL --access-token TOKEN |
                    --client-id ID --refresh-token TOKEN [--login-url URL]) [--mapping FILE] [--json]
       kizuna doctor --crm zoho (--api-domain URL --access-token TOKEN |
                    --client-id ID --client-secret SECRET --refresh-token TOKEN) [--mapping FILE] [--json]

Checks, with a few cheap queries (LIMIT 1): that Kizuna can sign in and reach the org; the API
allocation used and remaining (Sforce-Limit-Info; a warning above 80 %); and, for every object and
field the mapping names, that it exists and this user can read it. Prints a table of object, status
and what to fix.

${connectionHelp}

Options:
  --json               print the report as one JSON document
  -h, --help           print this help

Exit codes: 0 all good (a usage warning does not change it), 2 usage error, 65 malformed answer from
Salesforce, 66 mapping file unreadable, 69 Salesforce unreachable, 75 rate or daily API limit,
77 sign-in failed, or an object or field of the mapping is missing or not readable.`;
