import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface PreviewOptions {
  /** `--data` as given (for messages) and resolved against the working directory. */
  readonly dataArg: string;
  readonly dataDir: string;
  /** Port to serve on; the next free one when taken (default 5173, the demo's). */
  readonly port: number;
  /** The demo's "now" (`--to`): default the latest activity in the data. */
  readonly asOf: string | undefined;
}

export type PreviewArgs =
  | { readonly kind: 'options'; readonly options: PreviewOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usageError'; readonly message: string };

/** Reads the arguments after `preview`; never throws. */
export function parsePreviewArgs(argv: readonly string[], cwd: string): PreviewArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return { kind: 'help' };
    if (values.data === undefined || values.data === '') return { kind: 'usageError', message: '--data DIR is required' };
    const port = values.port === undefined ? 5173 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) return { kind: 'usageError', message: `--port must be a port number 0–65535 (got ${values.port ?? ''})` };
    const to = values.to === undefined ? undefined : Date.parse(values.to);
    if (to !== undefined && Number.isNaN(to)) return { kind: 'usageError', message: `--to must be an ISO 8601 date or date-time (got ${values.to ?? ''})` };
    return {
      kind: 'options',
      options: {
        dataArg: values.data,
        dataDir: isAbsolute(values.data) ? values.data : resolve(cwd, values.data),
        port,
        asOf: to === undefined ? undefined : new Date(to).toISOString(),
      },
    };
  } catch (error) {
    return { kind: 'usageError', message: error instanceof Error ? error.message : String(error) };
  }
}
