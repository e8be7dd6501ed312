import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { q } from "../../src/builder/builder.js";
import { createClient } from "../../src/client/client.js";
import {
  AuthenticationError,
  NetworkError,
  RequestTooLongError,
  SecuconnectApiError,
  TimeoutError,
} from "../../src/client/errors.js";
import type { ClientOptions } from "../../src/client/types.js";
import { QueryValidationError } from "../../src/diagnostics/errors.js";
import { startScriptedServer, type ScriptedServer } from "./scripted-server.js";

const LIST = "/api/v2/Smart/Transactions";
const TOKEN = "/oauth/token";
const ok = (data: unknown[] = [{ id: "STX_1" }], count = data.length) => ({ status: 200, json: { count, data } });

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

/** A client of the scripted server; `token: undefined` leaves the default token out (for OAuth). */
const client = (options: { [K in keyof ClientOptions]?: ClientOptions[K] | undefined } = {}) => {
  const merged = Object.entries({ baseUrl: `${server.url}/api/v2`, token: "secret-token-123", ...options });
  return createClient(Object.fromEntries(merged.filter(([, value]) => value !== undefined)));
};
const requests = (path = LIST) => server.seen.filter((seen) => seen.path === path);

/** Everything an error carries that could reach a log: message, stack, properties, cause. */
const everything = (error: unknown): string =>
  [String(error), (error as Error).stack, JSON.stringify(error), JSON.stringify((error as Error).cause)].join("\n");

describe("find", () => {
  it("sends the query in canonical form with the token, and answers the list", async () => {
    server.script(LIST, [ok([{ id: "STX_1" }, { id: "STX_2" }], 42)]);
    const list = await client().smartTransactions.find({
      q: "status:approved OR status:received AND basket_info.sum:>=1000",
      reading: "usual",
      count: 2,
      offset: 4,
      sort: [["created", "desc"]],
      fields: ["id", "status"],
    });
    expect(list).toMatchObject({ count: 42, data: [{ id: "STX_1" }, { id: "STX_2" }] });
    expect(list.warnings?.map((d) => d.code)).toEqual(["ambiguous-precedence"]);
    const [seen] = requests();
    expect(seen!.authorization).toBe("Bearer secret-token-123");
    expect(Object.fromEntries(seen!.query)).toEqual({
      q: "status:approved OR (status:received AND basket_info.sum:[1000 TO *])",
      count: "2",
      offset: "4",
      sort: "created:desc",
      fields: "id,status",
    });
  });

  it("takes a builder or an AST as q", async () => {
    server.script(LIST, [ok()]);
    await client().smartTransactions.find({ q: q.field("status").is("approved") });
    expect(requests()[0]!.query.get("q")).toBe("status:approved");
  });

  it("refuses a query with an error before sending anything", async () => {
    await expect(client().smartTransactions.find({ q: "status:approved and x" })).rejects.toBeInstanceOf(
      QueryValidationError,
    );
    await expect(client().smartTransactions.find({ sort: "created:down" })).rejects.toBeInstanceOf(
      QueryValidationError,
    );
    expect(server.seen).toEqual([]);
  });

  it("refuses a URL longer than servers take, saying how long", async () => {
    const many = Array.from({ length: 600 }, (_, i) => `transactionRef:TX${i}`).join(" OR ");
    const error = await client()
      .smartTransactions.find({ q: many })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTooLongError);
    expect((error as Error).message).toMatch(/\d+ characters long; servers refuse more than 8192/);
    expect(server.seen).toEqual([]);
  });
});

