import { describe, expect, it } from "vitest";
import { validate } from "../../src/validate/validate.js";
import { findOracle } from "./oracle.js";

const found = findOracle();

const a = (n: number): string => "a".repeat(n);
const e = (n: number): string => "é".repeat(n);

/**
 * Patterns and bounds on both sides of Lucene 8's limits ("input automaton is too large" past 1,000 states on the
 * first path; more than 10,000 states to determinize), each written so that it is the only thing that can fail.
 */
const cases = [
  `f:${a(1000)}*`,
  `f:${a(1001)}*`,
  `f:${e(500)}*`,
  `f:${e(501)}*`,
  `f:${a(999)}?`,
  `f:${a(1000)}?`,
  `f:?${a(998)}*b`,
  `f:?${a(999)}*b`,
  `f:*${a(1200)}?`,
  `f:a*${a(1200)}`,
  "f:*x?????????????",
  "f:*ab????????????",
  `f:[${a(1000)} TO b]`,
  `f:[${a(1001)} TO b]`,
  `f:{${a(999)} TO b]`,
  `f:{${a(1000)} TO b]`,
  `f:[a TO b${a(1200)}]`,
  `f:>=${a(1000)}`,
  `f:>=${a(1001)}`,
  `f:>${a(999)}`,
  `f:>${a(1000)}`,
  `f:<${a(1200)}`,
];

describe.skipIf(found.oracle === undefined)("the server's limits on patterns and range bounds", () => {
  it("validate refuses exactly what Lucene cannot compile", () => {
    const answers = found.oracle!.run([{ f: ["a"] }], cases);
    const disagreements = cases.flatMap((query, i) => {
      const ours = validate(query).ok;
      const theirs = answers[i]!.ok;
      return ours === theirs ? [] : [`${query.slice(0, 40)}… (${query.length}): Lucene ${theirs}, secuq ${ours}`];
    });
    expect(disagreements).toEqual([]);
    // Both sides of every limit are here.
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThan(5);
    expect(answers.filter((answer) => !answer.ok).length).toBeGreaterThan(5);
  });
});
