import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

/**
 * Runs the command in-process and captures what it writes. Standard input is `stdin` (text or bytes), a terminal
 * when there is none; no colours, no credentials in the environment.
 */
export async function secuq(
  args: string[],
  stdin?: string | Uint8Array,
  overrides: Partial<CliIo> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () =>
      Promise.resolve(typeof stdin === "string" ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array())),
    stdinIsTerminal: stdin === undefined,
    color: { stdout: false, stderr: false },
    debug: false,
    env: {},
    ...overrides,
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}
