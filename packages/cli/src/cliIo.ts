/** Where the command line writes, and what it resolves relative paths against. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Relative `--data`, `--out` and `--mapping` paths are resolved against this directory. */
  readonly cwd: string;
  /**
   * Environment variables the CRM commands read (`KIZUNA_SF_ACCESS_TOKEN` …). `bin/kizuna.mjs`
   * passes `process.env`; absent means none (tests pass exactly what they mean).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fires on Ctrl-C: `kizuna pull` stops after the last flushed page and exits 130. */
  readonly signal?: AbortSignal;
}

export interface TextSink {
  write(text: string): unknown;
  /** True for a terminal: only then does `kizuna pull` draw a progress bar. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number;
}

/** A sink that keeps what is written, for tests and for callers that want the text. */
export class CapturedText implements TextSink {
  private readonly chunks: string[] = [];

  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}

  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }

  get text(): string {
    return this.chunks.join('');
  }
}
