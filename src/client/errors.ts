/**
 * The client's errors. None of them holds a token, a client secret or a value of the query in its message, its
 * properties or its cause: those are card numbers and e-mail addresses, and errors end up in logs. A request is named
 * by its method and path only (`GET /Smart/Transactions`), never by its query string.
 */

/** What the API's error payload says: `{ status: "error", error, error_details, error_user, code, supportId }`. */
export interface ApiErrorPayload {
  readonly error?: string | undefined;
  readonly errorDetails?: string | undefined;
  readonly errorUser?: string | undefined;
  readonly code?: number | string | undefined;
  readonly supportId?: string | undefined;
}

/**
 * The API answered with an error: its HTTP `status` and the payload's fields. A body that is not the API's payload
 * (an HTML 502 page, malformed JSON) gives one too, with `error` saying so.
 *
 * @example
 * try { await client.smartTransactions.find({ q: "status:approved" }) }
 * catch (e) { if (e instanceof SecuconnectApiError && e.status === 403) console.log(e.error, e.supportId) }
 */
export class SecuconnectApiError extends Error {
  override readonly name = "SecuconnectApiError";
  readonly status: number;
  /** The exception's name, such as `ProductFormatException`. */
  readonly error: string;
  readonly errorDetails: string | undefined;
  /** The message for the end user (German). */
  readonly errorUser: string | undefined;
  /** The API's own error code (a number or a string, as the API sends it). */
  readonly code: number | string | undefined;
  /** Quote it to Secuconnect's support. */
  readonly supportId: string | undefined;

  constructor(status: number, payload: ApiErrorPayload, request: string) {
    const error = payload.error ?? "SecuconnectApiError";
    const details = payload.errorDetails ?? payload.errorUser;
    super(`${error} (${status})${details ? `: ${details}` : ""} — ${request}`);
    this.status = status;
    this.error = error;
    this.errorDetails = payload.errorDetails;
    this.errorUser = payload.errorUser;
    this.code = payload.code;
    this.supportId = payload.supportId;
  }
}

/** The OAuth server refused the credentials (`invalid_client` and the like): retrying will not help. */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";
  readonly code = "ERR_SECUCONNECT_AUTHENTICATION";
  /** The OAuth error, such as `invalid_client`. */
  readonly error: string;

  constructor(error: string, description: string | undefined) {
    super(`Authentication failed: ${error}${description ? ` (${description})` : ""}`);
    this.error = error;
  }
}

/** The request never got an answer: the connection failed or was reset. `cause` is the platform's error. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly code = "ERR_SECUCONNECT_NETWORK";

  constructor(request: string, cause: unknown) {
    super(`The request failed before an answer came: ${request}`, { cause: withoutDetails(cause) });
  }
}

/** An attempt took longer than `timeoutMs`, every retry included. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  readonly code = "ERR_SECUCONNECT_TIMEOUT";

  constructor(request: string, timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms: ${request}`);
  }
}

/** A request whose URL is too long for servers to take (they answer 414), refused before it is sent. */
export class RequestTooLongError extends Error {
  override readonly name = "RequestTooLongError";
  readonly code = "ERR_SECUCONNECT_REQUEST_TOO_LONG";
  readonly length: number;

  constructor(length: number, limit: number) {
    super(
      `The request's URL would be ${length} characters long; servers refuse more than ${limit}. ` +
        "Ask for fewer values at a time",
    );
    this.length = length;
  }
}

/**
 * A platform error reduced to its name and code: a fetch error's message or cause may quote the URL, and the URL
 * holds the query.
 */
function withoutDetails(cause: unknown): { name: string; code?: string } {
  const name = cause instanceof Error ? cause.name : typeof cause;
  const code =
    (cause as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" ? { name, code } : { name };
}
