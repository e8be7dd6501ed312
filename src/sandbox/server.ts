import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SmartTransaction } from "../client/types.js";
import { compileQuery } from "../evaluate/compile.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { parseServer } from "../syntax/server/parse-server.js";
import { analysedAwayIn } from "../schema/analysis.js";
import { strictProblem } from "./strict.js";
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
  /** The most scroll contexts open at once; default 500, Elasticsearch's `search.max_open_scroll_context`. */
  readonly maxScrollContexts?: number;
  /**
   * Whether a value a field's type cannot read (`basket_info.sum:abc`), or a pattern the index cannot compile, finds
   * nothing (true, the default: Elasticsearch's `query_string` is lenient when it searches every field by default)
   * or is refused with the server's reason (false, for a server configured so).
   */
  readonly lenient?: boolean;
}

/**
 * `startSandbox` could not listen: the port is in use, not allowed, or not a port. `reason` is the platform's code
 * (`EADDRINUSE`, `EACCES`, `ERR_SOCKET_BAD_PORT`).
 */
export class SandboxListenError extends Error {
  override readonly name = "SandboxListenError";
  readonly code = "ERR_SECUQ_SANDBOX_LISTEN";
  readonly reason: string | undefined;
  readonly port: number;

  constructor(port: number, cause: unknown) {
    const reason = (cause as { code?: unknown } | null)?.code;
    const known: Record<string, string> = {
      EADDRINUSE: "the port is in use; choose another, or leave it out for any free one",
      EACCES: "the port needs privileges; choose one above 1023",
      ERR_SOCKET_BAD_PORT: "a port is a whole number from 0 to 65535",
    };
    const why = typeof reason === "string" ? `${reason}: ${known[reason] ?? "the system refused"}` : "unknown reason";
    super(`The sandbox cannot listen on 127.0.0.1:${port} (${why})`, { cause });
    this.reason = typeof reason === "string" ? reason : undefined;
    this.port = port;
  }
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
// Elasticsearch's time units.
const SCROLL_EXPIRE = /^(\d+)(d|h|m|s|ms|micros|nanos)$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1, micros: 0.001, nanos: 0.000001 } as const;
/** Elasticsearch's default `search.max_keep_alive`. */
const MAX_KEEP_ALIVE_MS = 24 * 3_600_000;
/** The largest request body read (the token request's is a few hundred bytes). */
const MAX_BODY_BYTES = 64 * 1024;
/** How often expired scroll contexts are let go, besides when one is asked for. */
const SWEEP_MS = 1000;

interface ScrollContext {
  /** The indexes of the matching records, four bytes each. */
  readonly matches: Uint32Array;
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

function send(response: ServerResponse, status: number, body: unknown, reason?: string): void {
  const headers = { "content-type": "application/json; charset=utf-8" };
  if (reason === undefined) response.writeHead(status, headers);
  else response.writeHead(status, reason, headers);
  response.end(JSON.stringify(body));
}

// The API names the exception in the status line, as its reason phrase.
function fail(response: ServerResponse, failure: ApiFailure): void {
  send(
    response,
    failure.status,
    {
      status: "error",
      error: failure.error,
      error_details: failure.details,
      error_user: "Die Anfrage konnte nicht verarbeitet werden.",
      code: failure.code,
      supportId: supportId(),
    },
    failure.error,
  );
}

const analysedAway = analysedAwayIn(smartTransactionSchema);

const formatError = (details: string): ApiFailure => new ApiFailure(400, "ProductFormatException", details, 1001);

function wholeNumber(name: string, text: string | null, fallback: number): number {
  if (text === null) return fallback;
  if (!/^\d+$/.test(text)) throw formatError(`${name} must be a whole number ≥ 0`);
  return Number(text);
}

/**
 * CORS for a page served from another localhost origin (a web app in development calling the sandbox): its origin is
 * allowed, with the headers and methods the client sends. Other origins get no CORS headers.
 */
function allowPagesOnLocalhost(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (origin === undefined || !/^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(origin)) return;
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("vary", "origin");
  response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  response.setHeader("access-control-allow-headers", "authorization, content-type, accept");
  response.setHeader("access-control-max-age", "600");
}

/** A body too large to read; answered 413, and the connection closed without reading the rest. */
class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
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
  const maxScrollContexts = options.maxScrollContexts ?? 500;
  const lenient = options.lenient ?? true;
  const tokens = new Map<string, number>();
  const scrolls = new Map<string, ScrollContext>();
  const sweep = (): void => {
    const now = Date.now();
    for (const [id, context] of scrolls) if (now > context.expiresAt) scrolls.delete(id);
    for (const [token, expiresAt] of tokens) if (now >= expiresAt) tokens.delete(token);
  };
  // Expired contexts are let go even when nobody asks for them again; the timer keeps no process alive.
  const sweeper = setInterval(sweep, SWEEP_MS);
  sweeper.unref();

