/** What the command needs from the outside world, so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for a query given as `-`). */
  readonly readStdin: () => Promise<string>;
  /** Whether standard input is a terminal (then a missing query is a usage error rather than a read). */
  readonly stdinIsTerminal: boolean;
  /** Whether colours may be used on standard output and standard error. */
  readonly color: boolean;
}

/** The real process's input and output. */
export function processIo(): CliIo {
  const color = !("NO_COLOR" in process.env) && (Boolean(process.env.FORCE_COLOR) || process.stderr.isTTY);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stdinIsTerminal: process.stdin.isTTY,
    color,
  };
}
