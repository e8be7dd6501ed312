import type { Span } from "../ast/types.js";
import { diagnosticCatalog, type DiagnosticCode, type Severity } from "./catalog.js";

/** One change to the text: replace what is at `span` (empty to insert) with `text` (empty to delete). */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

/**
 * A way to fix a diagnostic: edits applied together. `safe` when it is what the author meant beyond doubt (a
 * lowercase `and`); a guess when there are several readings (`a:b c:d` may mean AND or OR), offered as choices.
 */
export interface Fix {
  /** What the fix does, for a button or a menu: `Write AND in capitals`. */
  readonly title: string;
  /** Non-overlapping edits, each with its own span in the text as it is. */
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
}

/** A second place that explains a diagnostic, such as the conditions the server ignores. */
export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
  /** 1-based line of `span.start`. */
  readonly line: number;
  /** 1-based column of `span.start`, in UTF-16 code units. */
  readonly column: number;
}

/**
 * One problem found in a query: where it is (the narrow place of the mistake: the lowercase `and`, the `=`, the
 * unclosed `(`), what it is in plain words, and the ways to fix it.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** A stable identifier from `diagnosticCatalog`, such as `missing-operator`; messages may change, codes do not. */
  readonly code: DiagnosticCode;
  /** A plain-language explanation for the person who typed the query. */
  readonly message: string;
  /** The mistake itself; empty where something is missing (then it stands where it should go). */
  readonly span: Span;
  /** 1-based line of `span.start`. */
  readonly line: number;
  /** 1-based column of `span.start`, in UTF-16 code units. */
  readonly column: number;
  /** 1-based line of `span.end`. */
  readonly endLine: number;
  /** 1-based column of `span.end` (exclusive), in UTF-16 code units. */
  readonly endColumn: number;
  /** The ways to fix it, the likeliest first; absent when there is none. See `applyFixes`. */
  readonly fixes?: readonly Fix[];
  /** Other places that matter to it; absent when there are none. */
  readonly related?: readonly RelatedLocation[];
}

/** What a rule reports, before line and column are known. */
export interface Problem {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly { readonly message: string; readonly span: Span }[];
}

/** An edit replacing the text from `start` to `end`. */
export function edit(start: number, end: number, text: string): TextEdit {
  return { span: { start, end }, text };
}

/** A fix that is what the author meant beyond doubt: `applyFixes` applies it. */
export function safeFix(title: string, edits: readonly TextEdit[]): Fix {
  return { title, edits, safe: true };
}

/** One of several readings, offered as a choice: `applyFixes` leaves it. */
export function guessFix(title: string, edits: readonly TextEdit[]): Fix {
  return { title, edits, safe: false };
}

/** A problem with its severity from the catalog; `fixes` and `related` are left out when empty. */
export function problemAt(
  code: DiagnosticCode,
  message: string,
  span: Span,
  fixes?: readonly Fix[],
  related?: readonly { readonly message: string; readonly span: Span }[],
): Problem {
  const severity = diagnosticCatalog[code].severity;
  const base: Problem = { severity, code, message, span };
  if (fixes !== undefined && fixes.length > 0) {
    return related !== undefined && related.length > 0 ? { ...base, fixes, related } : { ...base, fixes };
  }
  return related !== undefined && related.length > 0 ? { ...base, related } : base;
}

/** Finds 1-based line and column of offsets in a text, by binary search over its line starts. */
function locator(source: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

const frozenSpan = (span: Span): Span => Object.freeze({ start: span.start, end: span.end });

function frozenFix(fix: Fix): Fix {
  const edits = Object.freeze(fix.edits.map((e) => Object.freeze({ span: frozenSpan(e.span), text: e.text })));
  return Object.freeze({ title: fix.title, edits, safe: fix.safe });
}

/** Turns problems into frozen diagnostics with lines and columns, sorted by position, errors before warnings. */
export function toDiagnostics(source: string, problems: readonly Problem[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const locate = locator(source);
  const sorted = [...problems].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || a.span.start - b.span.start,
  );
  return sorted.map((p) => {
    const { line, column } = locate(p.span.start);
    const end = locate(p.span.end);
    const diagnostic: Record<string, unknown> = {
      severity: p.severity,
      code: p.code,
      message: p.message,
      span: frozenSpan(p.span),
      line,
      column,
      endLine: end.line,
      endColumn: end.column,
    };
    if (p.fixes !== undefined) diagnostic.fixes = Object.freeze(p.fixes.map(frozenFix));
    if (p.related !== undefined) {
      const related = p.related.map((r) =>
        Object.freeze({ message: r.message, span: frozenSpan(r.span), ...locate(r.span.start) }),
      );
      diagnostic.related = Object.freeze(related);
    }
    return Object.freeze(diagnostic) as unknown as Diagnostic;
  });
}
