import { describe, expect, it } from "vitest";
import { isToken, writtenTokensIn, type CstElement, type CstNode } from "../../src/syntax/cst.js";
import { tokenize } from "../../src/syntax/lexer.js";
import { parseRecovering, parseStrictly } from "../../src/syntax/parser.js";

const strictly = (text: string) => parseStrictly(tokenize(text).tokens);
const recovering = (text: string) => parseRecovering(tokenize(text).tokens);

/** The images of a tree's tokens. */
const imagesIn = (node: CstNode): string[] => writtenTokensIn(node).map((token) => token.image);

/** Every node of a tree, depth first, each before what it holds. */
function nodesIn(element: unknown): CstNode[] {
  if (typeof element !== "object" || element === null || "image" in element) return [];
  const inner = Object.values(element).flatMap((value: unknown): unknown[] => (Array.isArray(value) ? value : [value]));
  const nested = inner.flatMap(nodesIn);
  return "name" in element ? [element as CstNode, ...nested] : nested;
}

describe("the parser", () => {
  it("reads a query by the rules of grammar/q.ebnf", () => {
    const { cst, errors } = strictly("a:x AND NOT b:[1 TO 5] OR c:(y)");
    expect(errors).toEqual([]);
    expect(nodesIn(cst!).map((node) => node.name)).toEqual([
      "query",
      "andExpression",
      "unaryExpression",
      "unaryExpression",
      "range",
      "andExpression",
      "unaryExpression",
      "group",
      "query",
      "andExpression",
      "unaryExpression",
    ]);
  });

  it("keeps a field's value in one slot, whatever its kind, and what follows a second colon apart", () => {
    const { cst } = strictly('a:x b:"y" c:[1 TO 2] d:(z) e:f:g');
    const fields = nodesIn(cst!).filter((node) => node.name === "unaryExpression" && node.colon);
    const shown = (value: CstElement | undefined) => value && (isToken(value) ? value.image : value.name);
    expect(fields.map((node) => node.name === "unaryExpression" && shown(node.value))).toEqual([
      "x",
      '"y"',
      "range",
      "group",
      "f",
    ]);
    const last = fields[4]!;
    expect(
      last.name === "unaryExpression" && last.more?.map(({ colon, value }) => [colon.image, shown(value)]),
    ).toEqual([[":", "g"]]);
  });

  it("puts a range or group after a second colon with that colon, not in the first value's slot", () => {
    const { cst } = strictly("a:b:[1 TO 2] c:d:(e)");
    const [first, second] = nodesIn(cst!).filter((node) => node.name === "unaryExpression" && node.colon);
    for (const [node, kind] of [
      [first, "range"],
      [second, "group"],
    ] as const) {
      expect(node?.name === "unaryExpression" && node.value && isToken(node.value) && node.value.image).toBeTruthy();
      expect(
        node?.name === "unaryExpression" && node.more?.map(({ value }) => value && !isToken(value) && value.name),
      ).toEqual([kind]);
    }
  });

  it("keeps what a rule read before a mistake in the slots it was read into", () => {
    const { trees } = recovering("a:[1 TO");
    const range = nodesIn(trees[0]!).find((node) => node.name === "range");
    expect(range?.name === "range" && [range.open?.image, range.lower?.image, range.to?.image]).toEqual([
      "[",
      "1",
      "TO",
    ]);
    expect(range?.name === "range" && range.close).toBeFalsy();
  });

  it("strictly stops at the first error; the recovering instance reads on and reports every error", () => {
    const text = "a:x OR OR b:y AND c:";
    const strict = strictly(text);
    expect(strict.errors).toHaveLength(1);
    const recovered = recovering(text);
    expect(recovered.errors.length).toBeGreaterThan(1);
    expect(imagesIn(recovered.trees[0]!)).toEqual(expect.arrayContaining(["a", "x", "b", "y", "c"]));
    // Each instance keeps its own behaviour after the other has run.
    expect(strictly(text).errors).toHaveLength(1);
  });

  it("reads a valid query to the same tree strictly as with recovery", () => {
    const text = "a:x AND (b:y OR NOT c:[1 TO 5]) d:z";
    const { cst, errors } = strictly(text);
    expect({ trees: [cst], errors }).toStrictEqual(recovering(text));
  });
});

describe("stack traces", () => {
  it("are turned off only while parsing: the engine's limit is the same afterwards, with or without mistakes", () => {
    const before = Error.stackTraceLimit;
    strictly("status:");
    recovering("status: OR OR (");
    strictly("status:ok");
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("x").stack?.split("\n").length).toBeGreaterThan(1);
  });
});

describe("stack traces where the engine forbids changing their limit", () => {
  it("are left as they are, and queries are read all the same", () => {
    const descriptor = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit")!;
    Object.defineProperty(Error, "stackTraceLimit", { ...descriptor, writable: false });
    try {
      expect(strictly("status:ok").errors).toEqual([]);
      expect(recovering("status: OR OR (").errors.length).toBeGreaterThan(0);
      expect(Error.stackTraceLimit).toBe(descriptor.value);
    } finally {
      Object.defineProperty(Error, "stackTraceLimit", descriptor);
    }
  });
});

describe("the recovering read", () => {
  it("goes on after a token where no condition can start, which ends chevrotain's own recovery", () => {
    const { trees, errors } = recovering("OR a:1 : b:2 AND (c:3");
    expect(trees.length).toBeGreaterThan(1);
    expect(trees.flatMap((tree) => (tree ? imagesIn(tree) : []))).toEqual(expect.arrayContaining(["a", "b", "c", "3"]));
    expect(errors.length).toBeGreaterThan(1);
  });

  it("reads on a bounded number of times, so that hostile input stays linear", () => {
    const { trees } = recovering(": a:1 ".repeat(1000).replaceAll(" a:1", " AND a:1"));
    expect(trees.length).toBeLessThanOrEqual(16);
  });
});
