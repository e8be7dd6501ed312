import fc from "fast-check";
import { seeded } from "../../src/sandbox/random.js";
import { beforeAll, describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { equals } from "../../src/ast/equals.js";
import type { PatternPart, Query } from "../../src/ast/types.js";
import { serialize } from "../../src/serialize/serialize.js";
import { tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";
import { ANALYSED_FIELD, meaning } from "./meaning.js";
import { runs } from "../property-runs.js";
import { findOracle, type LuceneOracle, type OracleAnswer, type OracleDocument } from "./oracle.js";
import { looseText } from "./loose-printer.js";
import { q } from "../../src/builder/builder.js";
import { hostileString, hostileStrings, nestRecord, queriesOf } from "../arbitraries.js";
import { compileQuery } from "../../src/evaluate/compile.js";
import { matches } from "../../src/evaluate/matches.js";
import { defineSchema } from "../../src/schema/schema.js";

/**
 * The server's own parser as the judge: Lucene 8's classic QueryParser with Elasticsearch's readings (see
 * LuceneOracle.java). Every case is checked on a fixed set of documents whose values come from the same pools as
 * the queries', so that queries match some documents and miss others.
 */

const SEED = Number(process.env.SECUQ_LUCENE_SEED ?? 20261124);
const RUNS = Number(process.env.SECUQ_LUCENE_RUNS ?? runs(3000));

const FIELDS = ["a", "b", "c.d", "AND", "TO", "x y", "f:g", "é", "-f", "(f)", "f\\g"] as const;
const VALUES = [
  "x",
  "y",
  "xy",
  "yx",
  "x y",
  "xx",
  "X",
  "AND",
  "OR",
  "NOT",
  "TO",
  "and",
  "ANDROID",
  "*",
  "?",
  "\\",
  '"',
  '\\"',
  "a:b",
  "-x",
  "+x",
  "<5",
  ">5",
  ">=5",
  "=",
  "&&",
  "||",
  "!",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "[x TO y]",
  "^",
  "~",
  "/",
  "x/y",
  "é",
  "😀",
  "x😀",
  "\u3000",
  "\u00a0",
  "x\ty",
  "x\ny",
  "\\u0041",
  "A",
  "2024-01-01T00:00:00+01:00",
  "2024-06-30",
  "1000",
  "999",
  "10",
  "_exists_",
] as const;

function makeDocuments(count: number): OracleDocument[] {
  const random = seeded(SEED).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Common values often, so that simple queries select some documents and miss others.
  const value = (): string => (random() < 0.5 ? pick(["x", "y", "xy", "x y", "A"]) : pick(VALUES));
  return Array.from({ length: count }, () => {
    const document: Record<string, string[]> = {};
    for (const field of FIELDS) {
      if (random() < 0.35) continue;
      document[field] = Array.from({ length: random() < 0.8 ? 1 : 2 }, value);
    }
    // One value at most: the analyser puts no gap between a field's values, so a phrase could match across two.
    if (random() < 0.75) document[ANALYSED_FIELD] = [pick(ANALYSED_VALUES)];
    return document;
  });
}

const fieldArb = fc.constantFrom(...FIELDS);
const valueArb = fc.constantFrom(...VALUES);

const patternArb = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: valueArb.map((text) => ast.literal(text)) },
      { weight: 3, arbitrary: fc.constantFrom("x", "y", "A").map((text) => ast.literal(text)) },
      { weight: 2, arbitrary: fc.constant(ast.anyChars()) },
      { weight: 2, arbitrary: fc.constant(ast.oneChar()) },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .filter((parts) => parts.some((part) => part.kind !== "literal"))
  .filter((parts: PatternPart[]) => !parts.every((part) => part.kind === "anyChars"))
  .map((parts) => ast.pattern(parts));

const boundArb = fc.option(
  fc
    .record({ value: valueArb.filter((v) => v !== "*"), inclusive: fc.boolean() })
    .map(({ value, inclusive }) => ast.bound(value, inclusive)),
  { freq: 4 },
);

const leafArb: fc.Arbitrary<Query> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fieldArb, valueArb).map(([field, value]) => ast.term(field, ast.text(value))) },
  // The same values written as words: on these keyword fields a word means what a phrase means.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fieldArb,
        valueArb.filter((value) => !/^[<>]/.test(value)),
      )
      .map(([field, value]) => ast.term(field, ast.text(value, { word: true }))),
  },
  { weight: 2, arbitrary: fc.tuple(fieldArb, patternArb).map(([field, value]) => ast.term(field, value)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fieldArb, boundArb, boundArb).map(([field, min, max]) => ast.range(field, min, max)),
  },
  { weight: 1, arbitrary: fieldArb.map((field) => ast.exists(field)) },
);

