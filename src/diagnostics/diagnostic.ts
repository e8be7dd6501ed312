import type { Span } from "../ast/types.js";

/**
 * One problem found in a query, with where it is and, when there is one, the text that fixes it.
 *
 * `fix` replaces the text at `span`: `source.slice(0, span.start) + fix + source.slice(span.end)` (see `applyFix`).
 */
export interface Diagnostic {
  readonly severity: "error" | "warning";
  /** A stable identifier, such as `missing-operator`; messages may change, codes do not. */
  readonly code: string;
  /** A plain-language explanation for the person who typed the query. */
  readonly message: string;
  readonly span: Span;
  /** 1-based line of `span.start`. */
  readonly line: number;
  /** 1-based column of `span.start`, in UTF-16 code units. */
  readonly column: number;
  /** The replacement for the text at `span` that fixes the problem. */
  readonly fix?: string;
}

/** What a rule reports before line and column are known. */
export interface Problem {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly fix?: string;
}

/** A problem; `fix` is left out when there is none (the property is absent, not undefined). */
export function problemAt(
  severity: Problem["severity"],
  code: string,
  message: string,
  span: Span,
  fix?: string,
): Problem {
  return fix === undefined ? { severity, code, message, span } : { severity, code, message, span, fix };
}

/** Turns problems into diagnostics with 1-based line and column, sorted by position, errors before warnings. */
export function toDiagnostics(source: string, problems: readonly Problem[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const locate = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const sorted = [...problems].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || a.span.start - b.span.start,
  );
  return sorted.map((p) => {
    const { line, column } = locate(p.span.start);
    const span = Object.freeze({ start: p.span.start, end: p.span.end });
    const base = { severity: p.severity, code: p.code, message: p.message, span, line, column };
    return Object.freeze(p.fix === undefined ? base : { ...base, fix: p.fix });
  });
}

/**
 * The source with one diagnostic's fix applied; the source unchanged when the diagnostic has no fix.
 *
 * @example
 * const { diagnostics } = tryParse("a:b and c:d");
 * applyFix("a:b and c:d", diagnostics[0]) // "a:b AND c:d"
 */
export function applyFix(source: string, diagnostic: Pick<Diagnostic, "span" | "fix">): string {
  if (diagnostic.fix === undefined) return source;
  return source.slice(0, diagnostic.span.start) + diagnostic.fix + source.slice(diagnostic.span.end);
}
