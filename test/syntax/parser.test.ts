import type { CstNode } from "chevrotain";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/syntax/lexer.js";
import { getParser } from "../../src/syntax/parser.js";

const parseText = (text: string) => getParser().parseTokens(tokenize(text).tokens);
const parseStrictly = (text: string) => getParser().parseStrictly(tokenize(text).tokens);

/** The images of a tree's tokens, in source order. */
function imagesIn(node: CstNode): string[] {
  const elements = Object.values(node.children).flat();
  const tokens = elements.flatMap((element) => ("image" in element ? [element] : []));
  const inner = elements.flatMap((element) => ("children" in element ? imagesIn(element).map((image) => ({ image })) : []));
  return [...tokens, ...inner].map((element) => element.image);
}

/** Every node of a tree, depth first. */
function nodesIn(node: CstNode): CstNode[] {
  const children = Object.values(node.children).flat();
  return [node, ...children.filter((child): child is CstNode => "children" in child).flatMap(nodesIn)];
}

describe("the parser", () => {
  it("builds tree nodes with plain objects as children (its node-building override is in effect)", () => {
    const { cst, errors } = parseText("a:x AND NOT b:[1 TO 5] OR c:y");
    expect(errors).toEqual([]);
    const nodes = nodesIn(cst);
    expect(nodes.map((node) => node.name)).toEqual(["query", "andExpression", "unaryExpression", "unaryExpression", "range", "andExpression", "unaryExpression"]);
    for (const node of nodes) expect(Object.getPrototypeOf(node.children)).toBe(Object.prototype);
  });

  it("labels a field's value, whatever its kind", () => {
    const { cst } = parseText('a:x b:"y" c:[1 TO 2]');
    const unaries = nodesIn(cst).filter((node) => node.name === "unaryExpression");
    const values = unaries.map((node) => node.children.value?.map((value) => ("image" in value ? value.image : value.name)));
    expect(values).toEqual([["x"], ['"y"'], ["range"]]);
  });

  it("recovers from errors only when asked: strictly it stops at the first, then reads on with recovery", () => {
    const text = "a:x OR OR b:y AND c:";
    const strict = parseStrictly(text);
    expect(strict.errors).toHaveLength(1);
    expect(strict.cst === undefined ? [] : imagesIn(strict.cst)).not.toContain("y");
    const recovered = parseText(text);
    expect(recovered.errors.length).toBeGreaterThan(1);
    expect(imagesIn(recovered.cst)).toEqual(expect.arrayContaining(["a", "x", "b", "y", "c"]));
    // Recovery is switched off again after the parse that needed it.
    expect(parseStrictly(text).errors).toHaveLength(1);
  });

  it("reads a valid query to the same tree strictly as with recovery", () => {
    const text = "a:x AND (b:y OR NOT c:[1 TO 5]) d:z";
    expect(parseStrictly(text)).toStrictEqual(parseText(text));
  });

  it("keeps no tokens after a parse", () => {
    const parser = getParser() as unknown as { parseTokens: typeof parseText; input: unknown[] };
    parseText("a:x");
    expect(parser.input).toEqual([]);
  });
});
