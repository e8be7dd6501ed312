import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagramsHtml, TERMINAL_LABELS } from "../scripts/diagrams-html.js";
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
    expect(read("../grammar/diagrams.html")).toBe(diagramsHtml());
  });

  it("diagrams.html draws every rule as inline SVG and fetches nothing", () => {
    const page = read("../grammar/diagrams.html");
    const rules = serializedGrammar().map((rule) => (rule as unknown as { name: string }).name);
    expect([...page.matchAll(/<h2 class="diagramHeader">(\w+)<\/h2><svg/g)].map((m) => m[1])).toEqual(rules);
    expect(page).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=/i);
    expect(page).not.toMatch(/@import|url\(/);
  });

  it("diagrams.html names each terminal as a person types it", () => {
    const terminals = new Set(
      [...JSON.stringify(serializedGrammar()).matchAll(/"type":"Terminal","name":"(\w+)"/g)].map((m) => m[1]!),
    );
    expect([...terminals].filter((name) => !(name in TERMINAL_LABELS))).toEqual([]);
    expect(read("../grammar/diagrams.html")).toContain(">AND, &#38;&#38;</text>");
  });
});
