export const previewUsage = `Usage: kizuna preview --data DIR [--port N] [--to ISO]

Serves the demo (the Salesforce-like and web pages with the real embeds, on the simulated CRMs) over
canonical data exported by \`kizuna pull\` instead of the generated organisation. Reads DIR as
\`kizuna analyze\` does: every row validated, rejected rows reported as file:line: reason and left out.

Options:
  --data DIR     directory holding the exported files (required)
  --port N       port on 127.0.0.1 (default 5173; the next free one when taken; 0 for any)
  --to ISO       the demo's "now" (default: the latest activity in the data)
  -h, --help     print this help

Runs until interrupted (Ctrl-C). Exit codes: 0 stopped, 2 usage error, 65 nothing usable in the
data, 66 input missing or unreadable.`;
