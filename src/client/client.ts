import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { givenToken, oauthTokens, type TokenSource } from "./auth.js";
import { RequestTooLongError, SecuconnectApiError } from "./errors.js";
import { send } from "./http.js";
import { encodeFind } from "./params.js";
import { redactor } from "./redact.js";
import type {
  ClientOptions,
  Environment,
  FindAllParams,
  FindParams,
  SecuconnectClient,
  SmartTransaction,
  SmartTransactionList,
} from "./types.js";

/** The base URLs of Secuconnect's environments. */
export const ENVIRONMENTS: Readonly<Record<Environment, string>> = Object.freeze({
  production: "https://connect.secucard.com/api/v2",
  testing: "https://connect-testing.secupay-ag.de/api/v2",
  staging: "https://connect-showcase.secupay-ag.de/api/v2",
});

/** The default `maxResponseBytes`: room for a page of 10,000 full records. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Servers refuse longer request URLs (414). */
export const MAX_URL_LENGTH = 8192;
/** The furthest `offset` + `count` reach: Elasticsearch's result window. */
export const RESULT_WINDOW = 10_000;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether a base URL may be used: https:, or http: on a loopback host (such as the sandbox). */
export const isAllowedBaseUrl = (url: URL): boolean =>
  url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname));

function baseUrlOf(options: ClientOptions): URL {
  if ((options.environment === undefined) === (options.baseUrl === undefined)) {
    throw new TypeError("Give exactly one of environment and baseUrl");
  }
  if (options.environment !== undefined && !Object.hasOwn(ENVIRONMENTS, options.environment)) {
    throw new TypeError(`Unknown environment; use one of ${Object.keys(ENVIRONMENTS).join(", ")}`);
  }
  const url = new URL(options.baseUrl ?? ENVIRONMENTS[options.environment!]);
  if (!isAllowedBaseUrl(url)) {
    throw new TypeError("baseUrl must be https: (http: only on a loopback host, such as the sandbox)");
  }
  return url;
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * A client for the Secuconnect API's Smart Transactions: `find` one page, `findAll` every match. It checks `q`,
 * `sort` and `fields` before sending and sends `q` in canonical form; it retries what is safe to retry, renews
 * OAuth tokens, and keeps tokens, secrets and query values out of every error. It needs only `fetch`: it runs in
 * browsers and edge runtimes too.
 *
 * @example
 * const client = createClient({ environment: "production", clientId: "…", clientSecret: "…" });
 * const { count, data } = await client.smartTransactions.find({ q: "status:approved", count: 10 });
 * for await (const transaction of client.smartTransactions.findAll({ q: "status:failed" })) console.log(transaction.id);
 */
export function createClient(options: ClientOptions): SecuconnectClient {
  const base = baseUrlOf(options);
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 2;
  const schema = options.schema ?? smartTransactionSchema;
  const userAgent = options.userAgent ?? "secuq";
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(maxResponseBytes > 0)) throw new TypeError("maxResponseBytes must be a number > 0");
  const secrets = [options.clientSecret, typeof options.token === "string" ? options.token : undefined].filter(
    (secret): secret is string => secret !== undefined,
  );
  const oauth = options.clientId !== undefined || options.clientSecret !== undefined;
  if (oauth === (options.token !== undefined))
    throw new TypeError("Give exactly one of token and clientId + clientSecret");
  if (oauth && (!options.clientId || !options.clientSecret))
    throw new TypeError("clientId needs clientSecret, and the reverse");
  const tokens: TokenSource = oauth
    ? oauthTokens({
        fetch,
        tokenUrl: new URL("/oauth/token", base.origin).href,
        clientId: options.clientId!,
        clientSecret: options.clientSecret!,
        timeoutMs,
        maxRetries,
        userAgent,
        redact: redactor(secrets),
        maxResponseBytes,
      })
    : givenToken(options.token!);

  const collection = `${base.pathname.replace(/\/$/, "")}/Smart/Transactions`;

  /**
   * A GET of the API with the token. A token the API refused (401, or 403 with code 2003, "Valid auth token required",
   * as it documents an expired one) is renewed once, and the request tried once more.
   */
  async function get(url: URL, name: string, values: readonly string[], signal: AbortSignal | undefined) {
    if (url.href.length > MAX_URL_LENGTH) throw new RequestTooLongError(url.href.length, MAX_URL_LENGTH);
    for (let renewed = false; ; renewed = true) {
      const token = await tokens.get(signal);
      const redact = redactor([...secrets, token, ...values]);
      try {
        const headers = { authorization: `Bearer ${token}`, accept: "application/json", "user-agent": userAgent };
        const request = { method: "GET", url: url.href, name, headers, timeoutMs, maxRetries, signal, redact } as const;
        return (await send(fetch, { ...request, maxResponseBytes, redirects: "same-origin" })).json;
      } catch (error) {
        if (renewed || !isRefusedToken(error)) throw error;
        tokens.refused(token);
      }
    }
  }

  async function find(params: FindParams = {}): Promise<SmartTransactionList> {
    // An aborted signal sends nothing, as the platform's fetch does.
    params.signal?.throwIfAborted();
    const { search, values, warnings } = encodeFind(params, schema, options.revealQueryValues ?? false);
    const url = new URL(collection, base.origin);
    url.search = search.toString();
    const name = "GET /Smart/Transactions";
    const list = listOf(await get(url, name, values, params.signal), name);
    return warnings.length > 0 ? { ...list, warnings } : list;
  }

  async function getOne(id: string, request: { readonly signal?: AbortSignal } = {}): Promise<SmartTransaction> {
    request.signal?.throwIfAborted();
    if (typeof id !== "string" || id === "") throw new TypeError("id must be a non-empty string, such as STX_…");
    const url = new URL(`${collection}/${encodeURIComponent(id)}`, base.origin);
    const name = "GET /Smart/Transactions/{id}";
    const json = await get(url, name, [id], request.signal);
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      throw new SecuconnectApiError(
        200,
        { error: "InvalidResponse", errorDetails: "The answer is not a record" },
        name,
      );
    }
    return json;
  }

  return Object.freeze({
    smartTransactions: Object.freeze({
      find,
      findAll: (params: FindAllParams = {}) => findAll(find, params),
      get: getOne,
    }),
  });
}

