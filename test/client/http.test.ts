import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/client/client.js";
import {
  AuthenticationError,
  NetworkError,
  ResponseTooLargeError,
  SecuconnectApiError,
  TimeoutError,
} from "../../src/client/errors.js";
import type { ClientOptions } from "../../src/client/types.js";
import { startScriptedServer, type ScriptedServer } from "./scripted-server.js";

const LIST = "/api/v2/Smart/Transactions";
const TOKEN = "/oauth/token";
const ok = { status: 200, json: { count: 1, data: [{ id: "STX_1" }] } };

// The API's server, and another origin (another loopback port) that records everything it is sent.
let server: ScriptedServer;
let other: ScriptedServer;
beforeEach(async () => {
  [server, other] = await Promise.all([startScriptedServer(), startScriptedServer()]);
});
afterEach(async () => {
  await Promise.all([server.close(), other.close()]);
});

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: `${server.url}/api/v2`, token: "secret-token-123", maxRetries: 0, ...options });
const oauth = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: `${server.url}/api/v2`, clientId: "id-1", clientSecret: "client-secret-456", ...options });
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );
const waitFor = async (condition: () => boolean, ms = 5000): Promise<void> => {
  for (const end = Date.now() + ms; !condition() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
};

describe("bounded bodies", () => {
  it("an endless body fails with ResponseTooLargeError once past the limit, and the connection is closed", async () => {
    server.script(LIST, [{ endless: true }]);
    const error = await failure(client({ maxResponseBytes: 1024 * 1024 }).smartTransactions.find());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: "ERR_SECUCONNECT_RESPONSE_TOO_LARGE", limit: 1024 * 1024 });
    await waitFor(() => server.streamed.closed === 1);
    expect(server.streamed.closed).toBe(1);
    // The server stops being read: it cannot push more than the socket buffers hold past the limit.
    const written = server.streamed.bytes;
    await new Promise((r) => setTimeout(r, 200));
    expect(server.streamed.bytes).toBe(written);
  });

  it("a declared length past the limit is refused before the body is read", async () => {
    server.script(LIST, [{ status: 200, text: "x".repeat(200_000), headers: { "content-length": "200000" } }]);
    await expect(client({ maxResponseBytes: 100_000 }).smartTransactions.find()).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it("a body within the limit is read whole", async () => {
    server.script(LIST, [ok]);
    await expect(client({ maxResponseBytes: 1000 }).smartTransactions.find()).resolves.toMatchObject({ count: 1 });
  });

  it("the token endpoint's answer is bounded too", async () => {
    server.script(TOKEN, [{ endless: true }]);
    const error = await failure(oauth({ maxResponseBytes: 256 * 1024, maxRetries: 0 }).smartTransactions.find());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toContain("POST /oauth/token");
  });

  it("a body that drips slower than the timeout is a TimeoutError", async () => {
    server.script(LIST, [{ dripMs: 50 }]);
    await expect(client({ timeoutMs: 300 }).smartTransactions.find()).rejects.toBeInstanceOf(TimeoutError);
  });

  it.each([0, -1, Number.NaN])("maxResponseBytes %s is refused", (maxResponseBytes) => {
    expect(() => client({ maxResponseBytes })).toThrow(TypeError);
  });
});

describe("redirects", () => {
  it.each([301, 302, 307, 308])("the token request is not followed after %i: nothing is re-sent", async (status) => {
    server.script(TOKEN, [{ status, json: {}, headers: { location: `${other.url}/oauth/token` } }]);
    other.script(TOKEN, [{ status: 200, json: { access_token: "foreign-token", expires_in: 1200 } }]);
    const error = await failure(oauth().smartTransactions.find());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain(String(status));
    expect(other.seen).toEqual([]);
    expect(server.seen.filter((seen) => seen.path === LIST)).toEqual([]);
  });

  it("an API request is refused a redirect to another origin, and the token goes nowhere else", async () => {
    server.script(LIST, [{ status: 302, json: {}, headers: { location: `${other.url}${LIST}?q=x` } }]);
    other.script(LIST, [ok]);
    const error = await failure(client().smartTransactions.find({ q: "status:approved" }));
    expect(error).toBeInstanceOf(SecuconnectApiError);
    expect(error).toMatchObject({ status: 302, error: "RedirectRefused" });
    expect(other.seen).toEqual([]);
  });

  it("an API request follows a redirect within its origin, with its token", async () => {
    server.script(LIST, [{ status: 307, json: {}, headers: { location: "/api/v2/Smart/Transactions2?q=moved" } }]);
    server.script("/api/v2/Smart/Transactions2", [ok]);
    await expect(client().smartTransactions.find()).resolves.toMatchObject({ count: 1 });
    expect(server.seen.map((seen) => [seen.path, seen.authorization])).toEqual([
      [LIST, "Bearer secret-token-123"],
      ["/api/v2/Smart/Transactions2", "Bearer secret-token-123"],
    ]);
  });

  it("a redirect loop stops", async () => {
    server.script(LIST, [{ status: 302, json: {}, headers: { location: LIST } }]);
    await expect(client().smartTransactions.find()).rejects.toMatchObject({ error: "TooManyRedirects" });
    expect(server.seen.length).toBeLessThanOrEqual(6);
  });
});

describe("aborts", () => {
  it("an already-aborted signal rejects at once with its reason, and nothing is sent", async () => {
    server.script(LIST, [ok]);
    const reason = new Error("stopped by the caller");
    const error = await failure(client().smartTransactions.find({ signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    const iteration = client().smartTransactions.findAll({ signal: AbortSignal.abort(reason) });
    await expect(iteration[Symbol.asyncIterator]().next()).rejects.toBe(reason);
    expect(server.seen).toEqual([]);
  });

  it("an abort during findAll ends the iteration at once, and no page is asked for after it", async () => {
    server.script(LIST, (seen) => {
      const offset = Number(seen.query.get("offset"));
      const data = Array.from({ length: 100 }, (_, i) => ({ id: `STX_${offset + i}` }));
      return { status: 200, json: { count: 5000, data } };
    });
    const controller = new AbortController();
    let read = 0;
    const error = await failure(
      (async () => {
        for await (const record of client().smartTransactions.findAll({ count: 100, signal: controller.signal })) {
          expect(record.id).toBe(`STX_${read}`);
          if (++read === 250) controller.abort();
        }
      })(),
    );
    expect((error as Error).name).toBe("AbortError");
    expect(read).toBe(250);
    expect(server.seen).toHaveLength(3);
  });

  it("one caller's abort fails only that caller's wait for the shared token", async () => {
    server.script(TOKEN, (seen) => ({ status: 200, json: { access_token: `t${seen.body.length}`, expires_in: 1200 } }));
    // The token comes late: every caller waits for the one request.
    let release: () => void = () => undefined;
    const late = new Promise<void>((resolve) => (release = resolve));
    const fetchWithLateToken: typeof fetch = async (input, init) => {
      if (typeof input === "string" && input.endsWith(TOKEN)) await late;
      return fetch(input, init);
    };
    server.script(LIST, [ok]);
    const shared = oauth({ fetch: fetchWithLateToken });
    const controller = new AbortController();
    const first = failure(shared.smartTransactions.find({ signal: controller.signal }));
    const second = shared.smartTransactions.find();
    controller.abort();
    expect(((await first) as Error).name).toBe("AbortError");
    release();
    await expect(second).resolves.toMatchObject({ count: 1 });
    expect(server.seen.filter((seen) => seen.path === TOKEN)).toHaveLength(1);
  });
});

describe("network failures", () => {
  it("name the host and the reason, never the query", async () => {
    const closed = await startScriptedServer();
    const url = closed.url;
    await closed.close();
    const error = await failure(
      createClient({ baseUrl: `${url}/api/v2`, token: "t-123", maxRetries: 0 }).smartTransactions.find({
        q: 'customer.contact.email:"anna.meier@example.com"',
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ reason: "ECONNREFUSED" });
    expect((error as Error).message).toBe(
      `The request failed before an answer came: GET /Smart/Transactions to ${new URL(url).host} ` +
        "(ECONNREFUSED: the connection was refused)",
    );
  });
});

describe("findAll page sizes", () => {
  it.each([0, -5, 1.5])("count %s is a TypeError", async (count) => {
    const iteration = client().smartTransactions.findAll({ count });
    await expect(iteration[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(TypeError);
    expect(server.seen).toEqual([]);
  });

  it("count above 10,000 is capped at the most the server answers at once", async () => {
    server.script(LIST, [{ status: 200, json: { count: 0, data: [] } }]);
    const found = [];
    for await (const record of client().smartTransactions.findAll({ count: 50_000 })) found.push(record);
    expect(found).toEqual([]);
    expect(server.seen[0]!.query.get("count")).toBe("10000");
  });
});
