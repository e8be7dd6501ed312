/** How serious a diagnostic is: an error makes a query invalid; a warning marks text the server may read otherwise. */
export type Severity = "error" | "warning";

/** What a diagnostic code means, once for every place that reports it. */
export interface CatalogEntry {
  readonly severity: Severity;
  /** The rule in a few words, for lists and documentation; each report says it for the case at hand. */
  readonly title: string;
  /**
   * Said only when no specific rule names a mistake: a last line of defence that no known input reaches (the
   * property tests fail if one does).
   */
  readonly fallback?: true;
}

const error = (title: string): CatalogEntry => ({ severity: "error", title });
const fallback = (title: string): CatalogEntry => ({ severity: "error", title, fallback: true });
const warning = (title: string): CatalogEntry => ({ severity: "warning", title });

/**
 * Every diagnostic code, its severity and what it means. A code is stable and means one thing; messages may be
 * reworded. Each code is explained, with an example and its fix, at `docs/validation.md#<code>`.
 *
 * @example
 * diagnosticCatalog["lowercase-operator"].severity // "error"
 */
export const diagnosticCatalog = Object.freeze({
  // The text as a whole.
  "not-a-string": error("The query (or parameter) is not a string"),
  "too-long": error("The query is longer than the length limit"),
  "too-deep": error("Parentheses or negations are nested deeper than the limit"),
  "too-many-clauses": error("A group joins more conditions than the server allows"),
  "empty-query": error("The query has no condition"),
  "unexpected-character": fallback("A character that cannot start anything here"),
  "unexpected-token": fallback("Something the grammar does not allow at this place"),
  "unexpected-end": fallback("The query ends before it is complete"),
  // Operators.
  "lowercase-operator": error("An operator written in lower case, or as && or ||, which the server searches as text"),
  "missing-operator": error("Two conditions with no operator between them"),
  "missing-operand": error("AND or OR without a condition on one side"),
  "dangling-operator": error("An operator with no condition after it"),
  "consecutive-operators": error("Two operators in a row"),
  "missing-space": error("&& or || glued to the next word"),
  "minus-prefix": error("- used for negation"),
  "plus-prefix": error("+ (must match) used as a prefix"),
  "space-after-bang": error("! followed by a space"),
  "double-negation": error("NOT twice in a row"),
  "ambiguous-precedence": warning("AND and OR (or NOT inside OR) mixed without parentheses"),
  // Fields and values.
  "missing-field": error("A value without a field, or a colon without a field before it"),
  "missing-value": error("A field with nothing after its colon"),
  "equals-instead-of-colon": error("= between a field and its value"),
  "unescaped-colon": error("A colon inside a value that is neither escaped nor quoted"),
  "reserved-word-value": error("AND, OR or NOT as a value"),
  "wildcard-in-field": error("* or ? in a field name"),
  "unescaped-character": error("A character with a meaning to the server inside a word"),
  "unusual-whitespace": warning("An invisible space inside a value, such as a no-break space"),
  "invalid-escape": error("\\u not followed by four hexadecimal digits"),
  "trailing-backslash": error("A backslash that escapes nothing"),
  "invalid-unicode": error("Half of a surrogate pair"),
  "unterminated-quote": error("A quote that is never closed"),
  "invalid-value": fallback("A value that cannot be searched as written"),
  // Groups and ranges.
  "unclosed-parenthesis": error("A ( that is never closed"),
  "unmatched-parenthesis": error("A ) with no ( before it"),
  "empty-group": error("Parentheses with nothing inside"),
  "unclosed-range": error("A range with no ] or }"),
  "range-missing-to": error("A range without TO between its bounds"),
  "incomplete-range": error("A range without two bounds"),
  "unbalanced-quote": error("An unclosed quote in a range bound"),
  "glued-range-bound": error("A quoted range bound with more text glued to it"),
  "unmatched-bracket": error("A ] or } that closes no range"),
  "empty-comparison": error("A comparison such as >= with no value"),
  "escaped-comparison": error("An escaped < or > at the start of a value"),
  "comparison-with-wildcard": error("A comparison with * or ?"),
  "exists-range": error("_exists_ with a range"),
  "exists-pattern": error("_exists_ with a pattern"),
  "exists-of-exists": error("_exists_ naming itself, which is no field"),
  // What the server cannot run.
  "regex-not-supported": error("A regular expression (/…/)"),
  "boost-not-supported": error("A boost (^)"),
  "fuzzy-not-supported": error("Fuzzy search (~)"),
  "unicode-escape-in-pattern": error("A \\u escape in a pattern with * or ?"),
  "pattern-too-complex": error("A pattern, prefix or lower range bound too long or too complex for the server"),
  // Against a schema.
  "unknown-field": error("A field the schema does not have"),
  "object-field": error("An object searched as if it were a value"),
  "not-searchable": warning("A field answers carry but searches cannot match"),
  "wrong-type": error("A value that is not of the field's type"),
  "unknown-value": warning("A value the field is not known to take"),
  "unordered-field": error("A range on a field with no order"),
  "empty-range": error("A range that holds nothing"),
  "wildcard-on-non-text": warning("A pattern on a field that is not text"),
  "leading-wildcard": warning("A pattern that starts with * or ?"),
  "url-encoded": warning("Text percent-encoded by hand"),
  "invalid-query": error("A hand-made query object the factories would refuse"),
  // The sort and fields parameters.
  "empty-entry": error("An empty entry between commas"),
  whitespace: warning("Spaces around an entry"),
  "duplicate-field": warning("A field named twice"),
  "missing-direction": warning("A sort entry without asc or desc"),
  "invalid-direction": error("A sort direction other than asc or desc"),
} satisfies Record<string, CatalogEntry>);

/** A diagnostic code: one key of `diagnosticCatalog`. */
export type DiagnosticCode = keyof typeof diagnosticCatalog;
