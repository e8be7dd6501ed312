import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { secuq } from "../cli/secuq.js";

/** The `secuq` command lines of a document's shell blocks, with what they print when their comment says `# → …`. */
function commandLines(document: string): { line: string; args: string[]; stdin?: string; prints?: string }[] {
  const text = readFileSync(new URL(`../../${document}`, import.meta.url), "utf8");
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.split("\n"))
    .filter((line) => /(?:^|\| )(?:npx )?secuq /.test(line))
    .map((line) => {
      const [command, comment] = line.split(/\s+# /);
      const piped = /^echo '([^']*)' \| (.*)$/.exec(command!.trim());
      const words = [...(piped?.[2] ?? command!).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      const args = words.slice(words[0] === "npx" ? 2 : 1);
      const prints = comment?.startsWith("→ ") ? comment.slice(2) : undefined;
      return { line, args, ...(piped && { stdin: `${piped[1]}\n` }), ...(prints !== undefined && { prints }) };
    });
}

describe.each(["README.md", "docs/assist.md", "docs/client.md"])("the command lines of %s", (document) => {
  const lines = commandLines(document);
  it("has some", () => {
    expect(lines.length).toBeGreaterThan(0);
  });
  it.each(lines.map((l) => [l.line, l] as const))("%s", async (_, { args, stdin, prints }) => {
    const { status, stdout } = await secuq(args, stdin);
    // 1 is a query with errors, which some lines show on purpose; never a usage error or a fault.
    expect([EXIT.ok, EXIT.invalidQuery]).toContain(status);
    if (prints !== undefined) expect(stdout.split("\n")[0]!.replace(/\s+/g, " ")).toBe(prints.replace(/\s+/g, " "));
  });
});
