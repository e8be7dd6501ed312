import type { DiagnosticCode } from "../../src/diagnostics/catalog.js";
import type { ValidateOptions } from "../../src/validate/validate.js";

/** A fix as the whole text it makes: `fix` is safe (applyFixes takes it), `maybe` one of several readings. */
export interface OfferedFix {
  readonly safe: boolean;
  readonly text: string;
}
const fix = (text: string): OfferedFix => ({ safe: true, text });
const maybe = (text: string): OfferedFix => ({ safe: false, text });

/**
 * One example of a diagnostic code, checked against the Smart Transaction schema: the text, the text its span
 * covers (the mistake itself), and what each of its fixes makes. `kind` says what is checked: a `q` (the default),
 * a `sort` or a `fields` parameter. The table test (catalog.test.ts) and docs/validation.md are made from these.
 */
export interface DiagnosticExample {
  readonly code: DiagnosticCode;
  readonly source: string;
  readonly kind?: "sort" | "fields";
  readonly options?: Omit<ValidateOptions, "schema">;
  readonly at: string;
  readonly fixes: readonly OfferedFix[];
}

/** A code checked on something that is not text: an AST made by hand, or a value that is no string. */
export interface InputExample {
  readonly code: DiagnosticCode;
  readonly input: unknown;
  /** How the docs show the call. */
  readonly shown: string;
}

