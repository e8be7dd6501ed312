import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";

let sandbox: Sandbox;
let origin: string;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ records: 200, seed: 9 });
  origin = new URL(sandbox.url).origin;
  token = ((await (await tokenAt("/oauth/token")).json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await sandbox.close();
});

/** A token request to `path` with the sandbox's credentials. */
const tokenAt = (path: string) =>
  fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "client_credentials",
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
    }),
  });
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe("the sandbox's HTTP, as the API's", () => {
  it.each([
    ["POST //oauth/token (as the JavaScript SDK asks)", "//oauth/token"],
    ["POST /oauth/token/", "/oauth/token/"],
  ])("%s issues a token", async (_, path) => {
    const answer = await tokenAt(path);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ token_type: "bearer", scope: null });
  });

  it.each(["/api/v2/Smart/Transactions/", "/api/v2//Smart/Transactions", "//api/v2/Smart/Transactions?count=1"])(
    "GET %s is the list",
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ count: 200 });
    },
  );

  it("names the exception in the status line", async () => {
    const answer = await get("/api/v2/Smart/Transactions?count=x");
    expect([answer.status, answer.statusText]).toEqual([400, "ProductFormatException"]);
  });

  it("refuses offset inside a scroll, as Elasticsearch refuses from", async () => {
    const answer = await get("/api/v2/Smart/Transactions?scroll_expire=1m&offset=10");
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error_details: string }).error_details).toContain(
      "using [from] is not allowed in a scroll context",
    );
  });

  it.each(["90s", "2m", "1d", "5000ms"])("takes scroll_expire=%s in Elasticsearch's units", async (expire) => {
    expect((await get(`/api/v2/Smart/Transactions?count=1&scroll_expire=${expire}`)).status).toBe(200);
  });

  it("sorts a field without a direction ascending, and trims spaces around entries", async () => {
    const sorted = async (sort: string) =>
      (
        (await (
          await get(`/api/v2/Smart/Transactions?count=200&fields=id&sort=${encodeURIComponent(sort)}`)
        ).json()) as {
          data: { id: string }[];
        }
      ).data.map((record) => record.id);
    const ascending = await sorted("created:asc");
    expect(await sorted("created")).toEqual(ascending);
    expect(await sorted(" status:asc, created:desc ")).toEqual(await sorted("status:asc,created:desc"));
    expect(ascending).not.toEqual(await sorted("created:desc"));
  });

  it("lets a page on another localhost origin call it (CORS), and no other origin", async () => {
    const preflight = await fetch(`${sandbox.url}/Smart/Transactions`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const answer = await get("/api/v2/Smart/Transactions?count=1", { origin: "http://127.0.0.1:3000" });
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    const elsewhere = await get("/api/v2/Smart/Transactions?count=1", { origin: "https://example.com" });
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});
