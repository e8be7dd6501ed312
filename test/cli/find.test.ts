import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { filter } from "../../src/evaluate/matches.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { startScriptedServer } from "../client/scripted-server.js";
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
    expect(stdout).toMatch(/^id +created +status +basket_info\.sum +customer\.contact \(name\)\n/);
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
    expect(lines[0]).toMatch(/^id +created +status +basket_info\.sum +customer\.contact \(name\)$/);
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

describe("secuq find: mistakes in the command line or the configuration", () => {
  it.each([
    [
      "an unknown SECUCONNECT_ENV",
      { SECUCONNECT_TOKEN: "t-1", SECUCONNECT_ENV: "nope" },
      "SECUCONNECT_ENV must be one of",
    ],
    ["a client id without a secret", { SECUCONNECT_CLIENT_ID: "id" }, "SECUCONNECT_CLIENT_SECRET is not set"],
    ["a secret without a client id", { SECUCONNECT_CLIENT_SECRET: "s3cret" }, "SECUCONNECT_CLIENT_ID is not set"],
    ["a token and client credentials", { SECUCONNECT_TOKEN: "t", SECUCONNECT_CLIENT_ID: "i" }, "not both"],
    ["http: on a public host", { SECUCONNECT_TOKEN: "t", SECUCONNECT_BASE_URL: "http://example.com/api/v2" }, "https:"],
    ["a malformed base URL", { SECUCONNECT_TOKEN: "t", SECUCONNECT_BASE_URL: "https//user:pw@x" }, "not a URL"],
  ])("%s: exit 2 and one line saying what to fix", async (_, env, message) => {
    const { status, stderr } = await secuq(["find", "status:approved"], undefined, { env });
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain("internal error");
    expect(stderr).not.toContain("pw@");
    expect(stderr.trim().split("\n")).toHaveLength(2);
  });

  it.each([
    [["--offset", "99999999999999999999"], "--offset must be a whole number ≥ 0"],
    [["--offset", "9990", "--count", "20"], "use --all to read every match"],
    [["--count", "10001"], "use --all to read every match"],
    [["--limit", "5"], "--limit applies with --all"],
    [["--all", "--offset", "5"], "--offset does not apply with --all"],
    [["--json", "--csv"], "--json and --csv do not go together"],
    [["--colour"], "Unknown option --colour\nRun secuq find --help for usage."],
    [["--count"], "--count needs a value"],
  ])("%j: exit 2, saying what to fix", async (options, message) => {
    const { status, stderr } = await secuq(["find", "status:approved", ...options], undefined, { env: credentials() });
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it("shows a --sort mistake against the option's text, with the corrected option, and exits 2", async () => {
    const { status, stderr } = await secuq(["find", "--sort", "created:down", "status:approved"], undefined, {
      env: credentials(),
    });
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain('--sort "created:down" is not valid');
    expect(stderr).toContain("  | created:down\n  |         ^^^^");
    expect(stderr).toContain("did you mean: --sort created:desc");
  });

  it("shows did you mean for a query with mistakes, as validate does", async () => {
    const { stderr } = await secuq(["find", "status:aproved and basket_info.sum=5"], undefined, { env: credentials() });
    expect(stderr).toContain("did you mean: status:approved AND basket_info.sum:5");
  });
});

describe("secuq find: a query whose meaning depends on the reading", () => {
  const text = "status:approved OR status:failed AND basket_info.sum:>10000";

  it("is shown with both meanings and sent only with --reading", async () => {
    const refused = await secuq(["find", text], undefined, { env: credentials() });
    expect(refused.status).toBe(EXIT.invalidQuery);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("warning ambiguous-precedence");
    expect(refused.stderr).toContain("the server runs: status:failed AND basket_info.sum:{10000 TO *]");
    expect(refused.stderr).toContain(
      "the usual reading runs: status:approved OR (status:failed AND basket_info.sum:{10000 TO *])",
    );
    const asServer = await secuq(["find", "--json", "--reading", "server", text], undefined, { env: credentials() });
    const asUsual = await secuq(["find", "--json", "--reading", "usual", text], undefined, { env: credentials() });
    const count = (stdout: string) => (JSON.parse(stdout) as { count: number }).count;
    expect(count(asServer.stdout)).toBe(filter(sandbox.records, text, { reading: "server", schema }).length);
    expect(count(asUsual.stdout)).toBe(filter(sandbox.records, text, { reading: "usual", schema }).length);
    expect(count(asServer.stdout)).not.toBe(count(asUsual.stdout));
  });

  it.each(["+status:approved -payment_method:invoice", "status:approved payment_method:paypal", "status:appr~"])(
    "with --reading server, sends %s, which only the server's syntax writes, and says what secuq makes of it",
    async (q) => {
      const refused = await secuq(["find", "--json", q], undefined, { env: credentials() });
      expect(refused.status).toBe(EXIT.invalidQuery);
      const sent = await secuq(["find", "--json", "--reading", "server", q], undefined, { env: credentials() });
      expect(sent.status, sent.stderr).toBe(EXIT.ok);
      expect(sent.stderr).toContain("warning");
      const count = (JSON.parse(sent.stdout) as { count: number }).count;
      expect(count).toBe(filter(sandbox.records, q, { reading: "server", schema }).length);
    },
  );

  it("--reading takes server or usual", async () => {
    const { status, stderr } = await secuq(["find", "--reading", "lucene", text]);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain('--reading is server or usual, not "lucene"');
  });
});

describe("secuq find: what it prints", () => {
  it("shows the --fields as the table's columns", async () => {
    const { stdout } = await secuq(
      ["find", "--count", "2", "--fields", "id,status,payment_method", "_exists_:id"],
      undefined,
      {
        env: credentials(),
      },
    );
    const [header, first] = stdout.split("\n");
    expect(header).toMatch(/^id +status +payment_method$/);
    expect(first).toMatch(/^STX_\w+ +\w+ +\w+$/);
  });

  it("writes CSV for a spreadsheet: a header, one line per record, raw values", async () => {
    const { status, stdout } = await secuq(
      ["find", "--csv", "--count", "3", "--fields", "id,basket_info.sum", "_exists_:id"],
      undefined,
      {
        env: credentials(),
      },
    );
    expect(status).toBe(EXIT.ok);
    const lines = stdout.split("\r\n");
    expect(lines[0]).toBe("id,basket_info.sum");
    expect(lines.slice(1, 4).every((line) => /^STX_\w+,\d+$/.test(line))).toBe(true);
    expect(lines[4]).toBe("");
    const all = await secuq(["find", "--csv", "--all", "--limit", "30", "_exists_:id"], undefined, {
      env: credentials(),
    });
    expect(all.stdout.split("\r\n")).toHaveLength(1 + 30 + 1);
  });

  it("exits 3 when the network fails, naming the host and the reason, never the query", async () => {
    const closed = await startScriptedServer();
    await closed.close();
    const { status, stderr } = await secuq(["find", 'customer.contact.email:"anna@example.com"'], undefined, {
      env: { SECUCONNECT_BASE_URL: `${closed.url}/api/v2`, SECUCONNECT_TOKEN: "t-1" },
    });
    expect(status).toBe(EXIT.apiFailed);
    expect(stderr).toContain(
      `GET /Smart/Transactions to ${new URL(closed.url).host} (ECONNREFUSED: the connection was refused)`,
    );
    expect(stderr).not.toContain("anna@example.com");
  }, 30_000);

  it("stops fetching pages when its output is closed", async () => {
    const server = await startScriptedServer();
    try {
      server.script("/api/v2/Smart/Transactions", (seen) => {
        const offset = Number(seen.query.get("offset"));
        const data = Array.from({ length: 100 }, (_, i) => ({ id: `STX_${offset + i}` }));
        return { status: 200, json: { count: 5000, data } };
      });
      const closed = new AbortController();
      let lines = 0;
      const { status } = await secuq(["find", "--all", "--count", "100", "_exists_:id"], undefined, {
        env: { SECUCONNECT_BASE_URL: `${server.url}/api/v2`, SECUCONNECT_TOKEN: "t-1" },
        stdout: () => {
          if (++lines === 150) closed.abort();
        },
        stdoutClosed: closed.signal,
      });
      expect(status).toBe(EXIT.ok);
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe("secuq sandbox", () => {
  it("exits 4 with one line when its port is in use", async () => {
    const busy = await startSandbox({ records: 1 });
    const port = new URL(busy.url).port;
    try {
      const { status, stderr } = await secuq(["sandbox", "--records", "1", "--port", port]);
      expect(status).toBe(EXIT.cannotListen);
      expect(stderr).toBe(
        `secuq: The sandbox cannot listen on 127.0.0.1:${port} (EADDRINUSE: the port is in use; choose another, ` +
          "or leave it out for any free one)\n",
      );
    } finally {
      await busy.close();
    }
  });

  it("refuses a port that is no port as a usage mistake", async () => {
    const { status, stderr } = await secuq(["sandbox", "--port", "99999"]);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain("--port must be a whole number from 0 to 65535");
  });

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
