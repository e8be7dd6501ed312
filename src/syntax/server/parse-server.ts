import type { Query, Span } from "../../ast/types.js";
import type { LeafLocation, Locations } from "../locations.js";
import { EXISTS_FIELD } from "../../ast/check.js";
import { addClause, engineClauseCount, groupQuery, type Clause, type Conjunction, type Modifier } from "./clauses.js";
import { LexicalError, ServerLexer, type ServerToken, type ServerTokenKind } from "./lexer.js";
import {
  discardEscapes,
  fieldQuery,
  fuzzyQuery,
  javaFloat,
  phraseQuery,
  prefixQuery,
  rangeQuery,
  regexpQuery,
  TermError,
  wildcardQuery,
} from "./terms.js";

/** What the server makes of a text: the query it runs, or its refusal. */
export type ServerParse =
  | {
      readonly ok: true;
      readonly query: Query;
      readonly boosted: boolean;
      /**
       * Every condition read, in order, those the query leaves out included (an optional clause beside a required
       * one): the engine still makes a query of each, and a strict server refuses one it cannot make.
       */
      readonly conditions: readonly Query[];
    }
  | { readonly ok: false; readonly message: string; readonly span: Span };

/** Limits of the server reading. */
export interface ServerParseOptions {
  /** The most clauses one group may hold (Elasticsearch 7's `indices.query.bool.max_clause_count`). */
  readonly maxClauses?: number;
  /**
   * The deepest nesting of parentheses read. Lucene's parser has no limit of its own but its thread's stack; this one
   * keeps ours safe.
   */
  readonly maxDepth?: number;
  /** Filled with where each condition's field and value are written, when given. */
  readonly locations?: Locations;
  /**
   * Whether the analyser of a field leaves no word of a text (`t:!` on an analysed field): the server then drops the
   * clause. Without it, no field is analysed.
   */
  readonly analysedAway?: (field: string, text: string) => boolean;
}

/** What the server runs for a query of nothing but clauses the analyser emptied: it matches nothing. */
const MATCH_NONE: Query = Object.freeze({
  type: "not" as const,
  operand: Object.freeze({ type: "exists" as const, field: "*" }),
});

/** The field a term without one takes: Elasticsearch's default, every field (`*`). */
export const DEFAULT_FIELD = "*";

class ParseError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

// Tokens that may start a clause: the loop of a group goes on while one comes.
const CLAUSE_START: ReadonlySet<ServerTokenKind> = new Set([
  "AND",
  "OR",
  "NOT",
  "PLUS",
  "MINUS",
  "BAREOPER",
  "LPAREN",
  "STAR",
  "QUOTED",
  "TERM",
  "PREFIXTERM",
  "WILDTERM",
  "REGEXPTERM",
  "RANGEIN_START",
  "RANGEEX_START",
  "NUMBER",
]);
// After these, a term does not join the words before it into one multi-word value (Lucene's disallowedPostMultiTerm).
const ENDS_MULTI_TERM: ReadonlySet<ServerTokenKind> = new Set(["COLON", "STAR", "FUZZY_SLOP", "CARAT", "AND", "OR"]);

/**
 * Reads text as Elasticsearch's `query_string` does (Lucene 8's classic QueryParser, OR as the default operator,
 * every field as the default field): no precedence between AND and OR, `+`/`-` and NOT as clause modifiers, bare
 * words over every field, consecutive bare words as one value, fuzziness, regular expressions, boosts (read and
 * dropped: they change ranking, not matching). Never throws.
 *
 * @example
 * parseServer("status:approved OR status:failed AND basket_info.sum:>10000")
 * // { ok: true, query: and(status:failed, basket_info.sum:{10000 TO *]), boosted: false }
 */
export function parseServer(source: string, options: ServerParseOptions = {}): ServerParse {
  const reader = new ServerReader(source, options);
  try {
    const query = reader.topLevel() ?? MATCH_NONE;
    return { ok: true, query, boosted: reader.boosted, conditions: reader.conditions };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, message: error.message, span: error.span };
    if (error instanceof LexicalError) {
      return { ok: false, message: error.message, span: { start: error.offset, end: error.offset + 1 } };
    }
    throw error;
  }
}

class ServerReader {
  boosted = false;
  readonly conditions: Query[] = [];
  private readonly lexer: ServerLexer;
  private readonly ahead: ServerToken[] = [];
  private depth = 0;
  /** Where the last token taken ends. */
  private lastEnd = 0;
  /** Where the field the values being read belong to is written; none for the default field. */
  private fieldSpan: Span | undefined;

  private readonly maxClauses: number;
  private readonly maxDepth: number;
  private readonly locations: Locations | undefined;
  private readonly analysedAway: (field: string, text: string) => boolean;

  constructor(
    private readonly source: string,
    options: ServerParseOptions,
  ) {
    this.lexer = new ServerLexer(source);
    this.maxClauses = options.maxClauses ?? 1024;
    this.maxDepth = options.maxDepth ?? 1000;
    this.locations = options.locations;
    this.analysedAway = options.analysedAway ?? (() => false);
  }

