import type { IToken } from "chevrotain";

/**
 * The concrete syntax tree that the grammar's actions record (`grammar.ts`) and the semantic pass reads (`build/`):
 * one node per rule of `grammar/q.ebnf`, each token in a named slot. A slot stays empty where a mistake ended the
 * rule early; a token that error recovery made up is marked `isInsertedInRecovery`.
 *
 * Each node has a fixed set of slots rather than a list per token kind: a condition such as `f:v` is one small
 * object, so that a long query's tree costs little memory and little collector time while it lives.
 */
export type CstElement = IToken | CstNode;

/** Any node of the tree. */
export type CstNode = QueryCstNode | AndExpressionCstNode | UnaryExpressionCstNode | RangeCstNode | GroupCstNode;

/** A field's value: a word, a quoted value or an invalid token, a range, or a group. */
export type ValueCstElement = IToken | RangeCstNode | GroupCstNode;

/** query = [ andExpression { "OR" andExpression } ] */
export interface QueryCstNode {
  readonly name: "query";
  andExpressions: AndExpressionCstNode[];
  ors: IToken[];
}

/** andExpression = unaryExpression { [ "AND" ] unaryExpression } */
export interface AndExpressionCstNode {
  readonly name: "andExpression";
  unaryExpressions: UnaryExpressionCstNode[];
  ands: IToken[];
}

/**
 * unaryExpression = { PREFIX } ( WORD [ ":" value { ":" value } ] | QUOTED | range | group | INVALID ).
 * `head` is what follows the prefixes; `colon` and `value` the first `:` and its value; `more` each further colon
 * and its value (`a:b:c`, a mistake).
 */
export interface UnaryExpressionCstNode {
  readonly name: "unaryExpression";
  prefixes: IToken[] | undefined;
  head: ValueCstElement | undefined;
  colon: IToken | undefined;
  value: ValueCstElement | undefined;
  more: { readonly colon: IToken; value: ValueCstElement | undefined }[] | undefined;
}

/** range = RANGE_OPEN BOUND "TO" BOUND RANGE_CLOSE */
export interface RangeCstNode {
  readonly name: "range";
  open: IToken | undefined;
  lower: IToken | undefined;
  to: IToken | undefined;
  upper: IToken | undefined;
  close: IToken | undefined;
}

/** group = "(" query ")" */
export interface GroupCstNode {
  readonly name: "group";
  open: IToken | undefined;
  query: QueryCstNode | undefined;
  close: IToken | undefined;
}

/** Whether an element of the tree is a token. */
export const isToken = (element: CstElement): element is IToken => "image" in element;

/** An element that is in the source: present and, for a token, not made up by error recovery. */
export const writtenElement = <E extends CstElement>(element: E | undefined): E | undefined =>
  element !== undefined && isToken(element) && element.isInsertedInRecovery ? undefined : element;

const NONE: readonly never[] = Object.freeze([]);

/**
 * A list of a node cut down to its size, once its rule has ended and nothing adds to it: an array grown by push keeps
 * room for 16 more, most of a long query's tree. An empty list is one shared frozen array.
 */
export const fitted = <T>(list: T[]): T[] => (list.length === 0 ? (NONE as never[]) : list.slice());

/**
 * The elements of a list that are in the source (`writtenElement`), in order: the list itself when all are, as they
 * nearly always are, so that reading a level allocates nothing.
 */
export function writtenOnly<E extends CstElement>(elements: readonly (E | undefined)[] | undefined): readonly E[] {
  if (elements === undefined) return NONE;
  for (const element of elements) {
    if (writtenElement(element) === undefined) {
      return elements.filter((kept): kept is E => writtenElement(kept) !== undefined);
    }
  }
  return elements as readonly E[];
}

/**
 * The tokens of a tree that are written in the source, in no particular order: not those that error recovery or
 * the scan made up, which have no offset.
 */
export function writtenTokensIn(element: CstElement, into: IToken[] = []): IToken[] {
  if (isToken(element)) {
    if (!Number.isNaN(element.startOffset)) into.push(element);
    return into;
  }
  // Every slot holds a token, a node, a list of them or a { colon, value } pair.
  for (const slot of Object.values(element) as unknown[]) {
    for (const item of Array.isArray(slot) ? (slot as unknown[]) : [slot]) {
      if (typeof item !== "object" || item === null) continue;
      if ("image" in item || "name" in item) writtenTokensIn(item as CstElement, into);
      else for (const part of Object.values(item) as (CstElement | undefined)[]) if (part) writtenTokensIn(part, into);
    }
  }
  return into;
}
