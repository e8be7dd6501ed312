import type { IToken } from "chevrotain";
import { createTokenInstance } from "./chevrotain.js";
import { decodeWord } from "./words.js";
import { Colon, GroupRef, LParen, RParen, Word } from "./tokens.js";
import type { Span } from "../ast/types.js";

/**
 * The field that bare values take: `undefined` outside a field group, the field's name inside `field:( … )`, and
 * `null` inside a group whose field name is itself wrong (its values are still checked).
 */
export type FieldContext = string | null | undefined;

/** The tokens between one pair of parentheses (or of the whole query), with inner groups replaced by one token. */
export interface Group {
  readonly index: number;
  /** The opening parenthesis; absent for the whole query. */
  readonly open?: IToken;
  /** The closing parenthesis; absent for the whole query and for a group that is never closed. */
  readonly close?: IToken;
  readonly tokens: IToken[];
  readonly field: FieldContext;
  /** Where the field of `field:( … )` is written, for the values inside. */
  readonly fieldSpan?: Span;
}

/** The outcome of `splitGroups`. */
export interface SplitGroups {
  /** Every group, inner ones before the groups that hold them; the whole query is last. */
  readonly groups: Group[];
  /** Closing parentheses that match no opening one. */
  readonly strayClosers: readonly IToken[];
  /** The first opening parenthesis past the depth limit, if any; then `groups` is empty. */
  readonly tooDeep?: IToken;
}

const NO_TOKENS: readonly IToken[] = Object.freeze([]);
const endOf = (token: IToken): number => token.startOffset + token.image.length;

/** The decoded field name of `field:`, or `null` when the word cannot be a field name. */
export function decodeFieldName(raw: string): string | null {
  const decoded = decodeWord(raw);
  const broken = decoded.parts !== undefined || decoded.problems.length > 0 || /[*?]/.test(decoded.text);
  return broken ? null : decoded.text;
}

/**
 * How the parentheses in a token vector nest: `none` when there are none, `shallow` when they all match and nest at
 * most the depth asked about, `other` otherwise (deeper, or unmatched).
 */
export type Nesting = "none" | "shallow" | "other";

/** How the parentheses in `tokens` nest, judged against `shallowDepth`. */
export function nestingOf(tokens: readonly IToken[], shallowDepth: number): Nesting {
  let depth = 0;
  let parenthesized = false;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === LParen) {
      parenthesized = true;
      if (++depth > shallowDepth) return "other";
    } else if (type === RParen) {
      if (--depth < 0) return "other";
    }
  }
  if (!parenthesized) return "none";
  return depth === 0 ? "shallow" : "other";
}

/**
 * Matches parentheses and cuts the token vector into groups, so that each group is parsed on its own and the parser
 * never recurses into nested parentheses: a query 1,000 groups deep costs no more stack than a flat one. Also
 * enforces the depth limit, before any parsing. `nesting` is `nestingOf(tokens, …)`, which the caller has already
 * worked out.
 */
export function splitGroups(source: string, tokens: IToken[], maxDepth: number, nesting: Nesting): SplitGroups {
  // Most queries have no parentheses: then the whole query is the one group.
  if (nesting === "none") return { groups: [{ index: 0, tokens, field: undefined }], strayClosers: NO_TOKENS };
  interface Frame {
    open?: IToken;
    tokens: IToken[];
    field: FieldContext;
    fieldSpan?: Span;
  }
  const groups: Group[] = [];
  const strayClosers: IToken[] = [];
  const stack: Frame[] = [{ tokens: [], field: undefined }];
  const close = (frame: Frame, closer: IToken | undefined): void => {
    const index = groups.length;
    const group: { -readonly [K in keyof Group]: Group[K] } = { index, tokens: frame.tokens, field: frame.field };
    if (frame.open) group.open = frame.open;
    if (closer) group.close = closer;
    if (frame.fieldSpan) group.fieldSpan = frame.fieldSpan;
    groups.push(group);
    const parent = stack[stack.length - 1]!;
    const start = frame.open!.startOffset;
    const last = frame.tokens[frame.tokens.length - 1];
    const end = closer ? endOf(closer) : last ? endOf(last) : endOf(frame.open!);
    const reference = createTokenInstance(GroupRef, source.slice(start, end), start, end - 1, NaN, NaN, NaN, NaN);
    reference.payload = index;
    parent.tokens.push(reference);
  };
  for (const token of tokens) {
    const type = token.tokenType;
    const top = stack[stack.length - 1]!;
    if (type === LParen) {
      if (stack.length > maxDepth) return { groups: [], strayClosers, tooDeep: token };
      const word = top.tokens[top.tokens.length - 2];
      const colon = top.tokens[top.tokens.length - 1];
      const named = word?.tokenType === Word && colon?.tokenType === Colon;
      const field = named ? decodeFieldName(word.image) : top.field;
      const fieldSpan = named ? { start: word.startOffset, end: endOf(word) } : top.fieldSpan;
      const frame: Frame = { open: token, tokens: [], field };
      if (fieldSpan) frame.fieldSpan = fieldSpan;
      stack.push(frame);
    } else if (type === RParen) {
      if (stack.length === 1) strayClosers.push(token);
      else close(stack.pop()!, token);
    } else {
      top.tokens.push(token);
    }
  }
  while (stack.length > 1) close(stack.pop()!, undefined);
  const whole = stack[0]!;
  groups.push({ index: groups.length, tokens: whole.tokens, field: undefined });
  return { groups, strayClosers };
}
