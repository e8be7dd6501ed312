import type { IToken } from "chevrotain";
import { InvalidQueryError } from "../../ast/errors.js";
import type { ExistsQuery, Query, RangeQuery, Span, TermQuery } from "../../ast/types.js";
import type { DiagnosticCode } from "../../diagnostics/catalog.js";
import { problemAt, type Fix, type Problem } from "../../diagnostics/diagnostic.js";
import type { Locations } from "../locations.js";

/**
 * The field that bare values take: `undefined` outside a field group, the field's name inside `field:( … )`, and
 * `null` inside a group whose field name is itself wrong (its values are still checked).
 */
export type FieldContext = string | null | undefined;

/** A piece of the tree read so far: its query (absent when it holds an error) and where it stands in the source. */
export interface Built {
  readonly query: Query | undefined;
  readonly start: number;
  readonly end: number;
  /** A bare word with no field (`x` in `a:b x`), kept to suggest fixes for juxtaposed operands. */
  readonly bareWord?: IToken;
  /** The field of `field:word`, kept with `valueWord` to suggest quoting `field:"word word"`. */
  readonly fieldToken?: IToken;
  /** The value word of `field:word`. */
  readonly valueWord?: IToken;
  /** Whether the expression carries NOT or `!`. */
  readonly negated?: boolean;
  /** Whether this is an AND level of two or more operands (not a single unary expression). */
  readonly andLevel?: true;
  /** An invalid token, already reported; no further "missing operator" is said about it. */
  readonly invalid?: boolean;
  /** A problem reported only if no better explanation covers it (a bare word between conditions). */
  readonly pending?: Problem;
}

/** Where a range's or comparison's bounds are written, for `Locations`. */
export interface BoundSpans {
  min?: Span;
  max?: Span;
}

/** The state of one semantic pass: the source, what has been reported, and where conditions are written. */
export class BuildContext {
  readonly problems: Problem[] = [];
  /** Where each condition's field and value are written, when asked for. */
  readonly locations: Locations | undefined;
  /** Every condition read, in order, when locations are recorded: after an error, what the schema can still check. */
  readonly conditions: (TermQuery | RangeQuery | ExistsQuery)[] | undefined;
  /** How many errors have been reported: a query is only made when there are none. */
  errors = 0;
  /** Where the field that the values being read belong to is written. */
  fieldSpan: Span | undefined;
  /** Opening parentheses reported as never closed; made on the first, as most queries have none. */
  private unclosed: Set<IToken> | undefined;

  constructor(
    readonly source: string,
    locate: boolean,
    /** Where errors were reported before this pass (lexer and grammar), in ascending order. */
    private readonly reportedErrors: readonly number[] = [],
    /** The most conditions one group may join, when checked. */
    readonly maxClauses?: number,
  ) {
    this.locations = locate ? new WeakMap() : undefined;
    this.conditions = locate ? [] : undefined;
  }

  /** Whether an error was reported before this pass from `start` to `end`, both inclusive. */
  errorReportedWithin(start: number, end: number): boolean {
    let low = 0;
    let high = this.reportedErrors.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.reportedErrors[mid]! < start) low = mid + 1;
      else high = mid;
    }
    return low < this.reportedErrors.length && this.reportedErrors[low]! <= end;
  }

  /** Records that an opening parenthesis was reported as never closed. */
  reportedUnclosed(paren: IToken): void {
    (this.unclosed ??= new Set()).add(paren);
  }

  /** Whether an opening parenthesis was reported as never closed. */
  wasReportedUnclosed(paren: IToken): boolean {
    return this.unclosed?.has(paren) ?? false;
  }

  /** Reports a problem (its severity from the catalog) with the ways to fix it, the likeliest first. */
  flag(code: DiagnosticCode, message: string, start: number, end: number, fixes: readonly Fix[] = []): void {
    this.add(problemAt(code, message, { start, end }, fixes));
  }

  /** Reports a problem made elsewhere, such as one held back until nothing explained it better. */
  add(problem: Problem): void {
    if (problem.severity === "error") this.errors++;
    this.problems.push(problem);
  }

  text(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  /**
   * A condition read from `start` to `end`. Its location is recorded when asked for: `value` is where its value is
   * written, `bounds` where a range's bounds are.
   */
  condition(query: TermQuery | RangeQuery | ExistsQuery, start: number, end: number, bounds?: BoundSpans): Built {
    if (this.locations) {
      const value = { start, end };
      // `_exists_:field` names its field in the value; `field:*` before the colon.
      const named = query.type === "exists" && this.text(start, end) !== "*";
      this.locations.set(query, { field: named || !this.fieldSpan ? value : this.fieldSpan, value, ...bounds });
      this.conditions!.push(query);
    }
    return { query, start, end };
  }

  /** Reports an error about a value and returns the value without a query. */
  failed(code: DiagnosticCode, message: string, start: number, end: number, fixes: readonly Fix[] = []): Built {
    this.add(problemAt(code, message, { start, end }, fixes));
    return { query: undefined, start, end };
  }

  /**
   * A value that a factory refused: the factories' checks are the last line of defence, so what they refuse
   * becomes a diagnostic at the value instead of an exception.
   */
  refused(error: unknown, start: number, end: number): Built {
    if (!(error instanceof InvalidQueryError)) throw error;
    return this.failed("invalid-value", error.message, start, end);
  }
}
