import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: string;
  /** The request line's target as it came: path and query string, encoded. */
  readonly rawUrl: string;
}

/** How to answer one request: a status and a JSON body, raw text, a hang, or a connection reset. */
export type Reply =
  | {
      readonly status: number;
      readonly json?: unknown;
      readonly text?: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly hang: true }
  | { readonly reset: true }
  /** 200 with a body that never ends: 64 KiB chunks as fast as the reader takes them, until the connection closes. */
  | { readonly endless: true }
  /** 200 with headers at once, then a byte of body every `dripMs`, forever. */
  | { readonly dripMs: number };

/** A real HTTP server on loopback that answers from a script, for the client's fault tests. */
export interface ScriptedServer {
  readonly url: string;
  readonly seen: Seen[];
  /** Bytes of body written by endless and dripping replies, and how many of their connections have closed. */
  readonly streamed: { bytes: number; closed: number };
  /** The replies for the coming requests to a path, in order; the last one repeats. */
  script(path: string, replies: readonly Reply[] | ((seen: Seen) => Reply)): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, Reply[] | ((seen: Seen) => Reply)>();
  const seen: Seen[] = [];
  const hanging = new Set<ServerResponse>();
  const streamed = { bytes: 0, closed: 0 };
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const entry: Seen = {
        method: request.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        authorization: request.headers.authorization,
        body,
        rawUrl: request.url ?? "/",
      };
      seen.push(entry);
      const script = scripts.get(url.pathname);
      const reply: Reply =
        typeof script === "function"
          ? script(entry)
          : ((script && (script.length > 1 ? script.shift()! : script[0])) ?? { status: 404, json: {} });
      if ("hang" in reply) {
        hanging.add(response);
        return;
      }
      if ("reset" in reply) {
        request.socket.destroy();
        return;
      }
      if ("endless" in reply || "dripMs" in reply) {
        stream(response, reply);
        return;
      }
      const headers = { "content-type": reply.text === undefined ? "application/json" : "text/html", ...reply.headers };
      response.writeHead(reply.status, headers);
      response.end(reply.text ?? JSON.stringify(reply.json ?? {}));
    });
  };
  const stream = (response: ServerResponse, reply: { endless: true } | { dripMs: number }): void => {
    hanging.add(response);
    response.writeHead(200, { "content-type": "application/json" });
    response.on("close", () => {
      streamed.closed++;
      clearInterval(timer);
    });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let timer: ReturnType<typeof setInterval> | undefined;
    if ("dripMs" in reply) {
      timer = setInterval(() => {
        streamed.bytes++;
        response.write("x");
      }, reply.dripMs);
      return;
    }
    const pump = (): void => {
      while (!response.destroyed) {
        streamed.bytes += chunk.length;
        if (!response.write(chunk)) {
          response.once("drain", pump);
          return;
        }
      }
    };
    response.write("[");
    pump();
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    streamed,
    script: (path, replies) => scripts.set(path, typeof replies === "function" ? replies : [...replies]),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