  topLevel(): Query | null {
    const query = this.group(DEFAULT_FIELD);
    this.expect("EOF");
    return query;
  }

  private peek(index = 0): ServerToken {
    while (this.ahead.length <= index) {
      const last = this.ahead[this.ahead.length - 1];
      this.ahead.push(last?.kind === "EOF" ? last : this.lexer.next());
    }
    return this.ahead[index]!;
  }

  private take(): ServerToken {
    const token = this.peek();
    this.ahead.shift();
    this.lastEnd = token.end;
    return token;
  }

  private expect(kind: ServerTokenKind): ServerToken {
    const token = this.peek();
    if (token.kind !== kind) throw this.unexpected(token, kind);
    return this.take();
  }

  private unexpected(token: ServerToken, expected: string): ParseError {
    const shown = token.kind === "EOF" ? "<EOF>" : `"${token.image}"`;
    const column = token.start - this.source.lastIndexOf("\n", token.start - 1);
    const line = this.source.slice(0, token.start).split("\n").length;
    return new ParseError(
      `Encountered ${shown} at line ${line}, column ${column}. Was expecting ${expected}`,
      token.kind === "EOF" ? { start: token.start, end: token.start } : { start: token.start, end: token.end },
    );
  }

  /** Whether the next tokens start several bare words read as one value: TERM TERM, then no COLON, AND, … */
  private multiTermAhead(): boolean {
    return this.peek().kind === "TERM" && this.peek(1).kind === "TERM" && !ENDS_MULTI_TERM.has(this.peek(2).kind);
  }

  /** Lucene's `Query`: clauses joined by operators or juxtaposed, until something else comes. */
  private group(field: string): Query | null {
    if (++this.depth > this.maxDepth) {
      const token = this.peek();
      throw new ParseError(`Parentheses nest deeper than ${this.maxDepth} levels`, {
        start: token.start,
        end: token.end,
      });
    }
    const clauses: Clause[] = [];
    let first: Query | null | undefined;
    if (this.multiTermAhead()) first = this.multiTerm(field, clauses);
    else {
      const start = this.peek().start;
      const modifier = this.modifier();
      const query = this.clause(field);
      addClause(clauses, "none", modifier, query, { start, end: this.lastEnd });
      if (modifier === "none") first = query;
    }
    for (;;) {
      if (this.multiTermAhead()) {
        this.multiTerm(field, clauses);
        continue;
      }
      if (!CLAUSE_START.has(this.peek().kind)) break;
      const conjunction = this.conjunction();
      const first = this.peek();
      const modifier = this.modifier();
      const query = this.clause(field);
      addClause(clauses, conjunction, modifier, query, { start: first.start, end: this.lastEnd });
      if (clauses.length > this.maxClauses) throw this.tooManyClauses(first);
    }
    this.depth--;
    if (engineClauseCount(clauses) > this.maxClauses) throw this.tooManyClauses(this.peek());
    if (clauses.length === 1 && first) return first;
    return clauses.length === 0 ? null : groupQuery(clauses);
  }

  private tooManyClauses(at: ServerToken): ParseError {
    return new ParseError(`too_many_clauses: maxClauseCount is set to ${this.maxClauses}`, {
      start: at.start,
      end: at.end,
    });
  }

  private multiTerm(field: string, clauses: Clause[]): Query | null {
    const first = this.take();
    let text = first.image;
    let end = first.end;
    while (this.peek().kind === "TERM" && !ENDS_MULTI_TERM.has(this.peek(1).kind)) {
      const next = this.take();
      text += ` ${next.image}`;
      end = next.end;
    }
    const span = { start: first.start, end };
    const value = this.unescaped(text, first);
    const query = this.analysedAway(field, value) ? null : this.located(fieldQuery(field, value, span), span);
    addClause(clauses, "none", "none", query, span);
    return query;
  }

  private conjunction(): Conjunction {
    const kind = this.peek().kind;
    if (kind !== "AND" && kind !== "OR") return "none";
    this.take();
    return kind === "AND" ? "and" : "or";
  }

  private modifier(): Modifier {
    const kind = this.peek().kind;
    if (kind !== "PLUS" && kind !== "MINUS" && kind !== "NOT") return "none";
    this.take();
    return kind === "PLUS" ? "required" : "prohibited";
  }

  /** Lucene's `Clause`: an optional `field:` (or `*:`), then a term or a group. */
  private clause(defaultField: string): Query | null {
    let field = defaultField;
    const head = this.peek();
    const start = head.start;
    const outerFieldSpan = this.fieldSpan;
    if ((head.kind === "TERM" || head.kind === "STAR") && this.peek(1).kind === "COLON") {
      this.take();
      this.take();
      field = head.kind === "STAR" ? "*" : this.unescaped(head.image, head);
      this.fieldSpan = { start: head.start, end: head.end };
    }
    let query: Query | null;
    if (this.peek().kind !== "LPAREN") query = this.term(field, start);
    else {
      this.take();
      query = this.group(field);
      const close = this.expect("RPAREN");
      this.boost();
      // `field:( … )` covers its field, as the usual reading spans it.
      if (query && field !== defaultField && query.span?.start !== start) {
        query = Object.freeze({ ...query, span: Object.freeze({ start, end: close.end }) });
      }
    }
    this.fieldSpan = outerFieldSpan;
    return query;
  }

