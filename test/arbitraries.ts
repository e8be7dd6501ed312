import fc from "fast-check";
import * as ast from "../src/ast/factories.js";
import type { Bound, PatternPart, Query } from "../src/ast/types.js";

/** Strings chosen to break a careless printer: reserved characters, operators, whitespace, escapes, unicode. */
export const hostileStrings = [
  "x",
  "y",
  "xy",
  "x y",
  "AND",
  "OR",
  "NOT",
  "TO",
  "and",
  "to",
  "ANDROID",
  "*",
  "?",
  "\\",
  "\\\\",
  '"',
  '\\"',
  "a\\",
  ":",
  "a:b",
  "-",
  "-x",
  "+x",
  "x+y",
  "<5",
  ">5",
  ">=5",
  "x>y",
  "=",
  "a=b",
  "&&",
  "||",
  "x&&y",
  "!",
  "!x",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "[x TO y]",
  "^",
  "x^2",
  "~",
  "x~",
  "/",
  "/x/",
  "é",
  "😀",
  "\u3000",
  "\u00a0",
  "\t",
  "\n",
  " ",
  "\\u0041",
  "2024-01-01T00:00:00+01:00",
  "1000",
  "_exists_",
];

const hostileChars = [...'ab:\\"*?()[]{}<>=&|!+-^~/ \t\né😀\u3000\u00a0'];

/** A string that is often one of the hostile ones and otherwise random over a hostile alphabet or all of unicode. */
export const hostileString = (options: { minLength?: number } = {}): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
      { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...hostileChars), maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 5 }) },
    )
    .filter((s) => s.length >= (options.minLength ?? 0) && !ast.hasLoneSurrogate(s));

/** Field paths: ordinary dotted ones and hostile ones that must be escaped. */
export const fieldArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("a", "b", "status", "basket_info.sum", "customer.contact.surname") },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom("AND", "OR", "NOT", "TO", "-f", "x y", "f:g", "f\\g", "é.ü", "(f)"),
        hostileString({ minLength: 1 }),
      )
      .filter((f) => !/[*?]/.test(f) && f !== "_exists_"),
  },
);

const patternPartArb: fc.Arbitrary<PatternPart> = fc.oneof(
  { weight: 3, arbitrary: hostileString({ minLength: 1 }).map((text) => ast.literal(text)) },
  { weight: 2, arbitrary: fc.constant(ast.anyChars()) },
  { weight: 2, arbitrary: fc.constant(ast.oneChar()) },
);

export const patternArb = fc
  .array(patternPartArb, { minLength: 1, maxLength: 4 })
  .filter((parts) => parts.some((p) => p.kind !== "literal"))
  .map((parts) => {
    // Merging can still leave a lone *, which is `exists`, not a pattern.
    try {
      return ast.pattern(parts);
    } catch {
      return ast.pattern([ast.literal("x"), ...parts]);
    }
  });

/** Text values: phrases, and words (a word cannot be empty or start with < or >, which would be a comparison). */
export const textArb = fc.oneof(
  hostileString().map((text) => ast.text(text)),
  hostileString({ minLength: 1 })
    .filter((text) => !/^[<>]/.test(text))
    .map((text) => ast.text(text, { word: true })),
);

const boundArb: fc.Arbitrary<Bound | null> = fc.option(
  fc
    .record({ value: hostileString({ minLength: 1 }).filter((v) => v !== "*"), inclusive: fc.boolean() })
    .map((b) => ast.bound(b.value, b.inclusive)),
  { freq: 4 },
);

export const leafArb: fc.Arbitrary<Query> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fieldArb, textArb).map(([field, value]) => ast.term(field, value)) },
  { weight: 2, arbitrary: fc.tuple(fieldArb, patternArb).map(([field, value]) => ast.term(field, value)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fieldArb, boundArb, boundArb).map(([field, min, max]) => ast.range(field, min, max)),
  },
  { weight: 1, arbitrary: fieldArb.map((field) => ast.exists(field)) },
);

/** Queries up to a modest depth over the given conditions, built with the factories (so valid and frozen). */
export const queriesOf = (leaves: fc.Arbitrary<Query>): fc.Arbitrary<Query> =>
  fc.letrec<{ query: Query }>((tie) => ({
    query: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: leaves },
      { weight: 1, arbitrary: tie("query").map((q) => ast.not(q)) },
      { weight: 1, arbitrary: fc.array(tie("query"), { minLength: 2, maxLength: 4 }).map((qs) => ast.and(qs)) },
      { weight: 1, arbitrary: fc.array(tie("query"), { minLength: 2, maxLength: 4 }).map((qs) => ast.or(qs)) },
    ),
  })).query;

/** Arbitrary queries over hostile fields and values. */
export const queryArb: fc.Arbitrary<Query> = queriesOf(leafArb);

/** A flat document (`{ "c.d": ["x"] }`) as a nested record (`{ c: { d: "x" } }`), several values as an array. */
export function nestRecord(document: Readonly<Record<string, readonly string[]>>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [path, values] of Object.entries(document)) {
    const keys = path.split(".");
    let target = record;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = values.length === 1 ? values[0] : [...values];
  }
  return record;
}

/** Pieces of query text, to build strings that are often almost valid. */
const fragments = [
  "a",
  "b.c",
  ":",
  " ",
  "  ",
  "AND",
  "OR",
  "NOT",
  "and",
  "or",
  "!",
  "&&",
  "||",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "TO",
  "*",
  "?",
  '"',
  "\\",
  "x",
  "y",
  ">",
  ">=",
  "<",
  "=",
  "-",
  "+",
  "/",
  "^",
  "~",
  "\t",
  "\n",
  "\u3000",
  "\u00a0",
  "é",
  "😀",
  "5",
  "\\u0041",
  "_exists_",
  "a:x",
  "b:[1 TO 5]",
  "\uD800",
];
/** Text that is often almost a query, and sometimes arbitrary binary. */
export const queryLikeText = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 30 }),
);

// Mostly pieces of valid queries, so that long texts are often cut; some hold an operator inside a longer token.
const flatValid = [
  "a:x",
  "b.c:y*",
  'b:"p AND q"',
  "e:[1 TO 5]",
  'f:["x AND" TO z]',
  "g:a\\ AND\\ b",
  "NOT h:y",
  "!i:z",
  "é:😀",
  "k:>=5",
];
const flatOperators = [" AND ", " OR ", " && ", " || ", " AND NOT ", " ", "\t"];
const flatTricky = [
  'c:"open AND',
  "d:/re AND x/",
  "/",
  'f:[x" TO z]',
  "AND",
  "OR",
  '"',
  "[",
  "]",
  "{",
  ":",
  "\\",
  "x",
  "and",
];
/**
 * Text without parentheses in which what looks like an operator is sometimes inside a longer token (a quoted value,
 * an unterminated quote, a regular expression, a range bound, an escaped space): for cutting long input.
 */
export const flatQueryText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...flatValid) },
      { weight: 6, arbitrary: fc.constantFrom(...flatOperators) },
      { weight: 1, arbitrary: fc.constantFrom(...flatTricky) },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join(""));
