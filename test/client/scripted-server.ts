import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: string;
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
  | { readonly reset: true };

/** A real HTTP server on loopback that answers from a script, for the client's fault tests. */
export interface ScriptedServer {
  readonly url: string;
  readonly seen: Seen[];
  /** The replies for the coming requests to a path, in order; the last one repeats. */
  script(path: string, replies: readonly Reply[] | ((seen: Seen) => Reply)): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, Reply[] | ((seen: Seen) => Reply)>();
  const seen: Seen[] = [];
  const hanging = new Set<ServerResponse>();
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
      const headers = { "content-type": reply.text === undefined ? "application/json" : "text/html", ...reply.headers };
      response.writeHead(reply.status, headers);
      response.end(reply.text ?? JSON.stringify(reply.json ?? {}));
    });
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
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