const queryArb = queriesOf(leafArb);

/** Values for the analysed field `t`: terms x, y and xy, joined by separators the analyser splits at. */
const ANALYSED_VALUES = ["x", "y", "X", "xy", "x y", "y x", "x-y", "y-x", "x,y", "x-y-x", "Y-X", "x y xy"] as const;
const analysedLeafArb: fc.Arbitrary<Query> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...ANALYSED_VALUES), fc.boolean())
      .map(([value, word]) => ast.term(ANALYSED_FIELD, ast.text(value, { word }))),
  },
  { weight: 1, arbitrary: fc.constant(ast.exists(ANALYSED_FIELD)) },
  { weight: 2, arbitrary: leafArb },
);

/** Fragments of text a person might type, often valid, often not. */
const fragments = [
  "a:",
  "b:",
  "c.d:",
  "a:x",
  "b:y",
  "a:xy",
  "x",
  "y",
  "x*",
  "*y",
  "?y",
  "x?",
  '"x y"',
  '"AND"',
  " ",
  " ",
  " ",
  "  ",
  "\n",
  "AND",
  "OR",
  "NOT",
  "and",
  "or",
  "!",
  "-",
  "+",
  "&&",
  "||",
  "(",
  ")",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  " TO ",
  "*",
  ">",
  ">=",
  "<",
  "<=",
  "=",
  ":",
  "\\",
  '"',
  "_exists_:",
  "a:[x TO y]",
  "b:{* TO y]",
  "\\ ",
  "\\:",
  "é",
  "😀",
  "\u3000",
] as const;

const soupArb = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

/** Clauses joined by operators, with the odd wrong piece: mostly valid text in many shapes. */
const clauses = [
  "a:x",
  "b:y",
  "c.d:xy",
  "a:x*",
  "b:?y",
  'a:"x y"',
  "a:x\\ y",
  "a:*",
  "_exists_:b",
  "a:[x TO y]",
  "b:{* TO y]",
  "a:>x",
  "b:<=y",
  "a:(x OR y)",
  "b:(x && xy)",
  "!a:x",
  "NOT b:y",
  "(a:x OR b:y)",
  "(NOT a:x)",
  "c.d:[* TO *]",
  '\\AND:"AND"',
  "-a:x",
  "a:x y",
  "a:",
  "a:AND",
  "a=x",
  "(a:x",
  "a:x)",
  "a:x~",
  "a:x^2",
] as const;
const structuredArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(...clauses),
      fc.constantFrom(" AND ", " OR ", " && ", " || ", " AND NOT ", " OR NOT ", " ", " and "),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((pairs) => pairs.map(([clause, operator], i) => (i === pairs.length - 1 ? clause : clause + operator)).join(""));

const textArb = fc.oneof(soupArb, structuredArb);

const sample = <T>(arbitrary: fc.Arbitrary<T>, seed: number): T[] => fc.sample(arbitrary, { numRuns: RUNS, seed });

