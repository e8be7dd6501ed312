/** What the command needs from the outside world, so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input as bytes (for a query given as `-`); the command decodes them as UTF-8. */
  readonly readStdin: () => Promise<Uint8Array>;
  /** Whether standard input is a terminal (then a missing query is a usage error rather than a read). */
  readonly stdinIsTerminal: boolean;
  /** Whether colours may be used on standard output and on standard error (see `wantsColor`). */
  readonly color: { readonly stdout: boolean; readonly stderr: boolean };
  /** Whether an internal error may print its details (`SECUQ_DEBUG`); they may hold parts of the query. */
  readonly debug: boolean;
  /** The environment, for `find`'s credentials (`SECUCONNECT_*`); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (a table), or a pipe (JSON lines for `find --all`). */
  readonly stdoutIsTerminal?: boolean;
  /** Whether standard error is a terminal (then a long `find --all` shows its progress there). */
  readonly stderrIsTerminal?: boolean;
  /** Aborts when standard output is closed by its reader (`secuq find --all | head`): then work for it stops. */
  readonly stdoutClosed?: AbortSignal;
  /** Resolves when the person stops the command (Ctrl-C), for `secuq sandbox`; at once when absent. */
  readonly untilInterrupted?: () => Promise<void>;
}

/**
 * A writer to a standard stream that stops quietly once the reader has gone (`secuq demo | head -1`): the pipe's
 * EPIPE is not an error of the command, and the exit status stays the query's.
 */
function writerTo(stream: NodeJS.WriteStream, closed = new AbortController()): (text: string) => void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed.abort();
  });
  return (text) => {
    if (!closed.signal.aborted && !stream.destroyed) stream.write(text);
  };
}

/**
 * Whether to colour a stream: never with `NO_COLOR` set to anything but the empty string (no-color.org); always with
 * `FORCE_COLOR` set, unless to `0` or `false`; otherwise only on a terminal that is not `TERM=dumb`.
 */
export function wantsColor(env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTerminal && env.TERM !== "dumb";
}

/** The real process's input and output. */
export function processIo(): CliIo {
  const color = {
    stdout: wantsColor(process.env, process.stdout.isTTY),
    stderr: wantsColor(process.env, process.stderr.isTTY),
  };
  const stdoutClosed = new AbortController();
  return {
    stdout: writerTo(process.stdout, stdoutClosed),
    stdoutClosed: stdoutClosed.signal,
    stderr: writerTo(process.stderr),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinIsTerminal: process.stdin.isTTY,
    stdoutIsTerminal: process.stdout.isTTY,
    stderrIsTerminal: process.stderr.isTTY,
    env: process.env,
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once("SIGINT", () => {
          resolve();
        });
        process.once("SIGTERM", () => {
          resolve();
        });
      }),
    color,
    debug: Boolean(process.env.SECUQ_DEBUG),
  };
}
