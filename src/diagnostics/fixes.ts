import type { Diagnostic, Fix, TextEdit } from "./diagnostic.js";

/** The edits' text applied to the source; the edits are in order and do not overlap. */
function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let result = "";
  let at = 0;
  for (const { span, text } of edits) {
    result += source.slice(at, span.start) + text;
    at = span.end;
  }
  return result + source.slice(at);
}

const byPosition = (a: TextEdit, b: TextEdit): number => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * The source with one fix applied, safe or not: what a person gets by choosing it.
 *
 * @example
 * const [diagnostic] = validate("a:b c:d").diagnostics;
 * diagnostic.fixes!.map((fix) => applyFix("a:b c:d", fix)) // ["a:b AND c:d", "a:b OR c:d"]
 */
export function applyFix(source: string, fix: Fix): string {
  return applyEdits(source, [...fix.edits].sort(byPosition));
}

/**
 * The source with every safe fix applied in one pass: the first safe fix of each diagnostic, unless one of its edits
 * overlaps a fix already taken (in order of position, as ESLint does); two insertions at the same place overlap too.
 * A fix left out is found again by validating the result. Guesses are never applied: offer them as choices.
 *
 * @example
 * const source = "status:approved and basket_info.sum=1000";
 * applyFixes(source, validate(source).diagnostics) // "status:approved AND basket_info.sum:1000"
 */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): string {
  const candidates: { fix: Fix; start: number; end: number }[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((f) => f.safe);
    if (fix === undefined || fix.edits.length === 0) continue;
    let start = Infinity;
    let end = -Infinity;
    for (const { span } of fix.edits) {
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
    candidates.push({ fix, start, end });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  let lastInsertion = -1;
  for (const { fix, start, end } of candidates) {
    if (start < lastEnd || (start === end && start === lastInsertion)) continue;
    for (const e of fix.edits) taken.push(e);
    lastEnd = end;
    lastInsertion = start === end ? start : -1;
  }
  return applyEdits(source, taken.sort(byPosition));
}
