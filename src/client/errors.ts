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

/** What a platform's network error code means, in plain words. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name was not found (DNS)",
  EAI_AGAIN: "the host name could not be looked up for now (DNS)",
  ETIMEDOUT: "connecting timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  EPIPE: "the connection was closed while sending",
  UND_ERR_SOCKET: "the connection was closed before the answer was complete",
  UND_ERR_CONNECT_TIMEOUT: "connecting timed out",
  UND_ERR_HEADERS_TIMEOUT: "no answer came in time",
  UND_ERR_BODY_TIMEOUT: "the answer stopped coming",
};

/**
 * The request never got an answer: the connection failed or was reset. The message names the host and the reason
 * (`ECONNREFUSED: the connection was refused`); `reason` holds the platform's code; `cause` is the platform's error
 * reduced to its name and code.
 */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly code = "ERR_SECUCONNECT_NETWORK";
  /** The platform's error code, such as `ECONNREFUSED`, `ENOTFOUND` or a TLS code, when it gave one. */
  readonly reason: string | undefined;

  constructor(request: string, host: string, cause: unknown) {
    const reduced = withoutDetails(cause);
    const reason = reduced.code;
    const words =
      reason === undefined ? undefined : (REASONS[reason] ?? (/CERT|TLS|SSL/.test(reason) ? "TLS failed" : undefined));
    const why = reason === undefined ? "no reason given" : words ? `${reason}: ${words}` : reason;
    super(`The request failed before an answer came: ${request} to ${host} (${why})`, { cause: reduced });
    this.reason = reason;
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
 * An answer larger than `maxResponseBytes`: the connection was closed once it passed the limit, so memory stays
 * bounded whatever a server sends.
 */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  readonly code = "ERR_SECUCONNECT_RESPONSE_TOO_LARGE";
  /** The limit, in bytes. */
  readonly limit: number;

  constructor(request: string, limit: number) {
    super(
      `The answer to ${request} was larger than ${limit} bytes and was not read to the end; ` +
        "ask for fewer records per page (count), or raise maxResponseBytes",
    );
    this.limit = limit;
  }
}

/**
 * A platform error reduced to its name and code: a fetch error's message or cause may quote the URL, and the URL
 * holds the query.
 */
function withoutDetails(cause: unknown): { name: string; code?: string } {
  const name = cause instanceof Error ? cause.name : typeof cause;
  // undici puts the system's code on the cause, sometimes a level deeper.
  let code: unknown;
  for (let at: unknown = cause, depth = 0; at !== null && typeof at === "object" && depth < 4; depth++) {
    code = (at as { code?: unknown }).code;
    if (typeof code === "string") break;
    at = (at as { cause?: unknown }).cause;
  }
  return typeof code === "string" ? { name, code } : { name };
}
