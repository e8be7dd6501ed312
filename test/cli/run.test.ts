import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { secuq } from "./secuq.js";

describe("secuq format", () => {
  it("prints the canonical form", async () => {
    expect(await secuq(["format", "a:1 OR b:2 && !c:3"])).toEqual({
      status: EXIT.ok,
      stdout: "a:1 OR (b:2 AND NOT c:3)\n",
      stderr: expect.stringContaining("ambiguous-precedence") as unknown,
    });
  });

  it("joins a query the shell split into words", async () => {
    expect((await secuq(["format", "a:b", "AND", "c:d"])).stdout).toBe("a:b AND c:d\n");
  });

  it("reads the query from standard input when it is -", async () => {
    expect((await secuq(["format", "-"], "a:b  AND   c:d\n")).stdout).toBe("a:b AND c:d\n");
  });

  it("reads standard input when no query is given and input is piped", async () => {
    expect((await secuq(["format"], "a:x\n")).stdout).toBe("a:x\n");
  });

  it("takes a query that starts with - after --", async () => {
    const { status, stderr } = await secuq(["format", "--", "-a:b"]);
    expect(status).toBe(EXIT.invalidQuery);
    expect(stderr).toContain("minus-prefix");
    expect(stderr).toContain("fix: Write NOT");
  });

  it("prints every error of an invalid query and nothing on stdout", async () => {
    const { status, stdout, stderr } = await secuq(["format", "a:b and c:d OR e=f"]);
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout).toBe("");
    expect(stderr).toContain("error lowercase-operator at line 1, column 5");
    expect(stderr).toContain("error equals-instead-of-colon at line 1, column 17");
  });
});

describe("secuq parse", () => {
  it("prints the AST as JSON without spans", async () => {
    const { status, stdout } = await secuq(["parse", "status:ok"]);
    expect(status).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toEqual({ type: "term", field: "status", value: { kind: "text", text: "ok" } });
  });

  it("includes spans with --spans", async () => {
    const { stdout } = await secuq(["parse", "--spans", "status:ok"]);
    expect((JSON.parse(stdout) as { span: unknown }).span).toEqual({ start: 0, end: 9 });
  });
});

describe("secuq validate", () => {
  it("says ok for a valid query", async () => {
    expect(await secuq(["validate", "status:ok"])).toEqual({
      status: EXIT.ok,
      stdout: "ok: 0 errors, 0 warnings\n",
      stderr: "",
    });
  });

  it("shows where the problem is, its fix, and the corrected query", async () => {
    const { status, stdout } = await secuq(["validate", "--schema", "none", "email=x"]);
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout).toBe(
      [
        "error equals-instead-of-colon at line 1, column 6: Use : between a field and its value, not =: email:x",
        "  | email=x",
        "  |      ^",
        "  fix: Write : instead of =",
        "did you mean: email:x",
        "not ok: 1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("passes a warning unless --strict", async () => {
    const ambiguous = "status:ok OR status:failed AND basket_info.sum:1";
    expect((await secuq(["validate", ambiguous])).status).toBe(EXIT.ok);
    expect((await secuq(["validate", "--strict", ambiguous])).status).toBe(EXIT.invalidQuery);
  });

  it("prints JSON with --json", async () => {
    const { stdout } = await secuq(["validate", "--json", "--schema", "none", "a:b c:d"]);
    const result = JSON.parse(stdout) as { ok: boolean; diagnostics: unknown[]; suggestion?: string };
    expect(result.ok).toBe(false);
    expect(result.suggestion).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      code: "missing-operator",
      span: { start: 3, end: 4 },
      fixes: [
        { title: "Insert AND (both must match)", edits: [{ span: { start: 3, end: 3 }, text: " AND" }], safe: false },
        { title: "Insert OR (either may match)", edits: [{ span: { start: 3, end: 3 }, text: " OR" }], safe: false },
      ],
    });
  });

  it("checks fields and values against the Smart Transaction schema by default", async () => {
    const { status, stdout } = await secuq(["validate", "basket_info.summ:10"]);
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout).toContain("error unknown-field at line 1, column 1: There is no field basket_info.summ.");
    expect(stdout).toContain("fix: Write basket_info.sum");
    expect(stdout).toContain("did you mean: basket_info.sum:10\n");
  });

  it("checks no schema with --schema none", async () => {
    expect(await secuq(["validate", "--schema", "none", "a:b"])).toMatchObject({ status: EXIT.ok });
    expect(await secuq(["validate", "--schema", "smart-transaction", "a:b"])).toMatchObject({
      status: EXIT.invalidQuery,
    });
  });

  it.each(["nope", "toString"])("refuses the unknown schema %s", async (name) => {
    const { status, stderr } = await secuq(["validate", "--schema", name, "a:b"]);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain("Unknown schema");
  });

  it("applies --max-depth", async () => {
    const { stdout } = await secuq(["validate", "--max-depth", "2", "(((a:b)))"]);
    expect(stdout).toContain("too-deep");
  });
});