  /** `^N` after a term or a group: read, and dropped. */
  private boost(): boolean {
    if (this.peek().kind !== "CARAT") return false;
    this.take();
    this.expect("NUMBER");
    this.boosted = true;
    return true;
  }

  private fuzzySlop(): ServerToken | undefined {
    return this.peek().kind === "FUZZY_SLOP" ? this.take() : undefined;
  }

  /** A boost and a fuzziness, in either order, each optional. */
  private suffixes(): ServerToken | undefined {
    if (this.boost()) return this.fuzzySlop();
    const slop = this.fuzzySlop();
    if (slop) this.boost();
    return slop;
  }

  private term(field: string, start: number): Query | null {
    const token = this.peek();
    switch (token.kind) {
      case "TERM":
      case "STAR":
      case "PREFIXTERM":
      case "WILDTERM":
      case "REGEXPTERM":
      case "NUMBER":
      case "BAREOPER": {
        this.take();
        const slop = this.suffixes();
        const span = { start, end: this.previousEnd(token, slop) };
        const query = this.bareTerm(field, token, slop, span);
        return query && this.located(query, token);
      }
      case "QUOTED": {
        this.take();
        const slop = this.suffixes();
        const span = { start, end: this.previousEnd(token, slop) };
        // A slop Lucene cannot read as a number is 0.
        const slopValue = Math.max(0, Math.trunc(javaFloat(slop?.image.slice(1) ?? "") ?? 0));
        const text = this.unescaped(token.image.slice(1, -1), token);
        if (field !== EXISTS_FIELD && this.analysedAway(field, text)) return null;
        return this.located(phraseQuery(field, text, slopValue, span), token);
      }
      case "RANGEIN_START":
      case "RANGEEX_START":
        return this.range(field, start);
      default:
        throw this.unexpected(token, "a value");
    }
  }

  private previousEnd(token: ServerToken, slop: ServerToken | undefined): number {
    return Math.max(token.end, slop?.end ?? 0);
  }

  private bareTerm(field: string, token: ServerToken, slop: ServerToken | undefined, span: Span): Query | null {
    const image = token.kind === "BAREOPER" ? token.image[0]! : token.image;
    if (token.kind === "STAR" || token.kind === "WILDTERM") return wildcardQuery(field, image, span);
    if (token.kind === "PREFIXTERM") return prefixQuery(field, this.unescaped(image.slice(0, -1), token), span);
    if (token.kind === "REGEXPTERM") return regexpQuery(field, image.slice(1, -1), span);
    const text = this.unescaped(image, token);
    if (!slop) {
      const query = fieldQuery(field, text, span);
      return query.type === "term" && this.analysedAway(field, text) ? null : query;
    }
    try {
      return fuzzyQuery(field, text, slop.image, span);
    } catch (error) {
      if (error instanceof TermError) throw new ParseError(error.message, { start: slop.start, end: slop.end });
      throw error;
    }
  }

  private range(field: string, start: number): Query {
    const open = this.take();
    const bound = (): string => {
      const token = this.peek();
      if (token.kind === "RANGE_GOOP" || token.kind === "RANGE_TO") return this.unescaped(this.take().image, token);
      if (token.kind === "RANGE_QUOTED") return this.unescaped(this.take().image.slice(1, -1), token);
      throw this.unexpected(token, "a range bound");
    };
    const minToken = this.peek();
    const min = bound();
    this.expect("RANGE_TO");
    const maxToken = this.peek();
    const max = bound();
    const close = this.peek();
    if (close.kind !== "RANGEIN_END" && close.kind !== "RANGEEX_END") throw this.unexpected(close, '"]" or "}"');
    this.take();
    this.boost();
    const span = { start, end: close.end };
    const query = rangeQuery(field, min, max, open.kind === "RANGEIN_START", close.kind === "RANGEIN_END", span);
    return this.located(
      query,
      { start: open.start, end: close.end },
      {
        min: { start: minToken.start, end: minToken.end },
        max: { start: maxToken.start, end: maxToken.end },
      },
    );
  }

  /** Records where a condition's field and value are written, when asked to. */
  private located(query: Query, value: Span, bounds: Pick<LeafLocation, "min" | "max"> = {}): Query {
    this.conditions.push(query);
    if (this.locations) {
      const valueSpan = { start: value.start, end: value.end };
      const fieldSpan = this.fieldSpan;
      // `_exists_:field` names its field in the value; `field:*` before the colon.
      const named = fieldSpan && this.source.slice(fieldSpan.start, fieldSpan.end) !== EXISTS_FIELD;
      const field = named ? fieldSpan : valueSpan;
      this.locations.set(query, { field, value: valueSpan, ...bounds });
    }
    return query;
  }

  private unescaped(text: string, token: ServerToken): string {
    try {
      return discardEscapes(text);
    } catch (error) {
      if (error instanceof TermError) throw new ParseError(error.message, { start: token.start, end: token.end });
      throw error;
    }
  }
}
