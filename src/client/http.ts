import { NetworkError, SecuconnectApiError, TimeoutError, type ApiErrorPayload } from "./errors.js";
import type { Redact } from "./redact.js";
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from "./retry.js";

/** What one API call needs: where, how, and the limits on trying. */
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
}

/** An answer: its status and its body read as JSON (`undefined` when it is not JSON). */
export interface HttpAnswer {
  readonly status: number;
  readonly json: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/** The API's error payload from a body, with every secret and query value taken out. */
export function apiError(status: number, json: unknown, name: string, redact: Redact): SecuconnectApiError {
  const body = isObject(json) ? json : {};
  const payload: ApiErrorPayload = {
    error: text(body.error) ?? (isObject(json) ? undefined : "InvalidResponse"),
    errorDetails: redact(text(body.error_details) ?? (isObject(json) ? undefined : "The answer is not JSON")),
    errorUser: redact(text(body.error_user)),
    code: typeof body.code === "number" || typeof body.code === "string" ? body.code : undefined,
    supportId: text(body.supportId),
  };
  return new SecuconnectApiError(status, payload, name);
}

/** An answer as it came: status, headers and the whole body. */
interface Received {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** One attempt, with its own timer; the caller's signal aborts it too. */
async function attempt(fetch: typeof globalThis.fetch, request: HttpRequest): Promise<Received> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new TimeoutError(request.name, request.timeoutMs));
  }, request.timeoutMs);
  const onAbort = (): void => {
    controller.abort(request.signal!.reason);
  };
  request.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    // The body is read under the same timer: a server that sends headers and then stalls is a timeout too.
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (request.signal?.aborted) throw request.signal.reason;
    if (reason instanceof TimeoutError) throw reason;
    throw new NetworkError(request.name, error);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Sends a request, trying again after network errors, timeouts, 408, 429 and 5xx (up to `maxRetries` times) with
 * exponential backoff and jitter, or as long as `Retry-After` asks when that is at most a minute. Every wait stops at
 * once when the signal aborts. Answers 2xx as JSON; anything else becomes a `SecuconnectApiError`.
 */
export async function send(fetch: typeof globalThis.fetch, request: HttpRequest): Promise<HttpAnswer> {
  for (let retry = 0; ; retry++) {
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
