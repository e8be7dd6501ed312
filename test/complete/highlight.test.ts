import { describe, expect, it } from "vitest";
import { highlight } from "../../src/complete/highlight.js";

/** Each highlighted piece as `text=kind`. */
const pieces = (source: string): string[] =>
  highlight(source).map(({ span, kind }) => `${source.slice(span.start, span.end)}=${kind}`);

describe("highlight", () => {
  it.each([
    [
      "status:ok AND x:y*",
      ["status=field", ":=punctuation", "ok=value", "AND=operator", "x=field", ":=punctuation", "y*=wildcard"],
    ],
    ["a:[1 TO *]", ["a=field", ":=punctuation", "[=range", "1=value", "TO=keyword", "*=keyword", "]=range"]],
    ['b:{x TO "y"}', ["b=field", ":=punctuation", "{=range", "x=value", "TO=keyword", '"y"=quoted', "}=range"]],
    ["sum:>=10", ["sum=field", ":=punctuation", ">=10=range"]],
    [
      '!c:"d e" || NOT f:g',
      [
        "!=operator",
        "c=field",
        ":=punctuation",
        '"d e"=quoted',
        "||=operator",
        "NOT=operator",
        "f=field",
        ":=punctuation",
        "g=value",
      ],
    ],
    ["e:f\\*g", ["e=field", ":=punctuation", "f\\*g=value"]],
    ["_exists_:customer.id", ["_exists_=keyword", ":=punctuation", "customer.id=field"]],
    ["(a:b)", ["(=punctuation", "a=field", ":=punctuation", "b=value", ")=punctuation"]],
    // What the lexer sees as wrong: a stray bracket, an unclosed quote, a boost, fuzziness, a regular expression.
    ['a:b ] "oops', ["a=field", ":=punctuation", "b=value", "]=error", '"oops=error']],
    ["x:y^2 meier~ /re/", ["x=field", ":=punctuation", "y=value", "^2=error", "meier=value", "~=error", "/re/=error"]],
    ["a\\", ["a=value", "\\=error"]],
    // A lowercase operator is a word to the server: a value here, a warning from validate.
    ["a:b and c:d", ["a=field", ":=punctuation", "b=value", "and=value", "c=field", ":=punctuation", "d=value"]],
  ])("%s", (source, expected) => {
    expect(pieces(source)).toEqual(expected);
  });

  it("gives nothing for empty or blank text", () => {
    expect(highlight("")).toEqual([]);
    expect(highlight(" \t\n")).toEqual([]);
  });
});
