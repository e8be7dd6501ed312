import { describe, expect, it } from "vitest";
import { equals } from "../../../src/ast/equals.js";
import { serialize } from "../../../src/serialize/serialize.js";
import { parse, tryParse } from "../../../src/syntax/parse.js";

/** [text, what the server runs, in canonical form]: Lucene's clause rules, as the differential test confirms. */
const readings: [string, string][] = [
  ["a:1 OR b:2 AND c:3", "b:2 AND c:3"],
  ["a:1 AND b:2 OR c:3", "a:1 AND b:2"],
  ["a:1 AND b:2 OR c:3 AND d:4", "a:1 AND b:2 AND c:3 AND d:4"],
  ["a:1 OR b:2 OR c:3 AND d:4 OR e:5", "c:3 AND d:4"],
  ["NOT a:1 OR b:2", "b:2 AND NOT a:1"],
  ["a:1 OR NOT b:2", "a:1 AND NOT b:2"],
  ["a:1 OR NOT b:2 OR c:3", "(a:1 OR c:3) AND NOT b:2"],
  ["NOT a:1 OR NOT b:2", "NOT a:1 AND NOT b:2"],
  ["a:1 OR b:2 AND NOT c:3", "b:2 AND NOT c:3"],
  ["NOT a:1 OR b:2 AND c:3", "NOT a:1 AND b:2 AND c:3"],
  ["x:1 AND (a:1 OR b:2 AND c:3)", "x:1 AND b:2 AND c:3"],
  ["(a:1 OR b:2) AND c:3 OR d:4", "(a:1 OR b:2) AND c:3"],
  ["status:(ok OR pending AND x)", "status:pending AND status:x"],
  ["a:1 || b:2 && !c:3", "b:2 AND NOT c:3"],
];

/** Text whose usual and server readings are the same: no warning, one query. */
const unambiguous = [
  "a:1 OR b:2 OR c:3",
  "a:1 AND b:2 AND NOT c:3",
  "NOT a:1 AND b:2",
  "a:1 OR (b:2 AND c:3)",
  "(a:1 AND b:2) OR c:3",
  "(NOT a:1) OR b:2",
  "a:1 OR (NOT b:2)",
  "NOT a:1",
  "(a:1)",
];

describe("the server reading", () => {
  it.each(readings)("%s runs as %s", (text, expected) => {
    const server = tryParse(text, { reading: "server" });
    expect(server.query && serialize(server.query)).toBe(expected);
    // The same diagnostics either way: the warning says the two readings differ.
    expect(server.diagnostics).toEqual(tryParse(text).diagnostics);
    expect(server.diagnostics.map((d) => d.code)).toEqual(["ambiguous-precedence"]);
    expect(equals(server.query!, parse(text))).toBe(false);
  });

  it.each(unambiguous)("%s reads the same both ways", (text) => {
    expect(parse(text, { reading: "server" })).toStrictEqual(parse(text));
    expect(tryParse(text).diagnostics).toEqual([]);
  });

  it("prints a canonical form that reads the same both ways", () => {
    for (const [text] of readings) {
      const canonical = serialize(parse(text, { reading: "server" }));
      expect(parse(canonical)).toStrictEqual(parse(canonical, { reading: "server" }));
    }
  });
});
