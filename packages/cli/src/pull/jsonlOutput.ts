import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { CheckpointError } from './checkpoint';

/**
 * An output file written as a stream, with backpressure, that knows its committed length: a
 * length up to which everything is handed to the operating system (so it survives the process).
 */
export class JsonlOutput {
  private length: number;
  private lastWrite: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
    committed: number,
  ) {
    this.length = committed;
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /**
   * Opens `path` for appending after cutting it back to `committed` bytes — what an interrupted
   * pull had flushed and checkpointed; anything after it (a page written but not checkpointed) goes.
   */
  static async open(path: string, committed: number, name: string): Promise<JsonlOutput> {
    const size = await stat(path).then(
      (stats) => stats.size,
      (error: unknown) => {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (committed > 0 && (size === undefined || size < committed)) {
      throw new CheckpointError(`${name} is shorter than the checkpoint says (${size ?? 0} < ${committed} bytes)`);
    }
    if (size !== undefined && size !== committed) await truncate(path, committed);
    const stream = createWriteStream(path, { flags: 'a' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return new JsonlOutput(path, stream, committed);
  }

  /** Queues text; waits for the stream to drain when its buffer is full (backpressure). */
  async write(text: string): Promise<void> {
    if (text === '') return;
    if (this.failure !== undefined) throw this.failure;
    this.length += Buffer.byteLength(text, 'utf8');
    let accepted = true;
    this.lastWrite = new Promise<void>((resolve) => {
      accepted = this.stream.write(text, (error) => {
        if (error) this.failure ??= error;
        resolve();
      });
    });
    if (!accepted) await once(this.stream, 'drain');
  }

  /** Waits until everything written so far is flushed; resolves to the committed length. */
  async commit(): Promise<number> {
    await this.lastWrite;
    if (this.failure !== undefined) throw this.failure;
    return this.length;
  }

  async close(): Promise<void> {
    if (this.failure !== undefined || this.stream.destroyed) {
      this.stream.destroy();
      return;
    }
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
  }
}
