import type { IToken } from "chevrotain";

/**
 * The concrete syntax tree that the grammar's actions record (`parser.ts`) and the semantic pass reads (`build/`):
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

/** A token that is in the source: present, and not made up by error recovery. */
export const writtenToken = (token: IToken | undefined): IToken | undefined =>
  token?.isInsertedInRecovery ? undefined : token;

/** The tokens and nodes directly under a node, slot by slot (tokens that recovery made up included). */
export function childrenOf(node: CstNode): CstElement[] {
  switch (node.name) {
    case "query":
      return [...node.andExpressions, ...node.ors];
    case "andExpression":
      return [...node.unaryExpressions, ...node.ands];
    case "unaryExpression":
      return present([
        ...(node.prefixes ?? []),
        node.head,
        node.colon,
        node.value,
        ...(node.more ?? []).flatMap(({ colon, value }) => [colon, value]),
      ]);
    case "range":
      return present([node.open, node.lower, node.to, node.upper, node.close]);
    case "group":
      return present([node.open, node.query, node.close]);
  }
}

const present = (elements: readonly (CstElement | undefined)[]): CstElement[] =>
  elements.filter((element): element is CstElement => element !== undefined);
