import fc from "fast-check";
import { seeded } from "../../src/sandbox/random.js";
import { describe, expect, it } from "vitest";
import { matches } from "../../src/evaluate/matches.js";
import { defineSchema } from "../../src/schema/schema.js";
import { tryParse } from "../../src/syntax/parse.js";
import { parseServer } from "../../src/syntax/server/parse-server.js";
import { validate } from "../../src/validate/validate.js";
import { nestRecord } from "../arbitraries.js";
import { runs } from "../property-runs.js";
import { findOracle, type OracleDocument } from "./oracle.js";

/**
 * The server reading of the whole of the server's syntax, judged by Lucene's own parser with Elasticsearch's readings
 * (LuceneOracle.java, lenient as the default `query_string`): for texts secuq warns about or refuses (`+`/`-`,
 * lowercase operators, juxtaposition, bare words over every field, fuzziness, regular expressions, boosts, slop),
 * the same accept or refuse, and on documents the same matches, through `tryParse(…, { reading: "server" })` and
 * `matches`.
 */

const SEED = Number(process.env.SECUQ_LUCENE_SEED ?? 20261208);
const RUNS = Number(process.env.SECUQ_LUCENE_RUNS ?? runs(3000));

const KEYWORD_VALUES = ["x", "y", "xy", "X", "x y", "xyz", "xxyy", "yx", "x-y", "abc", "abd", "10", "9"] as const;
const TEXT_VALUES = ["x", "y x", "x-y", "X Y", "xy yx", "x y xy", "abc abd", "xyz"] as const;
const schema = defineSchema({ a: "keyword", b: "keyword", c: { d: "keyword" }, t: "string" });

function makeDocuments(count: number): OracleDocument[] {
  const random = seeded(SEED).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => {
    const document: Record<string, string[]> = {};
    for (const field of ["a", "b", "c.d"]) if (random() < 0.7) document[field] = [pick(KEYWORD_VALUES)];
    if (random() < 0.8) document.t = [pick(TEXT_VALUES)];
    return document;
  });
}

// The pieces of the server's syntax, each counted when a text holds it.
const CONSTRUCTS = {
  "lowercase operator": / (and|or|not) /,
  juxtaposition: /[\w)] +[\w(]/,
  "+ or -": /(^|[ (])[+-]\S/,
  "bare word": /(^|[ (])[\w*?]+(?![\w*?]*:)/,
  "*:": /\*:/,
  fuzzy: /~\d?(?!")/,
  "phrase slop": /"~/,
  boost: /\^/,
  regexp: /\/.+\//,
  range: /[[{]/,
  comparison: /:[<>]/,
  "field group": /\w:\(/,
  "!": /!/,
} as const;

const field = fc.constantFrom("a:", "b:", "c.d:", "t:", "*:", "", "", "A:");
const value = fc.constantFrom(
  "x",
  "y",
  "X",
  "xy",
  "xyz",
  "abc",
  "x*",
  "?y",
  "*y*",
  "x~",
  "xyz~1",
  "abd~",
  "xxyy~2",
  "x~0",
  '"x y"',
  '"y x"~2',
  '"x y"~1',
  "/x.*/",
  "/[xy]+/",
  "/ab[cd]/",
  "/(x|y)z?/",
  "/x{1,2}y/",
  "/~(x)/",
  "/x&.*/",
  "/[/",
  "//",
  "/x|/",
  "/[]x]/",
  "/<1-10>/",
  "/@/",
  "/#|x/",
  "/x\\/y/",
  "[x TO y]",
  "{x TO *]",
  "[* TO xy}",
  ">x",
  "<=y",
  ">=10",
  "x^2",
  "y^0.5",
  "and",
  "or",
  "x-y",
  "*",
  "x\\ y",
  "_exists_:a",
  "_exists_:t",
);
const operator = fc.constantFrom(" AND ", " OR ", " ", " ", " and ", " or ", " && ", " || ", " AND NOT ", " OR ", "  ");
const modifier = fc.constantFrom("", "", "", "+", "-", "!", "NOT ", "! ", "not ");

const clause: fc.Arbitrary<string> = fc.letrec<{ clause: string; group: string }>((tie) => ({
  clause: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(modifier, field, value).map(([m, f, v]) => `${m}${f}${v}`) },
    { weight: 1, arbitrary: fc.tuple(modifier, field, tie("group")).map(([m, f, g]) => `${m}${f}(${g})`) },
  ),
  group: fc
    .tuple(tie("clause"), fc.array(fc.tuple(operator, tie("clause")), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map(([o, c]) => o + c).join("")),
})).group;

// Now and then a stray character, so that refusals are tested too.
const text = fc
  .tuple(clause, fc.option(fc.constantFrom("(", ")", '"', "^", "~", ":", "\\", "]", "AND"), { freq: 6 }), fc.nat())
  .map(([written, stray, at]) => {
    if (stray === null) return written;
    const position = at % (written.length + 1);
    return written.slice(0, position) + stray + written.slice(position);
  });

const found = findOracle();
const documents = makeDocuments(40);
const records = documents.map(nestRecord);

describe.skipIf(found.oracle === undefined)(
  "the server reading of the server's whole syntax agrees with Lucene",
  () => {
    it("accepts and refuses what Lucene does, and matches the documents it matches", () => {
      const texts = [...new Set(fc.sample(text, { numRuns: RUNS, seed: SEED }))];
      const answers = found.oracle!.run(documents, texts, { lenient: true });
      const failures: string[] = [];
      const reached = new Map<string, number>();
      let refused = 0;
      let secuqRefuses = 0;
      let esOnly = 0;
      texts.forEach((written, i) => {
        const answer = answers[i]!;
        const { query } = tryParse(written, { reading: "server" });
        if (!validate(written).ok) secuqRefuses++;
        if (!answer.ok) refused++;
        for (const [name, pattern] of Object.entries(CONSTRUCTS)) {
          if (pattern.test(written)) reached.set(name, (reached.get(name) ?? 0) + 1);
        }
        // Elasticsearch reads `~` and what follows as a number of edits and fails on anything else; plain Lucene
        // falls back to its default. The oracle is plain Lucene there: the difference is counted, not judged.
        const server = parseServer(written);
        const fuzziness = !server.ok && server.message.startsWith("failed to create query: For input string");
        if (fuzziness && answer.ok) {
          esOnly++;
          return;
        }
        if ((query !== undefined) !== answer.ok) {
          failures.push(`${JSON.stringify(written)}: Lucene ${answer.ok ? "accepts" : `refuses (${answer.message})`}`);
          return;
        }
        if (!answer.ok) return;
        const ours = records.map((record) => (matches(written, record, { schema, ignoreCase: false }) ? "1" : "0"));
        const theirs = answer.matches.map((m) => (m ? "1" : "0")).join("");
        if (ours.join("") !== theirs) {
          failures.push(
            `${JSON.stringify(written)}: Lucene reads ${answer.reading}, matching ${theirs}; we match ${ours.join("")}`,
          );
        }
      });
      expect(failures.slice(0, 12), `${failures.length} of ${texts.length} texts disagree (seed ${SEED})`).toEqual([]);
      // The point is the syntax secuq refuses: most texts must be such, and each construct must be reached.
      expect(secuqRefuses).toBeGreaterThan(texts.length / 2);
      expect(refused).toBeGreaterThan(texts.length / 20);
      expect(esOnly).toBeLessThan(texts.length / 10);
      for (const name of Object.keys(CONSTRUCTS))
        expect(reached.get(name) ?? 0, name).toBeGreaterThan(texts.length / 100);
    });
  },
);
