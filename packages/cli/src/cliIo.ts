/** Where the command line writes, and what it resolves relative paths against. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Relative `--data` paths are resolved against this directory. */
  readonly cwd: string;
}

export interface TextSink {
  write(text: string): unknown;
}

/** A sink that keeps what is written, for tests and for callers that want the text. */
export class CapturedText implements TextSink {
  private readonly chunks: string[] = [];

  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }

  get text(): string {
    return this.chunks.join('');
  }
}
