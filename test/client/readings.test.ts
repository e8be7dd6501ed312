import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { q } from "../../src/builder/builder.js";
import { createClient } from "../../src/client/client.js";
import type { ClientOptions } from "../../src/client/types.js";
import { QueryValidationError } from "../../src/diagnostics/errors.js";
import { startScriptedServer, type ScriptedServer } from "./scripted-server.js";

const LIST = "/api/v2/Smart/Transactions";
const TOKEN = "/oauth/token";
const ok = { status: 200, json: { count: 1, data: [{ id: "STX_1" }] } };

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
  server.script(LIST, [ok]);
});
afterEach(async () => {
  await server.close();
});

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: `${server.url}/api/v2`, token: "t-123", maxRetries: 0, ...options });
const sentQ = () => server.seen.map((seen) => seen.query.get("q"));

// The saved filters of the issue: each returns other transactions on the server than in the usual reading.
const ambiguous = [
  [
    "status:approved OR status:failed AND basket_info.sum:>10000",
    "status:failed AND basket_info.sum:{10000 TO *]",
    "status:approved OR (status:failed AND basket_info.sum:{10000 TO *])",
  ],
  [
    "status:approved AND NOT status:failed OR payment_method:paypal",
    "status:approved AND NOT status:failed",
    "(status:approved AND NOT status:failed) OR payment_method:paypal",
  ],
  [
    "NOT status:approved OR status:failed",
    "status:failed AND NOT status:approved",
    "(NOT status:approved) OR status:failed",
  ],
] as const;

describe("a text whose meaning depends on the reading", () => {
  it.each(ambiguous)(
    "%s: refused without a reading, saying what each runs; nothing is sent",
    async (text, server_, usual) => {
      const error = await client({ revealQueryValues: true })
        .smartTransactions.find({ q: text })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryValidationError);
      const { message, diagnostics } = error as QueryValidationError;
      expect(message).toContain(`The server runs: ${server_}.`);
      expect(message).toContain(`The usual reading runs: ${usual}.`);
      expect(message).toContain('reading: "server" or reading: "usual"');
      expect(diagnostics.map((d) => d.code)).toContain("ambiguous-precedence");
      expect(diagnostics.flatMap((d) => d.fixes ?? []).length).toBeGreaterThan(0);
      expect(server.seen).toEqual([]);
    },
  );

  it.each(ambiguous)("%s: with reading server, sends what the server runs", async (text, server_) => {
    await client().smartTransactions.find({ q: text, reading: "server" });
    expect(sentQ()).toEqual([server_]);
  });

  it.each(ambiguous)("%s: with reading usual, sends the usual reading", async (text, _, usual) => {
    await client().smartTransactions.find({ q: text, reading: "usual" });
    expect(sentQ()).toEqual([usual]);
  });

  it("keeps the query's values out of the refusal unless they are asked for", async () => {
    const text = 'customer.contact.email:"anna.meier@example.com" OR status:failed AND status:ok';
    const error = (await client()
      .smartTransactions.find({ q: text })
      .catch((e: unknown) => e)) as QueryValidationError;
    expect(error.message).toContain("The server runs:");
    expect(JSON.stringify(error.diagnostics) + error.message).not.toContain("anna.meier@example.com");
  });
});

describe("a text that reads the same either way, a builder, an AST", () => {
  it.each([
    ["status:approved AND basket_info.sum:>10000", "status:approved AND basket_info.sum:{10000 TO *]"],
    [
      "(status:approved OR status:failed) AND basket_info.sum:>10000",
      "(status:approved OR status:failed) AND basket_info.sum:{10000 TO *]",
    ],
    ["status:approved OR status:failed", "status:approved OR status:failed"],
  ])("%s is sent without a reading", async (text, sent) => {
    await client().smartTransactions.find({ q: text });
    expect(sentQ()).toEqual([sent]);
  });

  it("a builder needs no reading: it means what it was built as", async () => {
    const failedPaypal = q.field("status").is("failed").and(q.field("payment_method").is("paypal"));
    await client().smartTransactions.find({ q: q.field("status").is("approved").or(failedPaypal) });
    expect(sentQ()).toEqual(["status:approved OR (status:failed AND payment_method:paypal)"]);
  });
});

describe("what else find sends as meant", () => {
  it("gives back the warnings of q that do not change its meaning", async () => {
    const list = await client().smartTransactions.find({ q: "status:recieved" });
    expect(list.warnings?.map((d) => [d.code, d.fixes?.[0]?.title])).toEqual([["unknown-value", "Write received"]]);
    expect((await client().smartTransactions.find({ q: "status:received" })).warnings).toBeUndefined();
  });

  it.each([
    ["created", "created:asc"],
    ["status:asc, created:desc", "status:asc,created:desc"],
    [" created:desc ", "created:desc"],
  ])("sort %j is sent as %j", async (sort, sent) => {
    await client().smartTransactions.find({ sort });
    expect(server.seen[0]!.query.get("sort")).toBe(sent);
  });

  it("fields are sent trimmed", async () => {
    await client().smartTransactions.find({ fields: "id, status" });
    expect(server.seen[0]!.query.get("fields")).toBe("id,status");
  });
});

describe("tokens the API refuses", () => {
  it.each([
    ["401", { status: 401, json: { error: "ProductUnauthorizedException" } }],
    ["403 with code 2003", { status: 403, json: { error: "ProductNotAllowedException", code: 2003 } }],
  ])("%s: renewed once, and the request tried once more", async (_, refusal) => {
    server.script(TOKEN, [
      { status: 200, json: { access_token: "old", expires_in: 1200 } },
      { status: 200, json: { access_token: "new", expires_in: 1200 } },
    ]);
    server.script(LIST, (seen) => (seen.authorization === "Bearer new" ? ok : refusal));
    const oauth = createClient({ baseUrl: `${server.url}/api/v2`, clientId: "id-1", clientSecret: "secret-456" });
    await expect(oauth.smartTransactions.find()).resolves.toMatchObject({ count: 1 });
    expect(server.seen.filter((seen) => seen.path === LIST).map((seen) => seen.authorization)).toEqual([
      "Bearer old",
      "Bearer new",
    ]);
  });

  it("a 403 for another reason is not a token problem: no renewal", async () => {
    server.script(LIST, [{ status: 403, json: { error: "ProductNotAllowedException", code: 2005 } }]);
    await expect(client().smartTransactions.find()).rejects.toMatchObject({ status: 403, code: 2005 });
    expect(server.seen).toHaveLength(1);
  });
});

describe("get", () => {
  it("asks for one Smart Transaction by its id, encoded in the path", async () => {
    server.script(`${LIST}/STX_A%2FB`, [{ status: 200, json: { id: "STX_A/B" } }]);
    expect(await client().smartTransactions.get("STX_A/B")).toEqual({ id: "STX_A/B" });
    expect(server.seen[0]!.rawUrl).toBe("/api/v2/Smart/Transactions/STX_A%2FB");
    expect(server.seen[0]!.authorization).toBe("Bearer t-123");
  });

  it("keeps the id out of its errors, and refuses an empty id before sending", async () => {
    server.script(`${LIST}/STX_SECRET42`, [
      { status: 404, json: { error: "ProductNotFoundException", error_details: "STX_SECRET42" } },
    ]);
    const error = (await client()
      .smartTransactions.get("STX_SECRET42")
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ status: 404, error: "ProductNotFoundException" });
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("STX_SECRET42");
    await expect(client().smartTransactions.get("")).rejects.toBeInstanceOf(TypeError);
  });
});
