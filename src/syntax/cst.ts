// Generated from the grammar by `npm run cst-types`; do not edit.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface QueryCstNode extends CstNode {
  name: "query";
  children: QueryCstChildren;
}

export type QueryCstChildren = {
  andExpression?: (AndExpressionCstNode)[];
  Or?: IToken[];
};

export interface AndExpressionCstNode extends CstNode {
  name: "andExpression";
  children: AndExpressionCstChildren;
}

export type AndExpressionCstChildren = {
  unaryExpression: (UnaryExpressionCstNode)[];
  And?: IToken[];
};

export interface UnaryExpressionCstNode extends CstNode {
  name: "unaryExpression";
  children: UnaryExpressionCstChildren;
}

export type UnaryExpressionCstChildren = {
  Prefix?: IToken[];
  Word?: IToken[];
  Colon?: (IToken)[];
  value?: (IToken | RangeCstNode | GroupCstNode)[];
  Quoted?: IToken[];
  range?: RangeCstNode[];
  group?: GroupCstNode[];
  Invalid?: IToken[];
};

export interface RangeCstNode extends CstNode {
  name: "range";
  children: RangeCstChildren;
}

export type RangeCstChildren = {
  RangeOpen: IToken[];
  Bound: (IToken)[];
  RangeTo: IToken[];
  RangeClose: IToken[];
};

export interface GroupCstNode extends CstNode {
  name: "group";
  children: GroupCstChildren;
}

export type GroupCstChildren = {
  LParen: IToken[];
  query: QueryCstNode[];
  RParen: IToken[];
};
