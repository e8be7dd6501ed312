import { readFileSync } from "node:fs";
import { createSyntaxDiagramsCode } from "chevrotain";
import { describe, expect, it } from "vitest";
import { serializedGrammar } from "../src/syntax/parser.js";

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), "utf8");

describe("grammar/", () => {
  it("q.ebnf defines exactly the parser's rules, under the same names", () => {
    const ebnf = read("../grammar/q.ebnf").replace(/\(\*[\s\S]*?\*\)/g, "");
    const parserRules = serializedGrammar().map((rule) => (rule as unknown as { name: string }).name);
    // The syntax section ends where the tokens begin.
    const syntax = ebnf.slice(0, ebnf.indexOf("separator"));
    expect([...syntax.matchAll(/^([a-zA-Z]+)\s*=/gm)].map((m) => m[1])).toEqual(parserRules);
  });

  it("diagrams.html is generated from the current parser (npm run diagrams)", () => {
    expect(read("../grammar/diagrams.html")).toBe(createSyntaxDiagramsCode(serializedGrammar()));
  });
});
