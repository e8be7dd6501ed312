import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equals } from "../../../src/ast/equals.js";
import { serialize } from "../../../src/serialize/serialize.js";
import { parseServer } from "../../../src/syntax/server/parse-server.js";
import { tryParse } from "../../../src/syntax/parse.js";
import { queriesOf, leafArb, hostileString } from "../../arbitraries.js";
import { runs } from "../../property-runs.js";

/** What the server runs for a text, in canonical form where there is one, else as the AST says it. */
function reading(text: string): string {
  const read = parseServer(text);
  if (!read.ok) return `refused: ${read.message}`;
  try {
    return serialize(read.query);
  } catch {
    return JSON.stringify(read.query, (key, value: unknown) => (key === "span" ? undefined : value));
  }
}

describe("the server reading: what Elasticsearch's query_string runs", () => {
  it.each([
    ["status:approved OR status:failed AND basket_info.sum:>10000", "status:failed AND basket_info.sum:{10000 TO *]"],
    ["status:approved AND NOT status:failed OR payment_method:paypal", "status:approved AND NOT status:failed"],
    ["NOT status:approved OR status:failed", "status:failed AND NOT status:approved"],
    ["status:approved status:failed", "status:approved OR status:failed"],
    ["+status:approved -status:failed", "status:approved AND NOT status:failed"],
    ["status:approved +status:failed", "status:failed"],
    ["-status:failed", "NOT status:failed"],
    ["status:(approved failed)", "status:approved\\ failed"],
    ["status:(approved OR failed)", "status:approved OR status:failed"],
    ["status:approved~", "status:approved~2"],
    ["status:ok~", "status:ok~0"],
    ["status:okay~", "status:okay~1"],
    ["status:approved~1", "status:approved~1"],
    ["status:approved~5", "status:approved~2"],
    ['name:"van der"~2', 'name:"van der"~2'],
    ['name:"van der"~0', 'name:"van der"'],
    ["status:/appr.*/", "status:/appr.*/"],
    ["status:approved^2", "status:approved"],
    ["(status:approved OR status:failed)^3", "status:approved OR status:failed"],
    ["status:>=5", "status:[5 TO *]"],
    ["status:<5", "status:[* TO 5}"],
    ["status:>*", "status:\\>*"],
    ["a:[1 TO *]", "a:[1 TO *]"],
    ['a:["*" TO 5]', "a:[* TO 5]"],
    ["a:*", "_exists_:a"],
    ["_exists_:a", "_exists_:a"],
    ["a:\\u0041", "a:A"],
    ["a:b\\ c", "a:b\\ c"],
    ["NOT a:1 AND b:2", "NOT a:1 AND b:2"],
  ])("%s runs as %s", (text, runs) => {
    expect(reading(text)).toBe(runs);
  });

  it.each([
    ["approved", '"field":"*"'],
    ["*:approved", '"field":"*"'],
    ["a:b and c:d", '"text":"and"'],
    ["email=a@b.de", '"text":"email=a@b.de"'],
    ["! a:b", '"text":"!"'],
    ["*:*", '"type":"exists","field":"*"'],
  ])("%s searches every field: %s", (text, part) => {
    expect(reading(text)).toContain(part);
  });

  it.each([
    ["status:(approved", "<EOF>"],
    ["NOT NOT a:b", '"NOT"'],
    ["a:AND", '"AND"'],
    ["a:x/y", "Lexical error"],
    ["a:b^", "<EOF>"],
    ["a:b^ 2", "Lexical error"],
    ["a:x~abc", 'For input string: "ABC"'],
    ["a:\\u00", "Truncated unicode escape sequence."],
    ["a:\\uXYZW", "Non-hex character in Unicode escape sequence: X"],
    ["a:]", "Lexical error"],
    ['a:"open', "Lexical error"],
    ["a:[1 TO 2", "<EOF>"],
    ["a:(", "<EOF>"],
    ["", "<EOF>"],
    [")", '")"'],
  ])("%s is refused: %s", (text, message) => {
    expect(reading(text)).toContain(message);
  });

  it("refuses more than 1,024 clauses in a group, and a group of 1,024 prohibited ones (the engine adds one)", () => {
    const clauses = (n: number, prefix = ""): string =>
      Array.from({ length: n }, (_, i) => `${prefix}a:${i}`).join(" ");
    expect(parseServer(clauses(1024)).ok).toBe(true);
    expect(reading(clauses(1025))).toContain("too_many_clauses");
    expect(parseServer(clauses(1023, "-")).ok).toBe(true);
    expect(reading(clauses(1024, "-"))).toContain("too_many_clauses");
  });

  it("never throws, and refuses nesting past its limit instead of overflowing the stack", () => {
    expect(reading(`${"(".repeat(5000)}a:b${")".repeat(5000)}`)).toContain("deeper than 1000");
    fc.assert(
      fc.property(hostileString(), (text) => {
        const read = parseServer(text);
        expect(typeof read.ok).toBe("boolean");
      }),
      { numRuns: runs(500) },
    );
  });

  it("reads every canonical text as the usual reading does", () => {
    let compared = 0;
    fc.assert(
      fc.property(queriesOf(leafArb), (query) => {
        const text = serialize(query);
        const usual = tryParse(text).query;
        const server = parseServer(text);
        expect(server.ok, text).toBe(true);
        if (server.ok && usual) {
          compared++;
          expect(equals(server.query, usual), text).toBe(true);
        }
      }),
      { numRuns: runs(1000) },
    );
    expect(compared).toBeGreaterThan(runs(1000) / 2);
  });
});
