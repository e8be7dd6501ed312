/**
 * Exit statuses: success, a query with errors (or warnings with --strict, or input that is not UTF-8), a wrong
 * command line or configuration, the API or the network failed, the sandbox cannot listen on its port, and a fault
 * of secuq's own (`EX_SOFTWARE`), which never shares a status with a mistake of the person's.
 */
export const EXIT = { ok: 0, invalidQuery: 1, usage: 2, apiFailed: 3, cannotListen: 4, internal: 70 } as const;

/** A mistake in the command line or the configuration (`SECUCONNECT_*`): its message says what to fix, in one line. */
export class UsageError extends Error {}

const LONGEST_SHOWN_SUGGESTION = 200;
// Controls and bidi overrides would reach the terminal raw: such a suggestion is left to --json.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The `did you mean:` line for a corrected text, when it is short enough to read and safe to print; else nothing. */
export function didYouMean(suggestion: string | undefined): string {
  if (suggestion === undefined || suggestion.length > LONGEST_SHOWN_SUGGESTION || UNPRINTABLE.test(suggestion)) {
    return "";
  }
  return `did you mean: ${suggestion}\n`;
}
