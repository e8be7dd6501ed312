/** A half-open range of UTF-16 offsets into the source text: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Any `q` query: a plain, readonly, JSON-serialisable tree discriminated by `type`. */
export type Query = AndQuery | OrQuery | NotQuery | TermQuery | RangeQuery | ExistsQuery;

/** Every operand must match. Has at least two operands, none of them an `and`. */
export interface AndQuery {
  readonly type: "and";
  readonly operands: readonly Query[];
  readonly span?: Span;
}

/** At least one operand must match. Has at least two operands, none of them an `or`. */
export interface OrQuery {
  readonly type: "or";
  readonly operands: readonly Query[];
  readonly span?: Span;
}

/** The operand must not match. */
export interface NotQuery {
  readonly type: "not";
  readonly operand: Query;
  readonly span?: Span;
}

/** `field:value`: the field has this exact text, or a value matching this pattern. */
export interface TermQuery {
  readonly type: "term";
  readonly field: string;
  readonly value: Value;
  readonly span?: Span;
}

/** `field:[min TO max]`: a bound of `null` is open (`*`). */
export interface RangeQuery {
  readonly type: "range";
  readonly field: string;
  readonly min: Bound | null;
  readonly max: Bound | null;
  readonly span?: Span;
}

/** `_exists_:field` or `field:*`: the field has a value. */
export interface ExistsQuery {
  readonly type: "exists";
  readonly field: string;
  readonly span?: Span;
}

/** One end of a range. */
export interface Bound {
  readonly value: string;
  readonly inclusive: boolean;
}

/**
 * The value of a term: exact text (escapes removed), or a pattern with at least one wildcard. The server reading
 * (`reading: "server"`) also makes the values only the server's syntax writes: `fuzzy` (`word~`) and `regexp`
 * (`/…/`).
 */
export type Value = TextValue | PatternValue | FuzzyValue | RegexpValue;

/** Exact text, escapes removed. */
export interface TextValue {
  readonly kind: "text";
  readonly text: string;
  /**
   * Written as a bare word (`a:b\-c`), not as a quoted phrase (`a:"b-c"`). The two differ on analysed text fields
   * only: the server splits a word into terms and finds any one of them, and finds a phrase's terms together, in
   * order. Absent on a phrase, and on text that is one plain term (letters, digits, `_`), which reads the same
   * either way; built values are phrases: the exact text.
   */
  readonly word?: true;
  /**
   * A phrase's slop (`"a b"~2`): how far its words may move and still match, on analysed text fields. Made only by
   * the server reading, and only when above 0.
   */
  readonly slop?: number;
}

/**
 * `word~` or `word~N`: a value within `maxEdits` edits (insertions, deletions, substitutions and swaps of two
 * neighbours, counted in code points) of `text`. Made only by the server reading, which works out the edits as
 * Elasticsearch does: `~` alone allows 0 edits for 1–2 characters, 1 for 3–5 and 2 from 6 on; `~N` allows N, at most 2.
 */
export interface FuzzyValue {
  readonly kind: "fuzzy";
  readonly text: string;
  readonly maxEdits: 0 | 1 | 2;
}

/** `/source/`: a value the whole of which matches a regular expression in Lucene's syntax. Made only by the server reading. */
export interface RegexpValue {
  readonly kind: "regexp";
  readonly source: string;
}

/** A wildcard pattern: literal parts, `*` (`anyChars`) and `?` (`oneChar`), at least one wildcard. */
export interface PatternValue {
  readonly kind: "pattern";
  readonly parts: readonly PatternPart[];
}

/** A piece of a wildcard pattern. `oneChar` stands for one Unicode code point. */
export type PatternPart =
  { readonly kind: "literal"; readonly text: string } | { readonly kind: "anyChars" } | { readonly kind: "oneChar" };

/** The `type` of each query node. */
export type QueryType = Query["type"];
