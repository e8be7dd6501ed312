import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { secuq } from "./secuq.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ records: 500, seed: 5 });
});
afterAll(async () => {
  await sandbox.close();
});
const credentials = () => ({
  SECUCONNECT_BASE_URL: sandbox.url,
  SECUCONNECT_CLIENT_ID: sandbox.clientId,
  SECUCONNECT_CLIENT_SECRET: sandbox.clientSecret,
});

describe("secuq find", () => {
  it("without credentials searches the local sandbox, and says so", async () => {
    const { status, stdout, stderr } = await secuq(["find", "status:approved"]);
    expect(status).toBe(EXIT.ok);
    expect(stderr).toContain("no credentials");
    expect(stdout).toMatch(/^id +created +status +amount +customer\n/);
    expect(stdout).toMatch(/\n20 of [\d,]+ found\n$/);
  });

  it("uses the credentials of the environment", async () => {
    const { status, stdout, stderr } = await secuq(["find", "--json", "--count", "3", "_exists_:id"], undefined, {
      env: credentials(),
    });
    expect(status).toBe(EXIT.ok);
    expect(stderr).toBe("");
    const answer = JSON.parse(stdout) as { count: number; data: unknown[] };
    expect(answer).toMatchObject({ count: 500 });
    expect(answer.data).toHaveLength(3);
  });

  it("prints every match as JSON lines with --all when piped, up to --limit", async () => {
    const { stdout } = await secuq(["find", "--all", "--limit", "25", "_exists_:id"], undefined, {
      env: credentials(),
    });
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(25);
    expect((JSON.parse(lines[0]!) as { id: string }).id).toMatch(/^STX_/);
  });

  it("streams every match as a table with --all on a terminal, sized by the first hundred", async () => {
    const writes: string[] = [];
    const { status } = await secuq(["find", "--all", "_exists_:id"], undefined, {
      env: credentials(),
      stdoutIsTerminal: true,
      stdout: (text) => writes.push(text),
    });
    expect(status).toBe(EXIT.ok);
    const lines = writes.join("").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id +created +status +amount +customer$/);
    expect(lines.slice(1, -1).every((line) => /^STX_\w{10} {2}/.test(line))).toBe(true);
    expect(lines).toHaveLength(1 + 500 + 1);
    expect(lines.at(-1)).toBe("500 found");
    // Held back: the header and the first hundred rows, in one write; then each row as it came.
    expect(writes).toHaveLength(1 + 400 + 1);
  });

  it("shows progress on a terminal's standard error while --all writes JSON lines to a pipe", async () => {
    const big = await startSandbox({ records: 2500, seed: 5 });
    try {
      const { status, stdout, stderr } = await secuq(["find", "--all", "_exists_:id"], undefined, {
        env: {
          SECUCONNECT_BASE_URL: big.url,
          SECUCONNECT_CLIENT_ID: big.clientId,
          SECUCONNECT_CLIENT_SECRET: big.clientSecret,
        },
        stderrIsTerminal: true,
      });
      expect(status).toBe(EXIT.ok);
      expect(stdout.trim().split("\n")).toHaveLength(2500);
      expect(stderr).toBe("\r1,000 found…\r2,000 found…\r2,500 found.\n");
    } finally {
      await big.close();
    }
  });

  it("shows a query's mistakes with their fixes and sends nothing", async () => {
    const { status, stdout, stderr } = await secuq(["find", "status:approved and x"], undefined, {
      env: credentials(),
    });
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout).toBe("");
    expect(stderr).toContain("error lowercase-operator");
    expect(stderr).toContain("fix: Write AND");
  });

  it("exits 3 when the API refuses, with its message", async () => {
    const { status, stderr } = await secuq(["find", "status:approved"], undefined, {
      env: { ...credentials(), SECUCONNECT_CLIENT_SECRET: "wrong-secret" },
    });
    expect(status).toBe(EXIT.apiFailed);
    expect(stderr).toContain("Authentication failed: invalid_client");
    expect(stderr).not.toContain("wrong-secret");
  });
});

describe("secuq sandbox", () => {
  it("starts, prints how to reach it, and stops when interrupted", async () => {
    let stopped = false;
    const { status, stdout } = await secuq(["sandbox", "--records", "10"], undefined, {
      untilInterrupted: () => {
        stopped = true;
        return Promise.resolve();
      },
    });
    expect(status).toBe(EXIT.ok);
    expect(stopped).toBe(true);
    expect(stdout).toMatch(/base URL +http:\/\/127\.0\.0\.1:\d+\/api\/v2/);
    expect(stdout).toContain("10 sample Smart Transactions");
  });
});

describe("secuq demo", () => {
  it("finds transactions in the sandbox: built, typed with a mistake and fixed, sorted", async () => {
    const { status, stdout } = await secuq(["demo"]);
    expect(status).toBe(EXIT.ok);
    expect(stdout).toContain("q = status:approved AND basket_info.sum:[10000 TO *]");
    expect(stdout).toContain("fix: Write AND");
    expect(stdout).toContain("Fixed: status:failed AND payment_method:invoice");
    expect(stdout.match(/\d+ of [\d,]+ found/g)).toHaveLength(3);
  });

  it("prints what the README shows, line for line, in that order", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const shown = /`npm start` shows the main job:\n\n```\n([^]*?)```/.exec(readme)![1]!;
    // Money is printed with a no-break space before the €; the README has a plain one.
    const stdout = (await secuq(["demo"])).stdout.replaceAll("\u00a0", " ");
    let from = 0;
    for (const line of shown.split("\n").filter((text) => text !== "" && text !== "…")) {
      const at = stdout.indexOf(`${line}\n`, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
  });
});
