import type { Query } from "./types.js";

/** Fails to compile when a `switch` over a discriminant misses a case; throws if reached at run time anyway. */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected node: ${JSON.stringify(value)}`);
}

/** The direct children of a node, in order. */
export function childrenOf(query: Query): readonly Query[] {
  switch (query.type) {
    case "and":
    case "or":
      return query.operands;
    case "not":
      return [query.operand];
    case "term":
    case "range":
    case "exists":
      return [];
    default:
      return assertNever(query);
  }
}

/**
 * Visits every node in pre-order, with its depth (the root is 0). Iterative, so arbitrarily deep trees are safe.
 * Returning `false` from `visit` skips that node's children.
 *
 * @example
 * const fields = new Set<string>();
 * walk(parse("a:1 AND NOT b:2"), (node) => { if ("field" in node) fields.add(node.field) });
 */
// A visitor usually returns nothing; `void` in the union lets it, where `undefined` would make it `return undefined`.
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type
export function walk(root: Query, visit: (node: Query, depth: number) => boolean | void): void {
  const stack: [Query, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (visit(node, depth) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
}