  async function issueToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      response.setHeader("connection", "close");
      send(response, 413, { error: "invalid_request", error_description: `The body is over ${MAX_BODY_BYTES} bytes` });
      request.destroy();
      return;
    }
    const type = request.headers["content-type"] ?? "";
    let parsed: unknown;
    try {
      parsed = type.includes("json") ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body));
    } catch {
      send(response, 400, { error: "invalid_request", error_description: "The body is not JSON" });
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      send(response, 400, { error: "invalid_request", error_description: "The body is not a JSON object" });
      return;
    }
    const fields = parsed as Record<string, unknown>;
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

  /**
   * Refuses a request without a valid token as the API does: no bearer token is 401; one that is unknown, revoked or
   * expired is 403 ProductNotAllowedException with code 2003, as the API documents an expired token.
   */
  function checkToken(request: IncomingMessage): void {
    // The scheme is case-insensitive (RFC 9110, section 11.1).
    const token = /^bearer +(\S+) *$/i.exec(request.headers.authorization ?? "")?.[1];
    if (token === undefined) {
      throw new ApiFailure(401, "ProductUnauthorizedException", "Valid auth token required", 2003);
    }
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined || Date.now() >= expiresAt) {
      throw new ApiFailure(403, "ProductNotAllowedException", "Valid auth token required", 2003);
    }
  }

  function one(id: string): unknown {
    const record = records.find((candidate) => candidate.id === id);
    if (!record) throw new ApiFailure(404, "ProductNotFoundException", `No Smart Transaction ${id}`, 1003);
    return record;
  }

  function page(indexes: ArrayLike<number>, fields: readonly string[] | undefined): unknown[] {
    return Array.from(indexes, (i) => (fields ? pick(records[i], fields) : records[i]));
  }

  function find(search: URLSearchParams): unknown {
    refuseWhatItCannotDo(search);
    const fieldsText = search.get("fields");
    if (fieldsText !== null && !validateFields(fieldsText, { schema: smartTransactionSchema }).ok) {
      throw formatError(`Invalid fields: ${fieldsText}`);
    }
    const fields = fieldsText === null ? undefined : fieldsText.split(",").map((path) => path.trim());
    const scrollId = search.get("scroll_id");
    if (search.has("offset") && (scrollId !== null || search.has("scroll_expire"))) {
      throw formatError("Validation Failed: 1: using [from] is not allowed in a scroll context;");
    }
    if (scrollId !== null) return continueScroll(scrollId, search.get("scroll_expire"));
    const q = search.get("q");
    // As Elasticsearch's query_string reads it, lenient (its default with the default field *): a value a field's
    // type cannot take matches nothing there.
    const read = q === null || q.trim() === "" ? undefined : parseServer(q, { analysedAway });
    const validating = search.get("validate") === "1";
    const strict = read?.ok && !lenient ? strictProblem(read.conditions, smartTransactionSchema) : undefined;
    if (strict !== undefined) {
      const reason = `failed to create query: ${strict}`;
      if (validating) return { result: false, error_details: reason };
      throw formatError(reason);
    }
    if (read && !read.ok) {
      const reason = `Failed to parse query [${q}]: Cannot parse '${q}': ${read.message}`;
      if (validating) return { result: false, error_details: reason };
      throw formatError(reason);
    }
    if (validating) return { result: true };
    const matches: number[] = [];
    const test = read?.ok ? compileQuery(read.query, { schema: smartTransactionSchema }) : () => true;
    for (let i = 0; i < records.length; i++) if (test(records[i])) matches.push(i);
    const sortText = search.get("sort");
    if (sortText !== null) {
      if (!validateSort(sortText, { schema: smartTransactionSchema }).ok)
        throw formatError(`Invalid sort: ${sortText}`);
      // As Elasticsearch sorts: entries trimmed, a field without a direction ascending.
      const entries = sortText.split(",").map((raw) => {
        const entry = raw.trim();
        const colon = entry.lastIndexOf(":");
        if (colon === -1) return [entry, "asc"] as const;
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
      if (count > RESULT_WINDOW) {
        throw formatError(
          `Batch size is too large, size must be less than or equal to: [${RESULT_WINDOW}] but was [${count}]. ` +
            "Scroll batch sizes cost as much memory as result windows so they are controlled by the " +
            "[index.max_result_window] index level setting.",
        );
      }
      const expiresAt = Date.now() + lifetime(expire);
      if (scrolls.size >= maxScrollContexts) sweep();
      if (scrolls.size >= maxScrollContexts) {
        throw formatError(
          `Trying to create too many scroll contexts. Must be less than or equal to: [${maxScrollContexts}]. ` +
            "This limit can be set by changing the [search.max_open_scroll_context] setting.",
        );
      }
      const id = randomBytes(24).toString("base64url");
      scrolls.set(id, { matches: Uint32Array.from(matches), size: count, position: 0, expiresAt, fields });
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
    if (!match) {
      throw formatError(`Invalid scroll_expire: ${expire}; write a number and a unit: d, h, m, s, ms, micros or nanos`);
    }
    const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    if (!(ms <= MAX_KEEP_ALIVE_MS)) {
      throw formatError(
        `Keep alive for request (${expire}) is too large. It must be less than (1d). ` +
          "This limit can be set by changing the [search.max_keep_alive] cluster level setting.",
      );
    }
    return ms;
  }

  function continueScroll(id: string, expire: string | null): { count: number; data: unknown[]; scroll_id: string } {
    const context = scrolls.get(id);
    if (!context || Date.now() > context.expiresAt) {
      scrolls.delete(id);
      throw new ApiFailure(404, "ProductNotFoundException", `No search context found for id [${id}]`, 1003);
    }
    if (expire !== null) context.expiresAt = Date.now() + lifetime(expire);
    const slice = context.matches.subarray(context.position, context.position + context.size);
    context.position += slice.length;
    return { count: context.matches.length, data: page(slice, context.fields), scroll_id: id };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Not new URL(path, base): a path that starts with // would be read as a host.
    const url = new URL(`http://sandbox${request.url ?? "/"}`);
    // The API takes repeated slashes (`//oauth/token`, as an SDK asks for it) and a trailing slash.
    url.pathname = url.pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
    allowPagesOnLocalhost(request, response);
    if (request.method === "OPTIONS") {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === "/oauth/token" && request.method === "POST") return issueToken(request, response);
    const item = /^\/api\/v2\/Smart\/Transactions\/([^/]+)$/.exec(url.pathname)?.[1];
    if (url.pathname !== "/api/v2/Smart/Transactions" && item === undefined) {
      throw new ApiFailure(404, "ProductUnknownActionException", `Unknown path ${url.pathname}`, 1004);
    }
    if (request.method !== "GET") {
      throw new ApiFailure(405, "ProductMethodNotAllowedException", `${request.method ?? ""} is not allowed`, 1005);
    }
    checkToken(request);
    send(response, 200, item === undefined ? find(url.searchParams) : one(decodeURIComponent(item)));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ApiFailure) fail(response, error);
      else fail(response, new ApiFailure(500, "ProductInternalException", "The sandbox failed", 1000));
    });
  });
  const wanted = options.port ?? 0;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(wanted, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(sweeper);
    throw new SandboxListenError(wanted, error);
  }
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
      clearInterval(sweeper);
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
