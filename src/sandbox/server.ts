import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SmartTransaction } from "../client/types.js";
import { compileQuery } from "../evaluate/compile.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { tryParse } from "../syntax/parse.js";
import { validateFields, validateSort } from "../validate/parameters.js";
import { pick, sortIndexes } from "./records.js";
import { sampleTransactions } from "./sample-data.js";

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** The port to listen on; default 0 (any free port). */
  readonly port?: number;
  /** The records to serve, or how many to make (default 10,000, from `seed`). */
  readonly records?: number | readonly SmartTransaction[];
  /** The seed of the sample; default 1. */
  readonly seed?: number;
  /** The OAuth credentials the sandbox accepts; made up when not given. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** How long a token lives, in seconds; default 1,200, as the API's. */
  readonly tokenTtlSeconds?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** The API's base URL, such as `http://127.0.0.1:40123/api/v2`. */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The records it serves. */
  readonly records: readonly SmartTransaction[];
  /** Makes every token issued so far invalid, as when a token is revoked. */
  revokeTokens(): void;
  /** Stops the server and releases everything: sockets, tokens, scroll contexts. */
  close(): Promise<void>;
}

const RESULT_WINDOW = 10_000;
const SCROLL_EXPIRE = /^(\d+)([smh])$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

interface ScrollContext {
  readonly matches: readonly number[];
  readonly size: number;
  position: number;
  expiresAt: number;
  readonly fields: readonly string[] | undefined;
}

/** What the sandbox refuses: the API's error payload, with the HTTP status it comes with. */
class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly details: string,
    readonly code: number,
  ) {
    super(details);
  }
}

const supportId = (): string => randomBytes(8).toString("hex");

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, failure: ApiFailure): void {
  send(response, failure.status, {
    status: "error",
    error: failure.error,
    error_details: failure.details,
    error_user: "Die Anfrage konnte nicht verarbeitet werden.",
    code: failure.code,
    supportId: supportId(),
  });
}

const formatError = (details: string): ApiFailure => new ApiFailure(400, "ProductFormatException", details, 1001);

