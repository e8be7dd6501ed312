import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxListenError, startSandbox, type Sandbox } from "../../src/sandbox/server.js";

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ records: 300, seed: 3 });
  token = ((await tokenRequest(JSON.stringify(credentials())).then((r) => r.json())) as { access_token: string })
    .access_token;
});
afterAll(async () => {
  await sandbox.close();
});

const credentials = (of: Sandbox = sandbox) => ({
  grant_type: "client_credentials",
  client_id: of.clientId,
  client_secret: of.clientSecret,
});
const tokenRequest = (body: string, of: Sandbox = sandbox, headers: Record<string, string> = {}) =>
  fetch(new URL("/oauth/token", of.url), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const search = async (query: Record<string, string>, of: Sandbox = sandbox, bearer = `Bearer ${token}`) => {
  const response = await fetch(`${of.url}/Smart/Transactions?${new URLSearchParams(query)}`, {
    headers: { authorization: bearer },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("the sandbox's limits", () => {
  it("refuses a scroll_expire beyond 24 hours, as Elasticsearch's search.max_keep_alive does", async () => {
    for (const expire of ["25h", "1441m", "99999999999999999999h"]) {
      const { status, body } = await search({ q: "status:approved", scroll_expire: expire });
      expect(status).toBe(400);
      expect(body.error_details).toContain("It must be less than (1d)");
    }
    expect((await search({ q: "status:approved", scroll_expire: "24h" })).status).toBe(200);
  });

  it("refuses a scroll page above 10,000 with Elasticsearch's error", async () => {
    const { status, body } = await search({ count: "1000000000", scroll_expire: "1m" });
    expect(status).toBe(400);
    expect(body.error_details).toContain("Batch size is too large, size must be less than or equal to: [10000]");
  });

  it("caps the open scroll contexts, with Elasticsearch's error past the cap", async () => {
    const small = await startSandbox({ records: 10, maxScrollContexts: 3 });
    const bearer = `Bearer ${((await (await tokenRequest(JSON.stringify(credentials(small)), small)).json()) as { access_token: string }).access_token}`;
    for (let i = 0; i < 3; i++) expect((await search({ scroll_expire: "1m" }, small, bearer)).status).toBe(200);
    const { status, body } = await search({ scroll_expire: "1m" }, small, bearer);
    expect(status).toBe(400);
    expect(body.error_details).toContain("Trying to create too many scroll contexts");
    await small.close();
  });

  it("lets a scroll context go when it expires, unasked", async () => {
    const first = await search({ count: "1", scroll_expire: "1s" });
    await new Promise((resolve) => setTimeout(resolve, 2300));
    const again = await search({ scroll_id: String(first.body.scroll_id) });
    expect(again.status).toBe(404);
  });

  it("takes the Bearer scheme in any case", async () => {
    expect((await search({ count: "1" }, sandbox, `bearer ${token}`)).status).toBe(200);
    expect((await search({ count: "1" }, sandbox, `BEARER ${token}`)).status).toBe(200);
    expect((await search({ count: "1" }, sandbox, `Basic ${token}`)).status).toBe(401);
  });

  it.each(["null", "[]", '"text"', "42"])("answers a token body of %s with 400 invalid_request", async (body) => {
    const response = await tokenRequest(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("answers a token body over 64 KiB with 413 before reading it", async () => {
    const declared = await tokenRequest("x".repeat(200 * 1024));
    expect(declared.status).toBe(413);
    // Without a declared length (chunked), the body is cut off as it passes the limit.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 1000) controller.enqueue(new Uint8Array(64 * 1024));
        else controller.close();
      },
    });
    const response = await fetch(new URL("/oauth/token", sandbox.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    // The sandbox answers 413 and closes the connection; the client may see either, and far fewer chunks were read.
    expect(sent).toBeLessThan(1000);
    if (response instanceof Response) expect(response.status).toBe(413);
    else expect(response).toBeInstanceOf(Error);
  });
});

describe("startSandbox on a port it cannot have", () => {
  it("rejects with SandboxListenError when the port is in use", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as AddressInfo;
    const error = await startSandbox({ records: 1, port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxListenError);
    expect(error).toMatchObject({ reason: "EADDRINUSE", port, code: "ERR_SECUQ_SANDBOX_LISTEN" });
    await new Promise((resolve) => busy.close(resolve));
  });

  it("rejects with SandboxListenError for a number that is no port", async () => {
    await expect(startSandbox({ records: 1, port: 99999 })).rejects.toMatchObject({
      name: "SandboxListenError",
      reason: "ERR_SOCKET_BAD_PORT",
    });
  });
});

describe("soak: 10,000 abandoned scroll contexts", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heap = (): number => {
    gc();
    gc();
    // Typed arrays keep their bytes outside the JavaScript heap.
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };

  it("holds them while they live and gives the memory back after they expire", { timeout: 30_000 }, async () => {
    const soaked = await startSandbox({ records: 1000, seed: 5, maxScrollContexts: 10_000 });
    const { access_token } = (await (await tokenRequest(JSON.stringify(credentials(soaked)), soaked)).json()) as {
      access_token: string;
    };
    const before = heap();
    const contexts = 10_000;
    let opened = 0;
    const worker = async (): Promise<void> => {
      while (opened < contexts) {
        opened++;
        const { status } = await search({ count: "1", scroll_expire: "5s" }, soaked, `Bearer ${access_token}`);
        expect(status).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    const lastOpened = Date.now();
    const held = heap() - before;
    // Each context holds its 1,000 matches (4 bytes each) and its bookkeeping: those opened in the last 5 s hold tens
    // of megabytes (opening all takes some 10 s).
    expect(held).toBeGreaterThan(10_000_000);
    // All have expired 5 s after the last was opened; the sweep runs every second.
    await new Promise((resolve) => setTimeout(resolve, lastOpened + 6500 - Date.now()));
    const left = heap() - before;
    expect(left).toBeLessThan(held * 0.2);
    await soaked.close();
  });
});
