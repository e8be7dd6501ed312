import { applyFix, type Diagnostic } from "./diagnostic.js";

/** Options of `printDiagnostics`. */
export interface PrintDiagnosticsOptions {
  /** Wraps severities and carets in ANSI colours, for a terminal. Default false. */
  readonly color?: boolean;
}

const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", bold: "\u001b[1m", reset: "\u001b[0m" };

/** Code points, so that a caret lines up under an emoji as under any other character. */
const width = (text: string): number => [...text].length;

/**
 * Describes diagnostics for a person: each with its severity, code, position, message, the offending line with the
 * span underlined, and the whole query as it reads with the fix applied.
 *
 * @example
 * const source = "a:b and c:d";
 * printDiagnostics(source, tryParse(source).diagnostics);
 * // error lowercase-operator at line 1, column 1: …
 * //   | a:b and c:d
 * //   |     ^^^
 * //   fix: a:b AND c:d
 */
export function printDiagnostics(
  source: string,
  diagnostics: readonly Diagnostic[],
  options: PrintDiagnosticsOptions = {},
): string {
  const paint = (color: keyof typeof ANSI, text: string): string =>
    options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text;
  const lines = source.split("\n");
  const lineStarts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) lineStarts.push(offset);
  return diagnostics
    .map((diagnostic) => {
      const { severity, code, message, line, column, span } = diagnostic;
      const label = paint(severity === "error" ? "red" : "yellow", severity);
      const head = `${label} ${paint("bold", code)} at line ${line}, column ${column}: ${message}`;
      const text = (lines[line - 1] ?? "").replace(/[\t\r\u3000]/g, " ");
      const lineStart = lineStarts[line - 1] ?? 0;
      const before = width(text.slice(0, span.start - lineStart));
      const underlined = Math.max(1, width(text.slice(span.start - lineStart, span.end - lineStart)));
      const parts = [
        head,
        `  | ${text}`,
        `  | ${" ".repeat(before)}${paint(severity === "error" ? "red" : "yellow", "^".repeat(underlined))}`,
      ];
      if (diagnostic.fix !== undefined) parts.push(`  fix: ${paint("cyan", applyFix(source, diagnostic))}`);
      return parts.join("\n");
    })
    .join("\n");
}