describe("retries", () => {
  it("tries again after 503", async () => {
    server.script(LIST, [{ status: 503, json: {} }, ok()]);
    expect((await client().smartTransactions.find()).data).toHaveLength(1);
    expect(requests()).toHaveLength(2);
  });

  it("waits as long as Retry-After asks after 429", async () => {
    server.script(LIST, [{ status: 429, json: {}, headers: { "retry-after": "1" } }, ok()]);
    const started = Date.now();
    await client().smartTransactions.find();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("fails at once when Retry-After asks for more than a minute", async () => {
    server.script(LIST, [{ status: 429, json: { error: "ProductException" }, headers: { "retry-after": "3600" } }]);
    await expect(client().smartTransactions.find()).rejects.toMatchObject({ name: "SecuconnectApiError", status: 429 });
    expect(requests()).toHaveLength(1);
  });

  it("does not retry a 400", async () => {
    server.script(LIST, [{ status: 400, json: { error: "ProductFormatException", error_details: "bad" } }]);
    await expect(client().smartTransactions.find()).rejects.toMatchObject({ status: 400 });
    expect(requests()).toHaveLength(1);
  });

  it("gives up after maxRetries", async () => {
    server.script(LIST, [{ status: 502, json: {} }]);
    await expect(client({ maxRetries: 1 }).smartTransactions.find()).rejects.toMatchObject({ status: 502 });
    expect(requests()).toHaveLength(2);
  });

  it("stops waiting at once when aborted, and sends nothing more", async () => {
    server.script(LIST, [{ status: 503, json: {} }]);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 100);
    const started = Date.now();
    const error = await client({ maxRetries: 5 })
      .smartTransactions.find({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(2000);
    const sent = requests().length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(requests()).toHaveLength(sent);
  });
});

describe("failures", () => {
  it("a hang is a TimeoutError", async () => {
    server.script(LIST, [{ hang: true }]);
    const error = await client({ timeoutMs: 200, maxRetries: 0 })
      .smartTransactions.find()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", code: "ERR_SECUCONNECT_TIMEOUT" });
  });

  it("a connection reset is a NetworkError, and is retried", async () => {
    server.script(LIST, [{ reset: true }]);
    const error = await client({ maxRetries: 0 })
      .smartTransactions.find()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    server.script(LIST, [{ reset: true }, ok()]);
    expect((await client({ maxRetries: 1 }).smartTransactions.find()).data).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", { status: 200, text: "{not json" }],
    ["an HTML error page", { status: 502, text: "<html><body>Bad Gateway</body></html>" }],
  ])("%s is a SecuconnectApiError, never a SyntaxError", async (_, reply) => {
    server.script(LIST, [reply]);
    const error = await client({ maxRetries: 0 })
      .smartTransactions.find()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecuconnectApiError);
    expect(error).toMatchObject({ error: "InvalidResponse", status: reply.status });
  });

  it("reads the API's error payload", async () => {
    server.script(LIST, [
      {
        status: 403,
        json: {
          status: "error",
          error: "ProductNotAllowedException",
          error_details: "Valid auth token required",
          error_user: "Gültiges Token erforderlich",
          code: 2003,
          supportId: "abc123",
        },
      },
    ]);
    const error = await client()
      .smartTransactions.find()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "SecuconnectApiError",
      status: 403,
      error: "ProductNotAllowedException",
      errorDetails: "Valid auth token required",
      errorUser: "Gültiges Token erforderlich",
      code: 2003,
      supportId: "abc123",
      message: "ProductNotAllowedException (403): Valid auth token required — GET /Smart/Transactions",
    });
  });

  it("no error holds the token, the client secret or a value of the query", async () => {
    const email = "anna.meier@example.com";
    const card = "4111111111111111";
    server.script(TOKEN, [{ status: 200, json: { access_token: "oauth-token-xyz", expires_in: 1200 } }]);
    server.script(LIST, (seen) => ({
      status: 400,
      json: {
        error: "ProductFormatException",
        error_details: `Cannot search ${seen.query.get("q")} with oauth-token-xyz`,
        error_user: `${email} ${card}`,
      },
    }));
    const oauth = client({ token: undefined, clientId: "id-1", clientSecret: "client-secret-456" });
    const error = await oauth.smartTransactions
      .find({ q: `customer.contact.email:"${email}" OR transactionRef:${card}` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecuconnectApiError);
    for (const secret of [email, card, "oauth-token-xyz", "client-secret-456"]) {
      expect(everything(error)).not.toContain(secret);
    }
    server.script(LIST, [{ reset: true }]);
    const network = await oauth.smartTransactions
      .find({ q: `customer.contact.email:"${email}"` })
      .catch((e: unknown) => e);
    expect(network).toBeInstanceOf(NetworkError);
    for (const secret of [email, "oauth-token-xyz", "client-secret-456"]) {
      expect(everything(network)).not.toContain(secret);
    }
  });
});

describe("OAuth tokens", () => {
  const oauth = () => client({ token: undefined, clientId: "id-1", clientSecret: "client-secret-456" });

  it("asks once for concurrent requests, and caches the token", async () => {
    server.script(TOKEN, [{ status: 200, json: { access_token: "t1", expires_in: 1200 } }]);
    server.script(LIST, [ok()]);
    const c = oauth();
    await Promise.all(Array.from({ length: 5 }, () => c.smartTransactions.find()));
    await c.smartTransactions.find();
    expect(requests(TOKEN)).toHaveLength(1);
    expect(JSON.parse(requests(TOKEN)[0]!.body)).toEqual({
      grant_type: "client_credentials",
      client_id: "id-1",
      client_secret: "client-secret-456",
    });
    expect(requests().every((seen) => seen.authorization === "Bearer t1")).toBe(true);
  });

  it("renews an expired token once after 401 and tries again", async () => {
    server.script(TOKEN, [
      { status: 200, json: { access_token: "old", expires_in: 1200 } },
      { status: 200, json: { access_token: "new", expires_in: 1200 } },
    ]);
    server.script(LIST, (seen) => (seen.authorization === "Bearer new" ? ok() : { status: 401, json: {} }));
    expect((await oauth().smartTransactions.find()).data).toHaveLength(1);
    expect(requests().map((seen) => seen.authorization)).toEqual(["Bearer old", "Bearer new"]);
  });

  it("a revoked token: one renewal, then the 401 is the error", async () => {
    server.script(TOKEN, (seen) => ({ status: 200, json: { access_token: `t${seen.body.length}`, expires_in: 1200 } }));
    server.script(LIST, [{ status: 401, json: { error: "ProductUnauthorizedException" } }]);
    await expect(oauth().smartTransactions.find()).rejects.toMatchObject({ status: 401 });
    expect(requests()).toHaveLength(2);
  });

  it("bad credentials are an AuthenticationError", async () => {
    server.script(TOKEN, [{ status: 400, json: { error: "invalid_client", error_description: "Client unknown" } }]);
    const error = await oauth()
      .smartTransactions.find()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: "ERR_SECUCONNECT_AUTHENTICATION", error: "invalid_client" });
    expect(requests()).toEqual([]);
  });
});