function wholeNumber(name: string, text: string | null, fallback: number): number {
  if (text === null) return fallback;
  if (!/^\d+$/.test(text)) throw formatError(`${name} must be a whole number ≥ 0`);
  return Number(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += (chunk as Buffer).toString("utf8");
  return body;
}

/**
 * Refuses, with the reason, the parameters the sandbox cannot honour, rather than answer as if it had: an answer
 * that ignored `aggregate` would look like plain results. `preset=own` and `expand` need nothing: every sample record
 * is the caller's own, and stored with its linked objects in it.
 */
function refuseWhatItCannotDo(search: URLSearchParams): void {
  const preset = search.get("preset");
  if (preset !== null && preset !== "own") {
    throw formatError(`Unknown preset: ${preset}. The sandbox knows the one documented preset, own`);
  }
  const expand = search.get("expand");
  if (expand !== null && expand !== "all" && smartTransactionSchema.lookup(expand)?.type !== "object") {
    throw formatError(`Cannot expand ${expand}: write all, or the name of a linked object such as customer`);
  }
  for (const key of search.keys()) {
    if (key === "aggregate" || key.startsWith("aggregate[")) {
      throw formatError(
        "The sandbox does not aggregate: the API's aggregation answers are not documented well enough to imitate",
      );
    }
  }
}

/**
 * Starts a local server that answers like the Secuconnect API for Smart Transactions: `POST /oauth/token` and
 * `GET /api/v2/Smart/Transactions` with `q`, `count`, `offset`, `sort`, `fields`, scrolling, `validate` and `meta`.
 * It reads `q` as the server does (Lucene's rules, not the usual precedence), refuses what the server refuses with
 * the API's error payload, and serves a deterministic sample of Smart Transactions or the records given.
 *
 * @example
 * const sandbox = await startSandbox();
 * const client = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
 * await client.smartTransactions.find({ q: "status:approved" });
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const records =
    typeof options.records === "object" ? options.records : sampleTransactions(options.records ?? 10_000, options.seed);
  const clientId = options.clientId ?? `sandbox-${randomBytes(4).toString("hex")}`;
  const clientSecret = options.clientSecret ?? randomBytes(16).toString("hex");
  const tokenTtl = (options.tokenTtlSeconds ?? 1200) * 1000;
  const tokens = new Map<string, number>();
  const scrolls = new Map<string, ScrollContext>();

  async function issueToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const type = request.headers["content-type"] ?? "";
    let fields: Record<string, unknown>;
    try {
      fields = type.includes("json")
        ? (JSON.parse(body) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(body));
    } catch {
      send(response, 400, { error: "invalid_request", error_description: "The body is not JSON" });
      return;
    }
    if (fields.grant_type !== "client_credentials") {
      send(response, 400, { error: "unsupported_grant_type", error_description: "Only client_credentials" });
      return;
    }
    if (fields.client_id !== clientId || fields.client_secret !== clientSecret) {
      send(response, 400, { error: "invalid_client", error_description: "The client credentials are invalid" });
      return;
    }
    const token = randomBytes(20).toString("hex");
    tokens.set(token, Date.now() + tokenTtl);
    send(response, 200, { access_token: token, expires_in: tokenTtl / 1000, token_type: "bearer", scope: null });
  }

  function authorized(request: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  function page(indexes: readonly number[], fields: readonly string[] | undefined): unknown[] {
    return indexes.map((i) => (fields ? pick(records[i], fields) : records[i]));
  }

  function find(search: URLSearchParams): unknown {
    refuseWhatItCannotDo(search);
    const fieldsText = search.get("fields");
    if (fieldsText !== null && !validateFields(fieldsText, { schema: smartTransactionSchema }).ok) {
      throw formatError(`Invalid fields: ${fieldsText}`);
    }
    const fields = fieldsText === null ? undefined : fieldsText.split(",").map((path) => path.trim());
    const scrollId = search.get("scroll_id");
    if (scrollId !== null) return continueScroll(scrollId, search.get("scroll_expire"));
    const q = search.get("q");
    const read = q === null || q.trim() === "" ? undefined : tryParse(q, { reading: "server" });
    if (read && !read.query) {
      const problems = read.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.message} (line ${d.line}, column ${d.column})`);
      throw formatError(`Invalid query: ${problems.join("; ")}`);
    }
    if (search.get("validate") === "1") return { result: true };
    const matches: number[] = [];
    const test = read?.query ? compileQuery(read.query, { schema: smartTransactionSchema }) : () => true;
    for (let i = 0; i < records.length; i++) if (test(records[i])) matches.push(i);
    const sortText = search.get("sort");
    if (sortText !== null) {
      if (!validateSort(sortText, { schema: smartTransactionSchema }).ok)
        throw formatError(`Invalid sort: ${sortText}`);
      const entries = sortText.split(",").map((entry) => {
        const colon = entry.lastIndexOf(":");
        return [entry.slice(0, colon), entry.slice(colon + 1) as "asc" | "desc"] as const;
      });
      sortIndexes(records, matches, entries, smartTransactionSchema);
    }
    const count = wholeNumber("count", search.get("count"), 20);
    const meta = search.get("meta");
    const metaBody = meta === null ? {} : { meta: { fields: [...smartTransactionSchema.fields.keys()] } };
    if (meta === "only") return metaBody;
    const expire = search.get("scroll_expire");
    if (expire !== null) {
      const id = randomBytes(24).toString("base64url");
      scrolls.set(id, { matches, size: count, position: 0, expiresAt: Date.now() + lifetime(expire), fields });
      return { ...continueScroll(id, null), ...metaBody };
    }
    const offset = wholeNumber("offset", search.get("offset"), 0);
    if (offset + count > RESULT_WINDOW) {
      throw formatError(
        `Result window is too large, from + size must be less than or equal to: [${RESULT_WINDOW}] but was ` +
          `[${offset + count}]. See the scroll api for a more efficient way to request large data sets.`,
      );
    }
    return { count: matches.length, data: page(matches.slice(offset, offset + count), fields), ...metaBody };
  }

  function lifetime(expire: string): number {
    const match = SCROLL_EXPIRE.exec(expire);
    if (!match) throw formatError(`Invalid scroll_expire: ${expire}; write a number and s, m or h`);
    return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }

  function continueScroll(id: string, expire: string | null): { count: number; data: unknown[]; scroll_id: string } {
    const context = scrolls.get(id);
    if (!context || Date.now() > context.expiresAt) {
      scrolls.delete(id);
      throw new ApiFailure(404, "ProductNotFoundException", `No search context found for id [${id}]`, 1003);
    }
    if (expire !== null) context.expiresAt = Date.now() + lifetime(expire);
    const slice = context.matches.slice(context.position, context.position + context.size);
    context.position += slice.length;
    return { count: context.matches.length, data: page(slice, context.fields), scroll_id: id };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sandbox");
    if (url.pathname === "/oauth/token" && request.method === "POST") return issueToken(request, response);
    if (url.pathname !== "/api/v2/Smart/Transactions") {
      throw new ApiFailure(404, "ProductUnknownActionException", `Unknown path ${url.pathname}`, 1004);
    }
    if (request.method !== "GET") {
      throw new ApiFailure(405, "ProductMethodNotAllowedException", `${request.method ?? ""} is not allowed`, 1005);
    }
    if (!authorized(request)) {
      throw new ApiFailure(401, "ProductUnauthorizedException", "Valid auth token required", 2003);
    }
    send(response, 200, find(url.searchParams));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ApiFailure) fail(response, error);
      else fail(response, new ApiFailure(500, "ProductInternalException", "The sandbox failed", 1000));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    clientId,
    clientSecret,
    records,
    revokeTokens: () => {
      tokens.clear();
    },
    close: async () => {
      tokens.clear();
      scrolls.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