/** Every field as text, so that the evaluator orders ranges as Lucene orders terms (by code point). */
const textSchema = defineSchema({
  a: "keyword",
  b: "keyword",
  c: { d: "keyword" },
  AND: "keyword",
  TO: "keyword",
  "x y": "keyword",
  "f:g": "keyword",
  é: "keyword",
  "-f": "keyword",
  "(f)": "keyword",
  "f\\g": "keyword",
});

const found = findOracle();
const documents = makeDocuments(48);

function bits(matches: readonly boolean[]): string {
  return matches.map((m) => (m ? "1" : "0")).join("");
}

function meaningBits(query: Query): string {
  return bits(documents.map((document) => meaning(query, document)));
}

interface Failure {
  readonly text: string;
  readonly problem: string;
}

/** Collects failures and reports the first few with everything needed to reproduce them. */
function expectNoFailures(failures: readonly Failure[], checked: number): void {
  const shown = failures.slice(0, 10).map((f) => `${JSON.stringify(f.text)}: ${f.problem}`);
  expect(shown, `${failures.length} of ${checked} cases disagree with Lucene (seed ${SEED})`).toEqual([]);
}

function compare(query: Query, answer: OracleAnswer): string | undefined {
  if (!answer.ok) return `Lucene rejects it: ${answer.message}`;
  const ours = meaningBits(query);
  const theirs = bits(answer.matches);
  if (ours !== theirs)
    return `Lucene reads ${answer.reading} and matches ${theirs}; the AST ${JSON.stringify(query)} means ${ours}`;
  return undefined;
}

