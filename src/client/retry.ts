/** When and how long to wait before trying a request again. */

/** Statuses worth another try: a timeout, too many requests, and the server's own failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** The longest `Retry-After` that is waited for; a server asking for more fails the request at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with jitter (a quarter of the delay) for retry number `attempt` (0 for the first retry). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const delay = Math.min(INITIAL_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  return Math.round(delay * (1 - 0.25 * random()));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: seconds or an HTTP date. `undefined` when absent or
 * unreadable (then the backoff applies).
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Math.round(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const done = (): void => {
      signal?.removeEventListener("abort", aborted);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener("abort", aborted, { once: true });
  });
}
