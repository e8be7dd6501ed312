import { AuthenticationError, SecuconnectApiError } from "./errors.js";
import { send } from "./http.js";
import type { Redact } from "./redact.js";

/** Gives the token for a request, and forgets one the API refused. */
export interface TokenSource {
  get(signal: AbortSignal | undefined): Promise<string>;
  /** The API answered 401 to `token`: the next `get` must not give it again. */
  refused(token: string): void;
}

/** A token the caller gives: a string, or a function asked before each request (it does its own caching). */
export function givenToken(token: string | (() => string | Promise<string>)): TokenSource {
  return {
    get: async () => (typeof token === "string" ? token : await token()),
    refused: () => undefined,
  };
}

/** What OAuth needs to ask for a token, and what asking may cost. */
export interface OAuthOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly userAgent: string;
  readonly redact: Redact;
  readonly maxResponseBytes: number;
  readonly now?: () => number;
}

// A token is renewed this long before the server says it expires, so that none expires on the way.
const EARLY_MS = 30_000;

interface Cached {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Tokens by OAuth `client_credentials`, cached until shortly before they expire. Concurrent callers share one
 * request for a new token; a token the API refused is dropped, and so is a request for one that was already under
 * way when it was refused (it may bring back the refused token).
 */
export function oauthTokens(options: OAuthOptions): TokenSource {
  const now = options.now ?? Date.now;
  let cached: Cached | undefined;
  let pending: { readonly promise: Promise<Cached>; readonly startedAt: number } | undefined;
  let refusedAt = -Infinity;

  // The request belongs to no caller: it has its own timer, and one caller's abort ends only that caller's wait.
  const fetchToken = async (): Promise<Cached> => {
    const name = "POST /oauth/token";
    const body = JSON.stringify({
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    try {
      const { json } = await send(options.fetch, {
        method: "POST",
        url: options.tokenUrl,
        name,
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": options.userAgent },
        body,
        timeoutMs: options.timeoutMs,
        maxRetries: options.maxRetries,
        redact: options.redact,
        maxResponseBytes: options.maxResponseBytes,
        redirects: "none",
      });
      const answer = json as { access_token?: unknown; expires_in?: unknown };
      if (typeof answer.access_token !== "string" || answer.access_token === "") {
        throw new AuthenticationError("invalid_response", "the token answer holds no access_token");
      }
      const seconds = typeof answer.expires_in === "number" ? answer.expires_in : 1200;
      return { token: answer.access_token, expiresAt: now() + seconds * 1000 - EARLY_MS };
    } catch (error) {
      // OAuth refuses credentials with its own payload ({ error: "invalid_client" }), not the API's.
      const oauth = oauthRefusal(error);
      if (oauth) throw new AuthenticationError(oauth.error, options.redact(oauth.description));
      throw error;
    }
  };

  return {
    async get(signal) {
      signal?.throwIfAborted();
      if (cached && now() < cached.expiresAt) return cached.token;
      if (!pending || pending.startedAt <= refusedAt) {
        const started = { promise: fetchToken(), startedAt: now() };
        pending = started;
        started.promise.then(
          (fresh) => {
            if (pending === started) {
              cached = fresh;
              pending = undefined;
            }
          },
          () => {
            if (pending === started) pending = undefined;
          },
        );
      }
      return (await untilAborted(pending.promise, signal)).token;
    },
    refused(token) {
      if (cached?.token === token) cached = undefined;
      refusedAt = now();
    },
  };
}

/** The promise's outcome, or a rejection with the signal's reason as soon as it aborts (the promise runs on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const aborted = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener("abort", aborted, { once: true });
    promise
      .finally(() => {
        signal.removeEventListener("abort", aborted);
      })
      .then(resolve, reject);
  });
}

/** The OAuth error (`invalid_client`, `invalid_grant`, …) in an error from the token endpoint, when it is one. */
function oauthRefusal(error: unknown): { error: string; description?: string } | undefined {
  if (!(error instanceof SecuconnectApiError) || (error.status !== 400 && error.status !== 401)) return undefined;
  return /^(invalid|unauthorized|unsupported)_/.test(error.error) ? { error: error.error } : undefined;
}
