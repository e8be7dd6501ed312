import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { equals } from "../../src/ast/equals.js";
import { applyFixes } from "../../src/diagnostics/fixes.js";
import { parse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";
import { runs } from "../property-runs.js";

/** Mistakes people make in one condition, each with a safe fix: the text with it, from the condition written right. */
const CLAUSE_MISTAKES = {
  none: (clause: string) => clause,
  "equals-instead-of-colon": (clause: string) => clause.replace(":", "="),
  "boost-not-supported": (clause: string) => `${clause}^2`,
  "plus-prefix": (clause: string) => `+${clause}`,
} as const;
type ClauseMistake = keyof typeof CLAUSE_MISTAKES;

interface Clause {
  readonly field: string;
  readonly value: string;
  readonly negated: boolean;
  /** A negated condition may be written with - instead of NOT; any other may get one of the clause mistakes. */
  readonly mistake: ClauseMistake | "minus-prefix";
}

const clauseArb: fc.Arbitrary<Clause> = fc
  .record({
    field: fc.constantFrom("status", "basket_info.sum", "customer.contact.surname", "a"),
    value: fc.constantFrom("approved", "1000", "Meier", "x1"),
    negated: fc.boolean(),
    mistake: fc.constantFrom<ClauseMistake>(
      "none",
      "none",
      "equals-instead-of-colon",
      "boost-not-supported",
      "plus-prefix",
    ),
  })
  .map((clause) => ({
    ...clause,
    // Written with -, a negation is the minus-prefix mistake; + on a negated condition is not a mistake of one place.
    mistake: clause.negated && clause.mistake === "plus-prefix" ? "minus-prefix" : clause.mistake,
  }));

const mistakeArb = fc.record({
  clauses: fc.array(clauseArb, { minLength: 1, maxLength: 5 }),
  operator: fc.constantFrom("AND", "OR"),
  /** Per gap between conditions: whether the operator is written in lower case. */
  lowercase: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  grouped: fc.boolean(),
  unclosed: fc.boolean(),
  dangling: fc.boolean(),
  leading: fc.boolean(),
});

type Generated = fc.Arbitrary<{ right: string; wrong: string; mistakes: string[] }>;

/** A query written right and the same with mistakes, each of which has a safe fix, and the mistakes' codes. */
const queries: Generated = mistakeArb.map(({ clauses, operator, lowercase, grouped, unclosed, dangling, leading }) => {
  const mistakes: string[] = [];
  const right: string[] = [];
  const wrong: string[] = [];
  clauses.forEach((clause, i) => {
    if (i > 0) {
      right.push(` ${operator} `);
      const lower = lowercase[i - 1]!;
      if (lower) mistakes.push("lowercase-operator");
      wrong.push(` ${lower ? operator.toLowerCase() : operator} `);
    }
    const plain = `${clause.field}:${clause.value}`;
    right.push(`${clause.negated ? "NOT " : ""}${plain}`);
    if (clause.mistake === "minus-prefix") wrong.push(`-${plain}`);
    else wrong.push(`${clause.negated ? "NOT " : ""}${CLAUSE_MISTAKES[clause.mistake](plain)}`);
    if (clause.mistake !== "none") mistakes.push(clause.mistake);
  });
  let rightText = right.join("");
  let wrongText = wrong.join("");
  if (grouped) {
    rightText = `(${rightText})`;
    wrongText = `(${wrongText}${unclosed ? "" : ")"}`;
    if (unclosed) mistakes.push("unclosed-parenthesis");
  }
  if (dangling) {
    wrongText = `${wrongText} ${operator}`;
    mistakes.push("dangling-operator");
  }
  if (leading) {
    wrongText = `${operator} ${wrongText}`;
    mistakes.push("missing-operand");
  }
  return { right: rightText, wrong: wrongText, mistakes };
});

const reached = new Map<string, number>();

describe("applyFixes", () => {
  it("fixes every generated mistake, alone or several at once, in one pass, and changes nothing else", () => {
    fc.assert(
      fc.property(queries, ({ right, wrong, mistakes }) => {
        const { diagnostics } = validate(wrong);
        const errors = diagnostics.filter((d) => d.severity === "error");
        expect(errors.length > 0).toBe(mistakes.length > 0);
        for (const mistake of mistakes) reached.set(mistake, (reached.get(mistake) ?? 0) + 1);
        if (mistakes.length > 1) reached.set("several", (reached.get("several") ?? 0) + 1);
        const fixed = applyFixes(wrong, diagnostics);
        const again = validate(fixed).diagnostics.filter((d) => d.severity === "error");
        expect(again, `${wrong} → ${fixed}`).toEqual([]);
        // Nothing but the mistakes changed: the fixed text means what the text written right means.
        expect(equals(parse(fixed), parse(right)), `${wrong} → ${fixed}, meant ${right}`).toBe(true);
        if (mistakes.length > 0) expect(validate(wrong).suggestion).toBe(fixed);
      }),
      { numRuns: runs(1500) },
    );
  });

  afterAll(() => {
    // The generator reaches every mistake, and several at once.
    for (const code of [
      "lowercase-operator",
      "equals-instead-of-colon",
      "boost-not-supported",
      "plus-prefix",
      "minus-prefix",
      "unclosed-parenthesis",
      "dangling-operator",
      "missing-operand",
      "several",
    ]) {
      expect(reached.get(code) ?? 0, code).toBeGreaterThan(20);
    }
  });
});
