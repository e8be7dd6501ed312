import {
  AuthenticationError,
  NetworkError,
  ResponseTooLargeError,
  SecuconnectApiError,
  TimeoutError,
  type ApiErrorPayload,
} from "./errors.js";
import type { Redact } from "./redact.js";
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from "./retry.js";

/** What one API call needs: where, how, and the limits on trying and on what is read. */
export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  /** How the request is named in errors: method and path, never the query string. */
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** Retries after the first attempt; only for requests that are safe to repeat. */
  readonly maxRetries: number;
  readonly signal?: AbortSignal | undefined;
  readonly redact: Redact;
  /** The most bytes of an answer's body read; past it the connection is closed. */
  readonly maxResponseBytes: number;
  /**
   * Which redirects are followed: those within the request's origin (`same-origin`), or none (`none`, for the token
   * request, whose body holds the client secret: a redirect of it is an `AuthenticationError`).
   */
  readonly redirects: "same-origin" | "none";
}

/** An answer: its status and its body read as JSON (`undefined` when it is not JSON). */
export interface HttpAnswer {
  readonly status: number;
  readonly json: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/** The API's error payload from a body, with every secret and query value taken out of each of its texts. */
export function apiError(status: number, json: unknown, name: string, redact: Redact): SecuconnectApiError {
  const body = isObject(json) ? json : {};
  const payload: ApiErrorPayload = {
    error: redact(text(body.error)) ?? (isObject(json) ? undefined : "InvalidResponse"),
    errorDetails: redact(text(body.error_details) ?? (isObject(json) ? undefined : "The answer is not JSON")),
    errorUser: redact(text(body.error_user)),
    code: typeof body.code === "number" ? body.code : redact(text(body.code)),
    supportId: redact(text(body.supportId)),
  };
  return new SecuconnectApiError(status, payload, name);
}

/** An answer as it came: status, headers and the whole body. */
interface Received {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const MAX_REDIRECTS = 5;
const isRedirect = (response: Response): boolean =>
  response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);

/**
 * A body read as UTF-8 text, at most `limit` bytes: a declared length beyond it is refused before reading, and a
 * stream that passes it is cancelled, which closes the connection.
 */
async function readText(response: Response, limit: number, name: string): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(name, limit);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(name, limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

function urlOf(location: string | null, base: URL): URL | undefined {
  try {
    return location === null ? undefined : new URL(location, base);
  } catch {
    return undefined;
  }
}

/** Where a redirect leads, when it may be followed; otherwise the error that refuses it, sending nothing more. */
function redirectTarget(response: Response, request: HttpRequest, from: URL): URL {
  const status = response.status;
  if (request.redirects === "none") {
    throw new AuthenticationError(
      "redirected",
      `the token endpoint answered ${status || "a redirect"}; the credentials are sent to no other address`,
    );
  }
  const target = response.type === "opaqueredirect" ? undefined : urlOf(response.headers.get("location"), from);
  if (target?.origin !== from.origin) {
    const where = target ? ` to ${target.host}` : "";
    throw new SecuconnectApiError(
      status,
      {
        error: "RedirectRefused",
        errorDetails: `The API redirected${where}, outside ${from.host}; secuq sends the token to no other origin`,
      },
      request.name,
    );
  }
  return target;
}

/** One attempt, with its own timer; the caller's signal aborts it too. Redirects within the origin are followed. */
async function attempt(fetch: typeof globalThis.fetch, request: HttpRequest): Promise<Received> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new TimeoutError(request.name, request.timeoutMs));
  }, request.timeoutMs);
  const onAbort = (): void => {
    controller.abort(request.signal!.reason);
  };
  request.signal?.addEventListener("abort", onAbort, { once: true });
  let url = new URL(request.url);
  try {
    for (let hops = 0; ; hops++) {
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        signal: controller.signal,
        redirect: "manual",
      };
      if (request.body !== undefined) init.body = request.body;
      const response = await fetch(url.href, init);
      if (isRedirect(response)) {
        await response.body?.cancel();
        url = redirectTarget(response, request, url);
        if (hops < MAX_REDIRECTS) continue;
        const details = `More than ${MAX_REDIRECTS} redirects`;
        throw new SecuconnectApiError(
          response.status,
          { error: "TooManyRedirects", errorDetails: details },
          request.name,
        );
      }
      // The body is read under the same timer: a server that sends headers and then stalls is a timeout too.
      const body = await readText(response, request.maxResponseBytes, request.name);
      return { status: response.status, headers: response.headers, body };
    }
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (request.signal?.aborted) throw request.signal.reason;
    if (reason instanceof TimeoutError) throw reason;
    if (
      error instanceof ResponseTooLargeError ||
      error instanceof AuthenticationError ||
      error instanceof SecuconnectApiError
    ) {
      throw error;
    }
    throw new NetworkError(request.name, url.host, error);
  } finally {
    clearTimeout(timer);
    // Whatever is left of the connection is closed: nothing more is read from it.
    controller.abort();
    request.signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Sends a request, trying again after network errors, timeouts, 408, 429 and 5xx (up to `maxRetries` times) with
 * exponential backoff and jitter, or as long as `Retry-After` asks when that is at most a minute. An aborted signal
 * rejects at once with its reason, before anything is sent; every wait stops at once when it aborts. Answers 2xx as
 * JSON; anything else becomes a `SecuconnectApiError`.
 */
export async function send(fetch: typeof globalThis.fetch, request: HttpRequest): Promise<HttpAnswer> {
  for (let retry = 0; ; retry++) {
    request.signal?.throwIfAborted();
    let response: Received;
    try {
      response = await attempt(fetch, request);
    } catch (error) {
      const retryable = error instanceof NetworkError || error instanceof TimeoutError;
      if (!retryable || retry >= request.maxRetries) throw error;
      await sleep(backoffMs(retry), request.signal);
      continue;
    }
    let json: unknown;
    try {
      json = response.body === "" ? undefined : JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    if (response.status >= 200 && response.status < 300) {
      if (json === undefined) throw apiError(response.status, undefined, request.name, request.redact);
      return { status: response.status, json };
    }
    if (!isRetryableStatus(response.status) || retry >= request.maxRetries) {
      throw apiError(response.status, json, request.name, request.redact);
    }
    const asked = retryAfterMs(response.headers.get("retry-after"));
    if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
      throw apiError(response.status, json, request.name, request.redact);
    }
    await sleep(asked ?? backoffMs(retry), request.signal);
  }
}