const isRefusedToken = (error: unknown): boolean =>
  error instanceof SecuconnectApiError &&
  (error.status === 401 || (error.status === 403 && String(error.code) === "2003"));

/** An answer's body as a list, or a clear error when it is not one. */
function listOf(json: unknown, name: string): SmartTransactionList {
  const body = json as {
    count?: unknown;
    data?: unknown;
    scroll_id?: unknown;
    result?: unknown;
    meta?: unknown;
  } | null;
  if (body === null || typeof body !== "object" || (body.data !== undefined && !Array.isArray(body.data))) {
    throw new SecuconnectApiError(200, { error: "InvalidResponse", errorDetails: "The answer is not a list" }, name);
  }
  const data = (body.data ?? []) as SmartTransaction[];
  const list: { -readonly [K in keyof SmartTransactionList]: SmartTransactionList[K] } = {
    count: typeof body.count === "number" ? body.count : data.length,
    data,
  };
  const scrollId = text(body.scroll_id);
  if (scrollId !== undefined) list.scrollId = scrollId;
  if (typeof body.result === "boolean") list.result = body.result;
  if (body.meta !== undefined) list.meta = body.meta;
  return list;
}

const DEFAULT_PAGE = 100;
const SCROLL_EXPIRE = "1m";

/** The page size: `count`, capped at the most the server answers at once. */
function pageSizeOf(count: number | undefined): number {
  if (count === undefined) return DEFAULT_PAGE;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new TypeError("count (the page size) must be a whole number ≥ 1");
  return Math.min(count, RESULT_WINDOW);
}

/**
 * Every match, a page at a time: by `offset` within the 10,000 window, and by scrolling from the start when the
 * total is beyond it (or `scroll` asks), since the server refuses `offset` inside a scroll. Each record once, in order;
 * stopping the loop (`break`, `return`, an abort) sends nothing more.
 */
async function* findAll(
  find: (params: FindParams) => Promise<SmartTransactionList>,
  params: FindAllParams,
): AsyncGenerator<SmartTransaction> {
  const { limit = Infinity, scroll = false, ...query } = params;
  const pageSize = pageSizeOf(query.count);
  if (!(limit >= 0)) throw new TypeError("limit must be a number ≥ 0");
  // An abort ends the iteration at the next record, with the signal's reason, and no page is asked for after it.
  const signal = query.signal;
  signal?.throwIfAborted();
  let yielded = 0;
  if (!scroll) {
    const first = await find({ ...query, count: pageSize, offset: 0 });
    if (first.count <= RESULT_WINDOW) {
      let page = first;
      for (let offset = 0; ;) {
        for (const record of page.data) {
          if (yielded >= limit) return;
          signal?.throwIfAborted();
          yielded++;
          yield record;
        }
        offset += page.data.length;
        if (page.data.length === 0 || offset >= first.count || yielded >= limit) return;
        page = await find({ ...query, count: Math.min(pageSize, RESULT_WINDOW - offset), offset });
      }
    }
  }
  // Beyond the window: scroll from the start, always with the latest scroll id, until an empty page.
  let page = await find({ ...query, count: pageSize, scrollExpire: query.scrollExpire ?? SCROLL_EXPIRE });
  for (;;) {
    for (const record of page.data) {
      if (yielded >= limit) return;
      signal?.throwIfAborted();
      yielded++;
      yield record;
    }
    if (page.data.length === 0 || page.scrollId === undefined || yielded >= limit) return;
    page = await find({
      ...query,
      count: pageSize,
      scrollId: page.scrollId,
      scrollExpire: query.scrollExpire ?? SCROLL_EXPIRE,
    });
  }
}
