import type { CliIo, TextSink } from '../cliIo';

export const redacted = '[redacted]';

/** A sink that replaces every occurrence of a secret before it reaches the terminal or a log. */
export function redactingSink(sink: TextSink, secrets: readonly string[]): TextSink {
  const hidden = secrets.filter((secret) => secret.length >= 4);
  return {
    write: (text: string) => sink.write(hidden.reduce((out, secret) => out.split(secret).join(redacted), text)),
    ...(sink.isTTY === undefined ? {} : { isTTY: sink.isTTY }),
    ...(sink.columns === undefined ? {} : { columns: sink.columns }),
  };
}

/**
 * The io with both sinks redacting `secrets`: defence in depth. Kizuna's own messages never
 * quote a token; this also covers any message from below that might.
 */
export function redactingIo(io: CliIo, secrets: readonly string[]): CliIo {
  return { ...io, stdout: redactingSink(io.stdout, secrets), stderr: redactingSink(io.stderr, secrets) };
}