describe("createClient", () => {
  it.each([
    ["neither environment nor baseUrl", { token: "t" }],
    ["both", { environment: "production", baseUrl: "https://x.example/api/v2", token: "t" }],
    ["http: on a public host", { baseUrl: "http://connect.secucard.com/api/v2", token: "t" }],
    ["no credentials", { environment: "production" }],
    ["a token and client credentials", { environment: "production", token: "t", clientId: "a", clientSecret: "b" }],
    ["a client id without a secret", { environment: "production", clientId: "a" }],
  ])("refuses %s", (_, options) => {
    expect(() => createClient(options as ClientOptions)).toThrow(TypeError);
  });
});

describe("findAll", () => {
  /** A server holding `total` records, answering offsets within the window and scrolls beyond it. */
  const dataset = (total: number) => {
    let scrollAt = 0;
    server.script(LIST, (seen) => {
      const count = Number(seen.query.get("count") ?? 20);
      if (seen.query.has("offset")) {
        const offset = Number(seen.query.get("offset"));
        if (offset + count > 10_000) return { status: 400, json: { error: "ProductFormatException" } };
        const data = Array.from({ length: Math.max(0, Math.min(count, total - offset)) }, (_, i) => ({
          id: `STX_${offset + i}`,
        }));
        return { status: 200, json: { count: total, data } };
      }
      if (!seen.query.has("scroll_id")) scrollAt = 0;
      const data = Array.from({ length: Math.max(0, Math.min(count, total - scrollAt)) }, (_, i) => ({
        id: `STX_${scrollAt + i}`,
      }));
      scrollAt += data.length;
      return { status: 200, json: { count: total, data, scroll_id: `scroll-${scrollAt}` } };
    });
  };

  it("pages by offset within the window: each record once, in order", async () => {
    dataset(950);
    const ids: string[] = [];
    for await (const record of client().smartTransactions.findAll({ count: 100 })) ids.push(record.id!);
    expect(ids).toEqual(Array.from({ length: 950 }, (_, i) => `STX_${i}`));
    expect(requests().every((seen) => seen.query.has("offset"))).toBe(true);
  });

  it("scrolls from the start beyond the 10,000 window, always with the latest scroll id", async () => {
    dataset(25_000);
    const ids = new Set<string>();
    let yielded = 0;
    for await (const record of client().smartTransactions.findAll({ count: 1000 })) {
      ids.add(record.id!);
      yielded++;
    }
    expect(yielded).toBe(25_000);
    expect(ids.size).toBe(25_000);
    const scrolls = requests().filter((seen) => seen.query.has("scroll_id"));
    expect(scrolls.map((seen) => seen.query.get("scroll_id"))).toEqual(
      Array.from({ length: 25 }, (_, i) => `scroll-${(i + 1) * 1000}`),
    );
  });

  it("keeps sort and fields on every page, by offset and by scroll", async () => {
    dataset(25_000);
    const ids = new Set<string>();
    for await (const record of client().smartTransactions.findAll({
      count: 5000,
      sort: "created:desc",
      fields: "id",
    })) {
      ids.add(record.id!);
      if (ids.size === 15_000) break;
    }
    expect(requests().length).toBeGreaterThan(3);
    for (const seen of requests()) {
      expect([seen.query.get("sort"), seen.query.get("fields")]).toEqual(["created:desc", "id"]);
    }
  });

  it("stops on break and sends nothing more; limit caps the total", async () => {
    dataset(5000);
    for await (const record of client().smartTransactions.findAll({ count: 100 })) {
      if (record.id === "STX_150") break;
    }
    expect(requests()).toHaveLength(2);
    const limited: string[] = [];
    for await (const record of client().smartTransactions.findAll({ count: 100, limit: 250 })) limited.push(record.id!);
    expect(limited).toHaveLength(250);
  });
});