describe.skipIf(found.oracle === undefined)("the server's parser (Lucene 8 classic QueryParser) agrees", () => {
  let oracle: LuceneOracle;
  beforeAll(() => {
    oracle = found.oracle!;
  });

  it("the documents are varied enough for the test to mean something", () => {
    const answers = oracle.run(documents, ["a:x", "a:*", "NOT a:x", "a:x OR b:y"]);
    for (const answer of answers) {
      expect(answer.ok).toBe(true);
      if (answer.ok) expect(answer.matches.some(Boolean) && !answer.matches.every(Boolean)).toBe(true);
    }
  });

  it("accepts every serialized AST and matches exactly the documents the AST means", () => {
    const queries = sample(queryArb, SEED);
    const texts = queries.map((query) => serialize(query));
    const answers = oracle.run(documents, texts);
    const failures: Failure[] = [];
    let matchedSome = 0;
    const records = documents.map(nestRecord);
    texts.forEach((text, i) => {
      const problem = compare(queries[i]!, answers[i]!);
      if (problem !== undefined) failures.push({ text, problem });
      const answer = answers[i]!;
      if (answer.ok && answer.matches.some(Boolean)) matchedSome++;
      // The evaluator (matches/filter) must select what the server selects.
      const test = compileQuery(queries[i]!, { ignoreCase: false, schema: textSchema });
      const evaluated = bits(records.map(test));
      if (answer.ok && evaluated !== bits(answer.matches))
        failures.push({ text, problem: `the evaluator matches ${evaluated}, Lucene ${bits(answer.matches)}` });
    });
    expectNoFailures(failures, texts.length);
    // Most queries should select some documents, or the comparison proves little.
    expect(matchedSome).toBeGreaterThan(texts.length / 3);
  });

  it("reads text written as people write it as the AST says, unless validate warns of ambiguous precedence", () => {
    const cases = sample(fc.tuple(queryArb, fc.integer({ min: 0, max: 2 ** 31 - 1 })), SEED + 1).map(
      ([query, seed]) => ({
        query,
        text: looseText(query, seeded(seed).next),
      }),
    );
    const answers = oracle.run(
      documents,
      cases.map((c) => c.text),
    );
    const failures: Failure[] = [];
    let warned = 0;
    cases.forEach(({ query, text }, i) => {
      const result = validate(text);
      if (!result.ok || result.query === undefined || !equals(result.query, query)) {
        failures.push({ text, problem: `secuq reads ${JSON.stringify(result)}, expected ${serialize(query)}` });
        return;
      }
      const answer = answers[i]!;
      if (!answer.ok) {
        failures.push({ text, problem: `Lucene rejects it: ${answer.message}` });
        return;
      }
      if (result.diagnostics.some((d) => d.code === "ambiguous-precedence")) {
        warned++;
        return;
      }
      const problem = compare(query, answer);
      if (problem !== undefined) failures.push({ text, problem });
    });
    expectNoFailures(failures, cases.length);
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(cases.length / 2);
  });

  it("accepts what validate passes, reads it as secuq does unless warned, and reads the format as the AST", () => {
    const texts = [...new Set(sample(textArb, SEED + 2))];
    const results = texts.map((text) => validate(text));
    const accepted = texts.filter((_, i) => results[i]!.ok);
    const formatted = accepted.map((text) => serialize(tryParse(text).query!));
    const answers = oracle.run(documents, [...accepted, ...formatted]);
    const failures: Failure[] = [];
    accepted.forEach((text, i) => {
      const result = validate(text);
      const query = result.query!;
      const answer = answers[i]!;
      if (!answer.ok) {
        failures.push({
          text,
          problem: `validate passes it (${JSON.stringify(result.diagnostics)}), Lucene rejects it: ${answer.message}`,
        });
        return;
      }
      if (!result.diagnostics.some((d) => d.code === "ambiguous-precedence")) {
        const problem = compare(query, answer);
        if (problem !== undefined) failures.push({ text, problem });
      }
      const canonical = formatted[i]!;
      const problem = compare(query, answers[accepted.length + i]!);
      if (problem !== undefined)
        failures.push({ text: canonical, problem: `(formatted from ${JSON.stringify(text)}) ${problem}` });
    });
    expectNoFailures(failures, accepted.length);
    // Enough of the random texts must be valid for this to test anything.
    expect(accepted.length).toBeGreaterThan(texts.length / 20);
  });

  it("the server reading of every text secuq accepts matches exactly what Lucene matches, warnings or not", () => {
    const loose = sample(fc.tuple(queryArb, fc.integer({ min: 0, max: 2 ** 31 - 1 })), SEED + 4).map(([query, seed]) =>
      looseText(query, seeded(seed).next),
    );
    const texts = [...new Set([...sample(textArb, SEED + 5), ...loose])].filter((text) => validate(text).ok);
    const answers = oracle.run(documents, texts);
    const records = documents.map(nestRecord);
    const failures: Failure[] = [];
    let warned = 0;
    texts.forEach((text, i) => {
      const { query, diagnostics } = tryParse(text, { reading: "server" });
      if (diagnostics.some((d) => d.code === "ambiguous-precedence")) warned++;
      const problem = compare(query!, answers[i]!);
      if (problem !== undefined) failures.push({ text, problem });
      // The evaluator reads text the same way.
      const answer = answers[i]!;
      const evaluated = bits(records.map((record) => matches(text, record, { ignoreCase: false, schema: textSchema })));
      if (answer.ok && evaluated !== bits(answer.matches))
        failures.push({ text, problem: `matches() gives ${evaluated}, Lucene ${bits(answer.matches)}` });
    });
    expectNoFailures(failures, texts.length);
    // The texts that read differently are the point: enough of them must be there.
    expect(warned).toBeGreaterThan(texts.length / 10);
  });

  it("keeps words and phrases apart on an analysed text field: what is printed means what the AST says", () => {
    const queries = sample(queriesOf(analysedLeafArb), SEED + 6);
    // Both the canonical form and text as people write it (words escaped, phrases quoted, or bare if one term).
    const texts = queries.flatMap((query, i) => [serialize(query), looseText(query, seeded(SEED + i).next)]);
    const answers = oracle.run(documents, texts);
    const failures: Failure[] = [];
    let wordsThatDiffer = 0;
    texts.forEach((text, i) => {
      const query = queries[i >> 1]!;
      const read = tryParse(text).query;
      if (read === undefined || !equals(read, query)) {
        failures.push({ text, problem: `secuq reads ${read === undefined ? "an error" : serialize(read)}` });
        return;
      }
      // What the server runs (the same query unless the text is ambiguous) matches what Lucene matches.
      const problem = compare(tryParse(text, { reading: "server" }).query!, answers[i]!);
      if (problem !== undefined) failures.push({ text, problem });
    });
    for (const value of ANALYSED_VALUES) {
      const [word, phrase] = [ast.text(value, { word: true }), ast.text(value)];
      const bitsOf = (v: typeof word): string => meaningBits(ast.term(ANALYSED_FIELD, v));
      if (bitsOf(word) !== bitsOf(phrase)) wordsThatDiffer++;
    }
    expectNoFailures(failures, texts.length);
    // The documents must tell words from phrases, or the test proves nothing.
    expect(wordsThatDiffer).toBeGreaterThan(3);
  });

  it("reads every builder value as the one clause it was built as: no value changes the structure", () => {
    const values = [
      ...new Set([...VALUES, ...hostileStrings, ...sample(hostileString({ minLength: 1 }), SEED + 3).slice(0, 400)]),
    ];
    // One document per value, in field a and in a field with a hostile name; each value should find its own.
    const valueDocuments: OracleDocument[] = values.map((value) => ({ a: [value], "x y": [value] }));
    const built = values.flatMap((value) => [
      q.field("a").is(value),
      q.field("x y").is(value),
      q.field("a").matches(value),
      q.field("a").matches(`${value}*`),
      q.field("a").matches(`?${value}`),
      q.field("a").is(value).not().or(q.field("x y").is(value)),
    ]);
    const texts = built.map(String);
    const answers = oracle.run(valueDocuments, texts);
    const failures: Failure[] = [];
    texts.forEach((text, i) => {
      const query = built[i]!.toQuery();
      const answer = answers[i]!;
      if (!answer.ok) return failures.push({ text, problem: `Lucene rejects it: ${answer.message}` });
      const ours = bits(valueDocuments.map((document) => meaning(query, document)));
      if (ours !== bits(answer.matches))
        failures.push({ text, problem: `Lucene reads ${answer.reading}; the builder meant ${JSON.stringify(query)}` });
      return undefined;
    });
    expectNoFailures(failures, texts.length);
  });

  it("reads the DESIGN examples the way the server really does", () => {
    const rows: [string, string][] = [
      ["a:1 OR b:2 AND c:3", "a:1 +b:2 +c:3"],
      ["NOT a:b OR c:d", "-a:b c:d"],
      ["a:x/y", "ERR"],
      ["NOT NOT a:b", "ERR"],
      ["a:AND", "ERR"],
      ["a:>5", "a:{5 TO *]"],
    ];
    const answers = oracle.run(
      documents,
      rows.map(([text]) => text),
    );
    rows.forEach(([text, expected], i) => {
      const answer = answers[i]!;
      expect(answer.ok ? answer.reading : "ERR", text).toBe(expected);
      if (expected === "ERR") expect(validate(text).ok, text).toBe(false);
      else expect(validate(text).ok, text).toBe(true);
    });
  });
});

if (found.missing !== undefined && process.env.SECUQ_REQUIRE_LUCENE) {
  describe("the Lucene differential test", () => {
    it("runs, because SECUQ_REQUIRE_LUCENE is set", () => {
      expect.fail(`The Lucene oracle cannot run: ${found.missing} not found`);
    });
  });
} else if (found.missing !== undefined) {
  const notice = `SKIPPED: ${found.missing} not found; install liblucene8-java and a JDK, then run npm run test:lucene`;
  console.warn(`\n[secuq] The Lucene differential test is ${notice}\n`);
  describe("the Lucene differential test", () => {
    it.skip(notice, () => undefined);
  });
}