export const EXAMPLES: readonly DiagnosticExample[] = [
  { code: "too-long", source: "status:approved", options: { maxLength: 10 }, at: "roved", fixes: [] },
  { code: "too-deep", source: "((status:approved))", options: { maxDepth: 1 }, at: "(", fixes: [] },
  {
    code: "too-many-clauses",
    source: "status:a OR status:b OR status:c",
    options: { maxClauses: 2 },
    at: "status:c",
    fixes: [fix("(status:a OR status:b) OR (status:c)")],
  },
  { code: "empty-query", source: "  ", at: "  ", fixes: [] },
  {
    code: "lowercase-operator",
    source: "status:approved and basket_info.sum:>=1000",
    at: "and",
    fixes: [fix("status:approved AND basket_info.sum:>=1000")],
  },
  {
    code: "missing-operator",
    source: "status:approved basket_info.sum:>=1000",
    at: " ",
    fixes: [maybe("status:approved AND basket_info.sum:>=1000"), maybe("status:approved OR basket_info.sum:>=1000")],
  },
  { code: "missing-operand", source: "AND status:approved", at: "AND", fixes: [fix("status:approved")] },
  { code: "dangling-operator", source: "status:approved AND NOT", at: "NOT", fixes: [fix("status:approved")] },
  {
    code: "consecutive-operators",
    source: "status:approved AND OR status:failed",
    at: "OR",
    fixes: [maybe("status:approved AND status:failed"), maybe("status:approved OR status:failed")],
  },
  {
    code: "missing-space",
    source: "status:approved &&status:failed",
    at: "&&",
    fixes: [fix("status:approved && status:failed")],
  },
  { code: "minus-prefix", source: "-status:failed", at: "-", fixes: [fix("NOT status:failed")] },
  { code: "plus-prefix", source: "+status:approved", at: "+", fixes: [fix("status:approved")] },
  { code: "space-after-bang", source: "! status:failed", at: "!", fixes: [fix("NOT status:failed")] },
  { code: "double-negation", source: "NOT NOT status:failed", at: "NOT", fixes: [fix("NOT (NOT status:failed)")] },
  {
    code: "ambiguous-precedence",
    source: "status:approved OR status:received AND basket_info.sum:>=1000",
    at: "OR",
    fixes: [maybe("status:approved OR (status:received AND basket_info.sum:>=1000)")],
  },
  { code: "missing-field", source: "approved", at: "approved", fixes: [] },
  { code: "missing-value", source: "status: AND basket_info.sum:1000", at: ":", fixes: [] },
  { code: "equals-instead-of-colon", source: "basket_info.sum=1000", at: "=", fixes: [fix("basket_info.sum:1000")] },
  { code: "unescaped-colon", source: "transactionRef:TX:123", at: ":", fixes: [fix("transactionRef:TX\\:123")] },
  {
    code: "reserved-word-value",
    source: "customer.contact.surname:AND",
    at: "AND",
    fixes: [fix('customer.contact.surname:"AND"')],
  },
  { code: "wildcard-in-field", source: "customer.*:Meier", at: "customer.*", fixes: [] },
  { code: "unescaped-character", source: "transactionRef:TX/123", at: "/", fixes: [fix("transactionRef:TX\\/123")] },
  {
    code: "unusual-whitespace",
    source: "customer.contact.surname:van\u00a0Berg",
    at: "\u00a0",
    fixes: [maybe('customer.contact.surname:"van Berg"')],
  },
  {
    code: "invalid-escape",
    source: "customer.contact.surname:M\\u00zz",
    at: "\\u00zz",
    fixes: [fix("customer.contact.surname:M\\\\u00zz")],
  },
  {
    code: "trailing-backslash",
    source: "transactionRef:TX\\",
    at: "\\",
    fixes: [fix("transactionRef:TX\\\\"), maybe("transactionRef:TX")],
  },
  { code: "invalid-unicode", source: "customer.contact.surname:\\uD800", at: "\\uD800", fixes: [] },
  {
    code: "unterminated-quote",
    source: 'customer.contact.surname:"van Berg',
    at: '"',
    fixes: [fix('customer.contact.surname:"van Berg"')],
  },
  {
    code: "unclosed-parenthesis",
    source: "(status:approved OR status:received",
    at: "(",
    fixes: [fix("(status:approved OR status:received)")],
  },
  { code: "unmatched-parenthesis", source: "status:approved)", at: ")", fixes: [fix("status:approved")] },
  { code: "empty-group", source: "status:approved AND ()", at: "()", fixes: [fix("status:approved")] },
  {
    code: "unclosed-range",
    source: "basket_info.sum:[100 TO 500",
    at: "[",
    fixes: [fix("basket_info.sum:[100 TO 500]")],
  },
  {
    code: "range-missing-to",
    source: "basket_info.sum:[100 500]",
    at: "500",
    fixes: [fix("basket_info.sum:[100 TO 500]")],
  },
  { code: "incomplete-range", source: "basket_info.sum:[100 TO]", at: "]", fixes: [] },
  {
    code: "unbalanced-quote",
    source: 'customer.contact.surname:["van TO z]',
    at: '"',
    fixes: [fix('customer.contact.surname:[\\"van TO z]')],
  },
  {
    code: "glued-range-bound",
    source: 'customer.contact.surname:["van"TO z]',
    at: "T",
    fixes: [fix('customer.contact.surname:["van" TO z]')],
  },
  {
    code: "unmatched-bracket",
    source: "transactionRef:TX]",
    at: "]",
    fixes: [fix("transactionRef:TX\\]"), maybe("transactionRef:TX")],
  },
  { code: "empty-comparison", source: "basket_info.sum:>=", at: ">=", fixes: [maybe('basket_info.sum:">="')] },
  {
    code: "escaped-comparison",
    source: "customer.contact.surname:\\>x",
    at: "\\>",
    fixes: [fix('customer.contact.surname:">x"')],
  },
  { code: "comparison-with-wildcard", source: "basket_info.sum:>10*", at: ">10*", fixes: [] },
  { code: "exists-range", source: "_exists_:[a TO b]", at: "[a TO b]", fixes: [] },
  { code: "exists-pattern", source: "_exists_:customer.*", at: "customer.*", fixes: [] },
  { code: "exists-of-exists", source: "_exists_:_exists_", at: "_exists_", fixes: [] },
  {
    code: "regex-not-supported",
    source: "customer.contact.surname:/Mei.r/",
    at: "/Mei.r/",
    fixes: [maybe("customer.contact.surname:\\/Mei.r\\/")],
  },
  {
    code: "boost-not-supported",
    source: "customer.contact.surname:Meier^2",
    at: "^2",
    fixes: [fix("customer.contact.surname:Meier")],
  },
  {
    code: "fuzzy-not-supported",
    source: "customer.contact.surname:Meier~",
    at: "~",
    fixes: [fix("customer.contact.surname:Meier*"), maybe("customer.contact.surname:Meier")],
  },
  { code: "unicode-escape-in-pattern", source: "customer.contact.surname:M\\u00fc*", at: "M\\u00fc*", fixes: [] },
  { code: "pattern-too-complex", source: "transactionRef:*X?????????????", at: "*X?????????????", fixes: [] },
  {
    code: "unknown-field",
    source: "basket_info.summ:1000",
    at: "basket_info.summ",
    fixes: [fix("basket_info.sum:1000")],
  },
  { code: "object-field", source: "customer.contact:Meier", at: "customer.contact", fixes: [] },
  { code: "not-searchable", source: "l:5", at: "l", fixes: [] },
  { code: "wrong-type", source: "basket_info.sum:10.50", at: "10.50", fixes: [fix("basket_info.sum:1050")] },
  { code: "unknown-value", source: "status:recieved", at: "recieved", fixes: [fix("status:received")] },
  { code: "unordered-field", source: "receipt_merchant_print:[false TO true]", at: "[false TO true]", fixes: [] },
  {
    code: "empty-range",
    source: "basket_info.sum:[500 TO 100]",
    at: "[500 TO 100]",
    fixes: [fix("basket_info.sum:[100 TO 500]")],
  },
  { code: "wildcard-on-non-text", source: "basket_info.sum:10*", at: "10*", fixes: [] },
  { code: "leading-wildcard", source: "customer.contact.surname:*eier", at: "*eier", fixes: [] },
  {
    code: "url-encoded",
    source: "customer.contact.email:anna%40example.com",
    at: "anna%40example.com",
    fixes: [fix("customer.contact.email:anna@example.com")],
  },
  { code: "empty-entry", source: "created:desc,,id:asc", kind: "sort", at: "", fixes: [fix("created:desc,id:asc")] },
  {
    code: "whitespace",
    source: "created:desc, id:asc",
    kind: "sort",
    at: " id:asc",
    fixes: [fix("created:desc,id:asc")],
  },
  { code: "duplicate-field", source: "id,status,id", kind: "fields", at: "id", fixes: [] },
  {
    code: "missing-direction",
    source: "created",
    kind: "sort",
    at: "created",
    fixes: [maybe("created:asc"), maybe("created:desc")],
  },
  { code: "invalid-direction", source: "created:down", kind: "sort", at: "down", fixes: [fix("created:desc")] },
];

export const INPUT_EXAMPLES: readonly InputExample[] = [
  { code: "not-a-string", input: 42, shown: "validate(42)" },
  { code: "invalid-query", input: { type: "and", operands: [] }, shown: 'validate({ type: "and", operands: [] })' },
];
