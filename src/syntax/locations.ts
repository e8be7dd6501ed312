import type { Query, Span } from "../ast/types.js";

/**
 * Where the parts of a parsed condition are written. The AST keeps one span per node; checks against a schema need
 * the field and the value apart, and in `status:(a OR b)` the field is written once for two conditions.
 */
export interface LeafLocation {
  /** The field name as written; for `_exists_:field`, the field after the colon. */
  readonly field: Span;
  /** The value: a word, quoted text, range or comparison. */
  readonly value: Span;
  /** The bounds of a range or comparison, when written. */
  readonly min?: Span;
  readonly max?: Span;
}

/** The location of each condition (term, range, exists) of a parsed query. */
export type Locations = WeakMap<Query, LeafLocation>;