describe("command line mistakes", () => {
  it.each([
    [["frobnicate", "a:b"], "Unknown command"],
    [["validate", "--nope", "a:b"], "Unknown option"],
    [["validate", "--max-depth", "zero", "a:b"], "--max-depth must be a whole number ≥ 1"],
    [["validate"], "Give a query"],
    [[], "Usage: secuq"],
  ])("%j exits with status 2 and says why", async (args, message) => {
    const { status, stderr } = await secuq(args);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it("--help prints usage on stdout", async () => {
    const { status, stdout } = await secuq(["--help"]);
    expect(status).toBe(EXIT.ok);
    expect(stdout).toContain("validate <query>");
  });

  it("--version prints the package version", async () => {
    expect((await secuq(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("exit statuses", () => {
  it("the README and --help name every one", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const documented = /^Exit status: ([^]*?)\n\n/m.exec(readme)![1]!;
    const help = (await secuq(["--help"])).stdout;
    for (const status of Object.values(EXIT)) {
      expect(documented).toMatch(new RegExp(`\\b${status} (when|for)\\b`));
      expect(help).toMatch(new RegExp(`\\b${status} (when|for)\\b`));
    }
  });
});

describe("what the command line survives", () => {
  it("reports standard input that is not UTF-8 as invalid-encoding, with where, and exit status 1", async () => {
    const { status, stdout, stderr } = await secuq(["validate", "-"], new Uint8Array([0x61, 0x3a, 0xc3, 0xa9, 0xff]));
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout).toBe("");
    expect(stderr).toContain("invalid-encoding");
    expect(stderr).toContain("at offset 4");
  });

  it.each([
    ["after a U+FFFD written as text", [...new TextEncoder().encode("a:\uFFFD"), 0xff], 5],
    ["after a byte-order mark", [0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x80], 5],
    ["in a cut-short sequence at the end", [0x61, 0x3a, 0xe2, 0x82], 2],
  ])("finds the first byte that is not UTF-8 %s", async (_, bytes, offset) => {
    const { status, stderr } = await secuq(["format"], new Uint8Array(bytes));
    expect(status).toBe(EXIT.invalidQuery);
    expect(stderr).toContain(`at offset ${offset})`);
  });

  it("takes U+FFFD written in UTF-8 as text", async () => {
    const { status, stdout } = await secuq(["format"], "a:\uFFFDx\n");
    expect(status).toBe(EXIT.ok);
    expect(stdout).toBe("a:\uFFFDx\n");
  });

  it("ends an internal failure with status 70 and one line, its details only with SECUQ_DEBUG", async () => {
    const failing = {
      stdout: () => {
        throw new RangeError("Invalid string length for status:secret");
      },
    };
    const quiet = await secuq(["format", "status:secret"], undefined, failing);
    expect(quiet.status).toBe(EXIT.internal);
    expect(quiet.stderr).toBe(
      "secuq: internal error (RangeError); please report it. Set SECUQ_DEBUG=1 to see the details.\n",
    );
    const debug = await secuq(["format", "status:secret"], undefined, { ...failing, debug: true });
    expect(debug.status).toBe(EXIT.internal);
    expect(debug.stderr).toContain("RangeError: Invalid string length");
  });

  it("says how to give a query that starts with -", async () => {
    const { status, stderr } = await secuq(["validate", "-status:failed"]);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain("put -- before it: secuq validate -- '-status:failed'");
  });

  it.each([
    [["validate", "--spans", "a:b"], "--spans does not apply to validate"],
    [["format", "--json", "a:b"], "--json does not apply to format"],
    [["demo", "--strict"], "--strict does not apply to demo"],
  ])("%j refuses an option that does not apply", async (args, message) => {
    const { status, stderr } = await secuq(args);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it.each([
    [["validate", "--help"], "Usage: secuq validate", "--schema <name>"],
    [["help", "parse"], "Usage: secuq parse", "--spans"],
    [["format", "-h"], "Usage: secuq format", "--max-length"],
  ])("%j prints that command's help", async (args, usage, option) => {
    const { status, stdout } = await secuq(args);
    expect(status).toBe(EXIT.ok);
    expect(stdout).toContain(usage);
    expect(stdout).toContain(option);
  });
});

describe("the secuq executable", () => {
  // The published command, built by `npm run build` (npm test builds first): starting Node is the slow part, so the
  // test allows for a busy machine.
  it("runs as a process, with exit status and streams", () => {
    const main = fileURLToPath(new URL("../../dist/node/cli.js", import.meta.url));
    expect(existsSync(main), "run npm run build first (npm test does)").toBe(true);
    const result = spawnSync(process.execPath, [main, "validate", "--schema", "none", "a:b", "and", "c:d"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(EXIT.invalidQuery);
    expect(result.stdout).toContain("fix: Write AND\ndid you mean: a:b AND c:d");
  }, 30_000);

  it("lets an uncaught error of the library print a short, readable report: its class, message and line", () => {
    const index = fileURLToPath(new URL("../../dist/node/index.js", import.meta.url));
    const script = `const { parse } = await import(${JSON.stringify(index)}); parse("a:b and");`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.status).toBe(1);
    // Node prints the line the error was thrown on: a line of readable code, not a minified chunk.
    expect(result.stderr.length).toBeLessThan(4000);
    expect(result.stderr).toContain("throw new QuerySyntaxError(diagnostics)");
    expect(result.stderr).toMatch(/^QuerySyntaxError: "and" is not an operator/m);
    expect(result.stderr).toMatch(/at (Module\.)?parse \(/);
  }, 30_000);

  it("ends quietly when its reader goes away (secuq demo | head -1)", async () => {
    const main = fileURLToPath(new URL("../../dist/node/cli.js", import.meta.url));
    const child = spawn(process.execPath, [main, "demo"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // The first chunk read, the pipe is closed, as head does after its line.
    await new Promise<void>((resolve) =>
      child.stdout.once("data", () => {
        resolve();
      }),
    );
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(EXIT.ok);
  }, 30_000);
});
