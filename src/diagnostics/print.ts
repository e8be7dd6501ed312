import type { Diagnostic } from "./diagnostic.js";
import { show } from "./display.js";

/** Options of `printDiagnostics`. */
export interface PrintDiagnosticsOptions {
  /** Wraps severities and carets in ANSI colours, for a terminal. Default false. */
  readonly color?: boolean;
  /** How many diagnostics to describe; the rest are counted. Default 20. */
  readonly maxDiagnostics?: number;
}

const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", bold: "\u001b[1m", reset: "\u001b[0m" };

// The printed form stays small whatever the input: a window of the line around the mistake, cut with …, and
// messages and fix titles cut to a readable length.
const CONTEXT_BEFORE = 24;
const WINDOW = 80;
const LONGEST_MESSAGE = 300;
const LONGEST_TITLE = 100;
const DEFAULT_MAX_DIAGNOSTICS = 20;

const cut = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The line around `start`…`end` (offsets in the line), at most `WINDOW` code units, with the span underlined. */
function excerpt(line: string, start: number, end: number): { text: string; carets: string } {
  // A line that fits is shown whole; a longer one from a little before the mistake.
  const fits = line.length <= WINDOW;
  let from = fits ? 0 : Math.max(0, start - CONTEXT_BEFORE);
  let to = fits ? line.length : Math.min(line.length, from + WINDOW);
  // A window never cuts a character in two.
  if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
  if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to++;
  const shown = show(line, from, to);
  const lead = from > 0 ? "…" : "";
  const at = (offset: number): number => shown.columnAt[Math.min(Math.max(offset, from), to) - from]!;
  const startColumn = at(start);
  const width = Math.max(1, at(end) - startColumn);
  return {
    text: `${lead}${shown.text}${to < line.length ? "…" : ""}`,
    carets: `${" ".repeat(startColumn + lead.length)}${"^".repeat(width)}`,
  };
}

/**
 * Describes diagnostics for a person: each with its severity, code, position and message, a window of the line
 * with the mistake underlined, its fixes (`fix:` is safe, `maybe:` one of several readings) and related places. The
 * output stays small for any input: long lines are cut around the mistake, and past `maxDiagnostics` the rest are
 * counted. Invisible characters are shown as marks, and carets line up under wide characters and emoji.
 *
 * @example
 * const source = "a:b and c:d";
 * printDiagnostics(source, tryParse(source).diagnostics);
 * // error lowercase-operator at line 1, column 5: "and" is not an operator: …
 * //   | a:b and c:d
 * //   |     ^^^
 * //   fix: Write AND
 */
export function printDiagnostics(
  source: string,
  diagnostics: readonly Diagnostic[],
  options: PrintDiagnosticsOptions = {},
): string {
  const paint = (color: keyof typeof ANSI, text: string): string =>
    options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text;
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (line: number): { text: string; start: number } => {
    const start = lineStarts[line - 1] ?? source.length;
    const next = lineStarts[line];
    return { text: source.slice(start, next === undefined ? source.length : next - 1), start };
  };
  const limit = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const parts = diagnostics.slice(0, limit).map((diagnostic) => {
    const { severity, code, message, line, column, span } = diagnostic;
    const color = severity === "error" ? "red" : "yellow";
    const lines = [
      `${paint(color, severity)} ${paint("bold", code)} at line ${line}, column ${column}: ${cut(message, LONGEST_MESSAGE)}`,
    ];
    const { text, start } = lineAt(line);
    const shown = excerpt(text, span.start - start, Math.min(span.end, start + text.length) - start);
    lines.push(`  | ${shown.text}`, `  | ${paint(color, shown.carets)}`);
    for (const fix of diagnostic.fixes ?? []) {
      lines.push(`  ${fix.safe ? "fix" : "maybe"}: ${paint("cyan", cut(fix.title, LONGEST_TITLE))}`);
    }
    for (const related of diagnostic.related?.slice(0, 3) ?? []) {
      lines.push(`  note at line ${related.line}, column ${related.column}: ${cut(related.message, LONGEST_TITLE)}`);
    }
    return lines.join("\n");
  });
  const rest = diagnostics.length - limit;
  if (rest > 0) parts.push(`… and ${rest} more`);
  return parts.join("\n");
}
