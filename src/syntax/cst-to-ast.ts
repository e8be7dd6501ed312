import type { CstElement, CstNode, IToken } from "chevrotain";
import { Quoted, RangeQuoted, Word } from "./tokens.js";
import * as ast from "../ast/factories.js";
import { boundNode, literalNode, patternNode, rangeNode, termNode, textNode } from "../ast/nodes.js";
import type { ExistsQuery, PatternPart, Query, RangeQuery, Span, TermQuery } from "../ast/types.js";
import { InvalidQueryError } from "../ast/errors.js";
import { quote } from "./characters.js";
import type { Problem } from "../diagnostics/diagnostic.js";
import { isMissingCloser } from "./scan.js";
import { invalidTokenProblem } from "./invalid-tokens.js";
import type { Locations } from "./locations.js";
import { decodeEscapes, decodeWord, escapeUnescaped, unescapedPositions, type TextProblem } from "./words.js";

/**
 * The field that bare values take: `undefined` outside a field group, the field's name inside `field:( … )`, and
 * `null` inside a group whose field name is itself wrong (its values are still checked).
 */
type FieldContext = string | null | undefined;

/** A piece of the tree read so far: its query (absent when it holds an error) and where it stands in the source. */
interface Built {
  readonly query: Query | undefined;
  readonly start: number;
  readonly end: number;
  /** A bare word with no field (`x` in `a:b x`), kept to suggest fixes for juxtaposed operands. */
  readonly bareWord?: IToken;
  /** The value word of `field:word`, kept to suggest quoting `field:"word word"`. */
  readonly fieldWord?: { readonly field: IToken; readonly value: IToken };
  /** Whether the expression carries NOT or `!`. */
  readonly negated?: boolean;
  /** How many operands an AND level has (absent: one, a single unary expression). */
  readonly operandCount?: number;
  /** An invalid token, already reported; no further "missing operator" is said about it. */
  readonly invalid?: boolean;
  /** A problem reported only if no better explanation covers it (a bare word between conditions). */
  readonly pending?: Problem;
}

// Tokens that error recovery made up have no place in the source; they are left out.
const NONE: never[] = [];
function tokensOf(node: CstNode, name: string): IToken[] {
  const tokens = node.children[name] as IToken[] | undefined;
  if (tokens === undefined) return NONE;
  for (const token of tokens) if (token.isInsertedInRecovery) return tokens.filter((t) => !t.isInsertedInRecovery);
  return tokens;
}
const nodesOf = (node: CstNode, name: string): CstNode[] => (node.children[name] as CstNode[] | undefined) ?? NONE;
const isToken = (element: CstElement): element is IToken => "image" in element;
// An unquoted range bound of printable ASCII with no escape and no quote, or `*`: it needs no decoding and no check.
const PLAIN_BOUND = /^[^\x00-\x20\x7f-\uffff\\"*]+$|^\*$/;
const isPlainBound = (token: IToken): boolean => token.tokenType !== RangeQuoted && PLAIN_BOUND.test(token.image);

/** A field expression's values (labelled `value` by the grammar): tokens, or a range's node. */
function valuesOf(node: CstNode): CstElement[] {
  const values = node.children.value;
  if (values === undefined) return NONE;
  for (const value of values) if (isToken(value) && value.isInsertedInRecovery) return values.filter((v) => !isToken(v) || !v.isInsertedInRecovery);
  return values;
}
const endOf = (token: IToken): number => token.startOffset + token.image.length;

const WORD_OPERATORS: Record<string, string> = { and: "AND", or: "OR", "&": "AND", "|": "OR" };
// Characters the server reads as syntax in the middle of a word.
const BREAKING_CHARS = "!/^~";
const BREAKING_CHAR = /[!/^~]/;
// A word of printable ASCII with no escape, wildcard or character the server reads specially: it needs no decoding
// and no check (no surrogate, no unusual space), which is most words.
const PLAIN_WORD = /^[^\x00-\x20\x7f-\uffff\\*?!/^~]*$/;
// A word of printable ASCII whose only special characters are wildcards: its pattern needs no decoding and no check.
const PLAIN_PATTERN = /^[^\x00-\x20\x7f-\uffff\\!/^~]*$/;
const BOOST_SUFFIX = /\^\d+(?:\.\d+)?$/;
const FUZZY_SUFFIX = /~\d*(?:\.\d+)?$/;
const UNUSUAL_WHITESPACE = /[^\S \t\n\r\u3000]/u;

/**
 * The semantic pass: turns the concrete syntax tree into the AST and reports every mistake it can name, with a fix.
 * The returned query is `undefined` whenever an error was reported.
 */
export class AstBuilder {
  readonly problems: Problem[] = [];
  /** Where each condition's field and value are written, when asked for. */
  readonly locations: Locations | undefined;
  private errors = 0;
  /** Where the field that the values being read belong to is written. */
  private fieldSpan: Span | undefined;

  constructor(
    private readonly source: string,
    options: { readonly locate?: boolean } = {},
  ) {
    this.locations = options.locate ? new WeakMap() : undefined;
  }

  private result: Query | undefined;

  /** Reads the whole query from its syntax tree; `parserFailed` says whether the grammar already reported errors. */
  build(cst: CstNode | undefined, parserFailed: boolean): void {
    const content = cst && this.orExpression(cst, undefined);
    if (!content && this.problems.length === 0 && !parserFailed) {
      this.error("empty-query", "The query is empty: write a condition such as status:accepted", 0, this.source.length);
    }
    this.result = this.errors === 0 ? content?.query : undefined;
  }

  /** A parenthesized group from its parentheses and what it holds; `close` is absent when it is never closed. */
  private closeGroup(open: IToken, close: IToken | undefined, content: Built | undefined, parserFailed: boolean): Built {
    const end = close ? endOf(close) : (content?.end ?? endOf(open));
    if (!close) {
      this.error("unclosed-parenthesis", "This ( is never closed", open.startOffset, end, `${this.text(open.startOffset, end)})`);
    }
    if (!content && !parserFailed) {
      this.error("empty-group", "Empty parentheses: put a condition inside or remove them", open.startOffset, end, "");
    }
    return { query: content?.query, start: open.startOffset, end };
  }

  /** A parenthesized group: `( … )`. */
  private parenthesized(node: CstNode, field: FieldContext): Built | undefined {
    const open = tokensOf(node, "LParen")[0];
    if (!open) return undefined;
    const inner = nodesOf(node, "query")[0];
    const close = tokensOf(node, "RParen")[0];
    // A parenthesis the scan added for an unclosed one is no closing parenthesis of the text.
    const written = close && !isMissingCloser(close) ? close : undefined;
    return this.closeGroup(open, written, inner && this.orExpression(inner, field), false);
  }

  /** Reports a closing parenthesis that matches no opening one. */
  addStrayCloser(paren: IToken): void {
    this.error("unmatched-parenthesis", "This ) has no matching (", paren.startOffset, endOf(paren), "");
  }

  /** The query, when no error was reported. */
  query(): Query | undefined {
    return this.errors === 0 ? this.result : undefined;
  }

  private error(code: string, message: string, start: number, end: number, fix?: string): void {
    this.errors++;
    this.problems.push(fix === undefined ? { severity: "error", code, message, span: { start, end } }
      : { severity: "error", code, message, span: { start, end }, fix });
  }

  private warn(code: string, message: string, start: number, end: number, fix?: string): void {
    this.problems.push(fix === undefined ? { severity: "warning", code, message, span: { start, end } }
      : { severity: "warning", code, message, span: { start, end }, fix });
  }

  private text(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  /**
   * A condition read from `start` to `end`. Its location is recorded when asked for: `value` is where its value is
   * written, `bounds` where a range's bounds are.
   */
  private condition(query: TermQuery | RangeQuery | ExistsQuery, start: number, end: number, bounds?: { min?: Span; max?: Span }): Built {
    if (this.locations) {
      const value = { start, end };
      // `_exists_:field` names its field in the value; `field:*` before the colon.
      const named = query.type === "exists" && this.text(start, end) !== "*";
      this.locations.set(query, { field: named || !this.fieldSpan ? value : this.fieldSpan, value, ...bounds });
    }
    return { query, start, end };
  }

  /**
   * A value that a factory refused: the factories' checks are the last line of defence, so what they refuse
   * becomes a diagnostic at the value instead of an exception.
   */
  private refused(error: unknown, start: number, end: number): Built {
    if (!(error instanceof InvalidQueryError)) throw error;
    return this.failed("invalid-value", error.message, start, end);
  }

  /** Reports an error about a value and returns the value without a query. */
  private failed(code: string, message: string, start: number, end: number, fix?: string): Built {
    this.error(code, message, start, end, fix);
    return { query: undefined, start, end };
  }

  /** A group's query: an OR of AND levels, or nothing. */
  private orExpression(node: CstNode, field: FieldContext): Built | undefined {
    const children = nodesOf(node, "andExpression");
    if (children.length === 0) return undefined;
    if (children.length === 1) return this.andExpression(children[0]!, field);
    const operands: Built[] = [];
    for (const child of children) {
      const operand = this.andExpression(child, field);
      if (operand !== undefined) operands.push(operand);
    }
    return this.combineOr(operands);
  }

  /** `a OR b OR …` from its operands, with the ambiguous-precedence warning where the server reads it otherwise. */
  private combineOr(operands: readonly Built[]): Built | undefined {
    if (operands.length < 2) return operands[0];
    const { query, start, end } = this.join(operands, ast.or, true);
    let mixed = false;
    let negated = false;
    // The fix puts each AND level and each NOT in parentheses, in the text as written.
    let fix = "";
    let written = start;
    for (const operand of operands) {
      if ((operand.operandCount ?? 1) > 1) mixed = true;
      else if (operand.negated) negated = true;
      else continue;
      fix += `${this.text(written, operand.start)}(${this.text(operand.start, operand.end)})`;
      written = operand.end;
    }
    fix += this.text(written, end);
    if (mixed || negated) {
      const message = mixed
        ? "The server does not give AND precedence over OR: it reads a OR b AND c as b AND c, with a ignored. " +
          "Add parentheses to say which you mean"
        : "The server reads NOT directly inside OR as AND NOT: NOT a OR b finds b without a. " +
          "Put the NOT in parentheses: (NOT a) OR b";
      this.warn("ambiguous-precedence", message, start, end, fix);
    }
    return { query, start, end };
  }

  private andExpression(node: CstNode, field: FieldContext): Built | undefined {
    const children = nodesOf(node, "unaryExpression");
    if (children.length === 1) {
      const only = this.unaryExpression(children[0]!, field);
      if (only) this.flush(only);
      return only;
    }
    const operands: Built[] = [];
    for (const child of children) {
      const operand = this.unaryExpression(child, field);
      if (operand !== undefined) operands.push(operand);
    }
    const first = operands[0];
    const last = operands[operands.length - 1];
    if (!first || !last) return undefined;
    if (operands.length === 1) {
      this.flush(first);
      return first;
    }
    const ands = tokensOf(node, "And");
    let andIndex = 0;
    let juxtaposed = false;
    let explained: Set<Built> | undefined;
    for (let i = 1; i < operands.length; i++) {
      const previous = operands[i - 1]!;
      const current = operands[i]!;
      while (andIndex < ands.length && ands[andIndex]!.startOffset < previous.end) andIndex++;
      const hasAnd = andIndex < ands.length && ands[andIndex]!.startOffset < current.start;
      if (hasAnd) continue;
      juxtaposed = true;
      if (previous.invalid || current.invalid) continue;
      const { skipped, explained: count } = this.reportJuxtaposed(operands, i, field);
      explained ??= new Set();
      for (let k = i; k < i + count; k++) explained.add(operands[k]!);
      i += skipped;
    }
    for (const operand of operands) if (!explained?.has(operand)) this.flush(operand);
    return this.combineAnd(operands, juxtaposed);
  }

  /** `a AND b AND …` from its operands; a juxtaposed level (an operator missing) has no query. */
  private combineAnd(operands: readonly Built[], juxtaposed = false): Built | undefined {
    if (operands.length < 2) return operands[0];
    const joined = this.join(operands, ast.and, !juxtaposed);
    // A juxtaposed level is already an error; it says nothing about AND/OR mixing.
    return juxtaposed ? joined : { query: joined.query, start: joined.start, end: joined.end, operandCount: operands.length };
  }

  /**
   * Two or more operands joined by `combine`, spanning from the first to the last; the query is absent when any
   * operand holds an error or `withQuery` is false.
   */
  private join(operands: readonly Built[], combine: typeof ast.and | typeof ast.or, withQuery: boolean): Built {
    const start = operands[0]!.start;
    const end = operands[operands.length - 1]!.end;
    const queries = withQuery ? queriesOf(operands) : undefined;
    // Operands that are queries are always accepted: and/or cannot refuse them.
    return { query: queries && combine(queries, Object.freeze({ start, end })), start, end };
  }

  /**
   * Reports two operands with no operator between them (`operands[i - 1]` and `operands[i]`), naming the likely
   * intent: a lowercase operator, words meant as one value, or a missing AND. Returns how many further operands need
   * no juxtaposition check, and how many operands from `i` on the report explains (their own problems are dropped).
   */
  private reportJuxtaposed(operands: Built[], i: number, field: FieldContext): { skipped: number; explained: number } {
    const previous = operands[i - 1]!;
    const current = operands[i]!;
    const next = operands[i + 1];
    const word = current.bareWord && !current.negated ? current.bareWord.image : undefined;
    const operator = word === undefined ? undefined : WORD_OPERATORS[word.toLowerCase()];
    if (operator && next && current.bareWord) {
      const fix = this.text(previous.start, current.start) + operator + this.text(current.bareWord.startOffset + word!.length, next.end);
      this.error(
        "lowercase-operator",
        `"${word}" is not an operator: the server searches it as a word. Write ${operator} in capitals`,
        previous.start,
        next.end,
        fix,
      );
      return { skipped: 1, explained: 1 };
    }
    if (operator && !next) {
      this.error(
        "lowercase-operator",
        `"${word}" is not an operator, and nothing follows it: the server would search it as a word`,
        previous.start,
        current.end,
        this.text(previous.start, previous.end),
      );
      return { skipped: 0, explained: 1 };
    }
    const glued = current.fieldWord?.field.image.match(/^(&&|\|\|)(?=.)/)?.[1];
    if (glued) {
      this.error(
        "missing-space",
        `Put a space after ${glued}: without one, the server reads ${glued} as part of the field name`,
        previous.start,
        current.end,
        `${this.text(previous.start, previous.end)} ${glued} ${this.text(current.start + glued.length, current.end)}`,
      );
      return { skipped: 0, explained: 1 };
    }
    if (word?.toLowerCase() === "not" && next && current.bareWord) {
      const fix = `${this.text(previous.start, previous.end)} AND NOT ${this.text(next.start, next.end)}`;
      this.error("lowercase-operator", `"${word}" is not an operator: write NOT in capitals`, previous.start, next.end, fix);
      return { skipped: 1, explained: 1 };
    }
    if (previous.fieldWord && current.bareWord && field === undefined && !current.negated) {
      let last = i;
      while (operands[last + 1]?.bareWord && !operands[last + 1]!.negated && !WORD_OPERATORS[operands[last + 1]!.bareWord!.image.toLowerCase()]) last++;
      const words = [previous.fieldWord.value, ...operands.slice(i, last + 1).map((operand) => operand.bareWord!)];
      const phrase = words.map((token) => decodeWord(token.image).text).join(" ");
      const fieldText = previous.fieldWord.field.image;
      this.error(
        "missing-operator",
        `"${words.slice(1).map((t) => t.image).join(" ")}" has no field and no operator before it: the server would ` +
          `search it in every field, as OR. To find "${phrase}" in ${decodeWord(fieldText).text}, put it in quotes`,
        previous.start,
        operands[last]!.end,
        `${fieldText}:${quote(phrase)}`,
      );
      return { skipped: last - i, explained: last - i + 1 };
    }
    this.error(
      "missing-operator",
      "Two conditions with no operator between them: the server would read them as OR. " +
        "Write AND (both must match) or OR (either may match) between them",
      previous.start,
      current.end,
      `${this.text(previous.start, previous.end)} AND ${this.text(current.start, current.end)}`,
    );
    return { skipped: 0, explained: 1 };
  }

  /** Reports a bare word's deferred problem. */
  private flush(built: Built): void {
    if (!built.pending) return;
    this.errors++;
    this.problems.push(built.pending);
  }

  private unaryExpression(node: CstNode, field: FieldContext): Built | undefined {
    const operand = this.operand(node, field);
    if (node.children.Prefix === undefined) return operand;
    const prefixes = tokensOf(node, "Prefix");
    const firstPrefix = prefixes[0];
    if (!firstPrefix) return operand;
    if (!operand) return undefined;
    this.flush(operand);
    const start = firstPrefix.startOffset;
    let negations = 0;
    let valid = true;
    for (let index = 0; index < prefixes.length; index++) {
      const prefix = prefixes[index]!;
      const after = prefixes[index + 1]?.startOffset ?? operand.start;
      switch (prefix.image) {
        case "-":
          valid = false;
          this.error("minus-prefix", "- is not supported for negation here; write NOT", prefix.startOffset, operand.end, `NOT ${this.text(after, operand.end)}`);
          break;
        case "+":
          valid = false;
          this.error(
            "plus-prefix",
            "+ (must match) is not supported; remove it and join the conditions with AND",
            prefix.startOffset,
            operand.end,
            this.text(after, operand.end),
          );
          break;
        case "!":
          negations++;
          if (endOf(prefix) < after) {
            valid = false;
            this.error(
              "space-after-bang",
              "! followed by a space is not NOT: the server searches for the character !. Write NOT, or ! with no space",
              prefix.startOffset,
              operand.end,
              `NOT ${this.text(after, operand.end)}`,
            );
          }
          break;
        default:
          negations++;
      }
    }
    if (negations > 1 && valid) {
      valid = false;
      this.error(
        "double-negation",
        "The server cannot read NOT twice in a row; put the inner one in parentheses",
        start,
        operand.end,
        `${"NOT (".repeat(negations - 1)}NOT ${this.text(operand.start, operand.end)}${")".repeat(negations - 1)}`,
      );
    }
    const query = valid && operand.query ? ast.not(operand.query, Object.freeze({ start, end: operand.end })) : undefined;
    return { query, start, end: operand.end, negated: negations > 0 };
  }

  /** What a unary expression applies its prefixes to: `field:value`, a group, a bare value or an invalid token. */
  private operand(node: CstNode, field: FieldContext): Built | undefined {
    const { Word, Quoted, range, group, Invalid } = node.children;
    if (Word !== undefined) {
      const word = tokensOf(node, "Word")[0];
      if (!word) return undefined;
      return node.children.Colon === undefined ? this.bareValue(field, word, undefined, undefined) : this.fieldExpression(node, word);
    }
    if (Quoted !== undefined) return this.bareValue(field, undefined, tokensOf(node, "Quoted")[0], undefined);
    if (range !== undefined) return this.bareValue(field, undefined, undefined, nodesOf(node, "range")[0]);
    if (group !== undefined) return this.parenthesized(group[0] as CstNode, field);
    const invalid = Invalid && tokensOf(node, "Invalid")[0];
    return invalid && this.invalid(invalid);
  }

  private invalid(token: IToken): Built {
    const problem = invalidTokenProblem(token);
    this.error(problem.code, problem.message, token.startOffset, endOf(token), problem.fix);
    return { query: undefined, start: token.startOffset, end: endOf(token), invalid: true };
  }

  private bareValue(field: FieldContext, word: IToken | undefined, quoted: IToken | undefined, range: CstNode | undefined): Built | undefined {
    if (field !== undefined) {
      if (word) return this.wordValue(field, word, word.startOffset);
      if (quoted) return this.quotedValue(field, quoted, quoted.startOffset);
      if (range) return this.range(field, range);
      return undefined;
    }
    const token = word ?? quoted;
    const start = token?.startOffset ?? firstOffset(range);
    const end = token ? endOf(token) : lastOffset(range);
    if (start === undefined || end === undefined) return undefined;
    const equals = word ? unescapedPositions(word.image, "=")[0] : undefined;
    const problem = (code: string, message: string, fix?: string): Problem =>
      fix === undefined ? { severity: "error", code, message, span: { start, end } }
        : { severity: "error", code, message, span: { start, end }, fix };
    let pending: Problem;
    if (word && equals !== undefined && equals > 0) {
      const fix = `${word.image.slice(0, equals)}:${word.image.slice(equals + 1)}`;
      pending = problem("equals-instead-of-colon", `Use : between a field and its value, not =: ${fix}`, fix);
    } else if (word && (WORD_OPERATORS[word.image.toLowerCase()] || word.image.toLowerCase() === "not")) {
      pending = problem("lowercase-operator", `"${word.image}" is not an operator; operators are written in capitals`);
    } else {
      pending = problem(
        "missing-field",
        `${this.text(start, end)} has no field: the server would search it in every field. Write field:value, ` +
          "such as status:accepted",
      );
    }
    return { query: undefined, start, end, pending, ...(word ? { bareWord: word } : {}) };
  }

  private fieldExpression(node: CstNode, fieldToken: IToken): Built | undefined {
    const values = valuesOf(node);
    const firstValue = values[0];
    if (!firstValue) return undefined;
    const start = fieldToken.startOffset;
    const plainField = PLAIN_WORD.test(fieldToken.image);
    const field = plainField ? fieldToken.image : this.fieldName(fieldToken);
    if (values.length > 1) {
      const valueStart = firstOffset(firstValue);
      const valueEnd = lastOffset(values[values.length - 1]);
      if (valueStart === undefined || valueEnd === undefined) return undefined;
      const raw = this.text(valueStart, valueEnd);
      // Quotes would turn a comparison into text, so there the colons are escaped instead.
      const fix = /^[<>]/.test(raw) ? raw.replaceAll(":", "\\:") : quote(raw);
      this.error("unescaped-colon", `A : inside a value must be escaped or quoted: ${fieldToken.image}:${fix}`, valueStart, valueEnd, fix);
      return { query: undefined, start, end: valueEnd };
    }
    // In `a:(b:c)` the server lets the inner field win; so does this reading.
    const outerFieldSpan = this.fieldSpan;
    this.fieldSpan = this.locations && { start, end: endOf(fieldToken) };
    const built = this.fieldValue(field, firstValue, start, plainField);
    this.fieldSpan = outerFieldSpan;
    if (!built) return undefined;
    const word = isToken(firstValue) && firstValue.tokenType === Word ? firstValue : undefined;
    // The node covers its field too: `a:x`, `a:(x OR y)`. Values are made with that span; a group is re-spanned.
    const query =
      built.query && built.query.span?.start !== start
        ? Object.freeze({ ...built.query, span: Object.freeze({ start, end: built.end }) })
        : built.query;
    // Written out rather than spread: this runs once per condition.
    if (built.invalid) return word ? { query, start, end: built.end, fieldWord: { field: fieldToken, value: word }, invalid: true } : { query, start, end: built.end, invalid: true };
    return word ? { query, start, end: built.end, fieldWord: { field: fieldToken, value: word } } : { query, start, end: built.end };
  }

  /** The field name of `field:`; `null` (with a diagnostic) when it cannot be one. */
  private fieldName(token: IToken): FieldContext {
    const decoded = decodeWord(token.image);
    this.reportWordProblems(token, decoded.problems);
    if (decoded.parts) {
      this.error(
        "wildcard-in-field",
        "A field name cannot contain * or ?: the server would read it as a pattern over field names",
        token.startOffset,
        endOf(token),
      );
      return null;
    }
    if (this.reportBreakingChars(token)) return null;
    if (/[*?]/.test(decoded.text)) {
      this.error("wildcard-in-field", "A field name cannot contain * or ?, even escaped", token.startOffset, endOf(token));
      return null;
    }
    return decoded.problems.length === 0 ? decoded.text : null;
  }

  /** The value of `field:value`; `nodeStart` is where the node's span starts (at the field). */
  private fieldValue(field: FieldContext, value: CstElement, nodeStart: number, plainField: boolean): Built | undefined {
    if (!isToken(value)) return value.name === "group" ? this.parenthesized(value, field) : this.range(field, value, nodeStart, plainField);
    switch (value.tokenType) {
      case Word:
        return this.wordValue(field, value, value.startOffset, nodeStart, plainField);
      case Quoted:
        return this.quotedValue(field, value, value.startOffset, nodeStart);
      default:
        return this.invalid(value);
    }
  }

  private reportWordProblems(token: IToken, problems: readonly TextProblem[]): void {
    for (const problem of problems) {
      this.error(problem.code, problem.message, token.startOffset + problem.start, token.startOffset + problem.end);
    }
  }

  /** Reports `!`, `/`, `^`, `~` inside a word, which the server reads as syntax. Returns whether any was found. */
  private reportBreakingChars(token: IToken): boolean {
    const raw = token.image;
    if (!BREAKING_CHAR.test(raw)) return false;
    const positions = unescapedPositions(raw, BREAKING_CHARS);
    const first = positions[0];
    if (first === undefined) return false;
    const start = token.startOffset;
    const end = endOf(token);
    if (positions.length === 1 && BOOST_SUFFIX.test(raw)) {
      this.error(
        "boost-not-supported",
        "Boosts (^) change ranking, not which transactions match, and are not supported: remove it",
        start + first,
        end,
        "",
      );
    } else if (positions.length === 1 && FUZZY_SUFFIX.test(raw)) {
      this.error(
        "fuzzy-not-supported",
        "Fuzzy search (~) is not supported: remove it, or use a wildcard such as meier*",
        start + first,
        end,
        "",
      );
    } else {
      const char = raw[first]!;
      this.error(
        "unescaped-character",
        `The character ${char} has a special meaning to the server; escape it as \\${char} or put the value in quotes`,
        start,
        end,
        escapeUnescaped(raw, BREAKING_CHARS),
      );
    }
    return true;
  }

  /**
   * Refuses lone surrogates; warns of an invisible space typed bare (`raw`, the word as written), which the server
   * keeps in the value. Quoted or escaped, such a space is clearly meant and gets no warning.
   */
  private checkText(text: string, start: number, end: number, raw?: string): boolean {
    if (ast.hasLoneSurrogate(text)) {
      this.error("invalid-unicode", "The value holds half of a surrogate pair, which is not a character", start, end);
      return false;
    }
    const unusual = raw === undefined || !UNUSUAL_WHITESPACE.test(raw) ? null : UNUSUAL_WHITESPACE.exec(raw.replace(/\\[\s\S]/g, ""));
    if (unusual) {
      const code = unusual[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      this.warn(
        "unusual-whitespace",
        `The value holds an invisible space (U+${code}); the server reads it as part of the value, not as a separator`,
        start,
        end,
      );
    }
    return true;
  }

  /** `plainField`: the field is written as a plain word (so it is a valid field name, but maybe `_exists_`). */
  private wordValue(field: FieldContext, token: IToken, start: number, nodeStart = start, plainField = false): Built {
    const end = endOf(token);
    const raw = token.image;
    // Most words need no decoding and no check.
    if (PLAIN_WORD.test(raw)) {
      if (field == null) return { query: undefined, start, end };
      // Plain printable ASCII on both sides: the factories' checks cannot fail, so the node is made directly.
      if (plainField && field !== ast.EXISTS_FIELD && raw[0] !== "<" && raw[0] !== ">") {
        return this.condition(termNode(field, textNode(raw), Object.freeze({ start: nodeStart, end })), start, end);
      }
      return this.textValue(field, raw, false, start, end, nodeStart);
    }
    if (plainField && typeof field === "string" && field !== ast.EXISTS_FIELD && raw[0] !== "<" && raw[0] !== ">" && PLAIN_PATTERN.test(raw)) {
      const parts = plainPatternParts(raw);
      if (parts) return this.condition(termNode(field, patternNode(parts), Object.freeze({ start: nodeStart, end })), start, end);
    }
    const decoded = decodeWord(raw);
    this.reportWordProblems(token, decoded.problems);
    const checked = !this.reportBreakingChars(token) && decoded.problems.length === 0 && this.checkText(decoded.text, start, end, raw);
    if (!checked || field == null) return { query: undefined, start, end };
    const parts = decoded.parts;
    if (!parts) return this.textValue(field, decoded.text, decoded.firstEscaped, start, end, nodeStart);
    if (raw[0] === "<" || raw[0] === ">") {
      return this.failed(
        "comparison-with-wildcard",
        "A comparison such as >=100 cannot hold * or ?; the server would read this as a pattern instead",
        start,
        end,
      );
    }
    if (decoded.usedUnicodeEscape) {
      return this.failed(
        "unicode-escape-in-pattern",
        "The server does not decode \\u escapes in a pattern with * or ?; type the character itself",
        start,
        end,
      );
    }
    if (field === ast.EXISTS_FIELD) return this.failed("exists-pattern", `${ast.EXISTS_FIELD} takes a field name, not a pattern`, start, end);
    const span: Span = Object.freeze({ start: nodeStart, end });
    let query: TermQuery | ExistsQuery;
    try {
      query = parts.length === 1 && parts[0]!.kind === "anyChars" ? ast.exists(field, span) : ast.term(field, ast.pattern(parts), span);
    } catch (error) {
      return this.refused(error, start, end);
    }
    return this.condition(query, start, end);
  }

  /** A word's decoded text as the value of `field`: a term, a comparison, or the field of `_exists_`. */
  private textValue(field: string, text: string, firstEscaped: boolean, start: number, end: number, nodeStart: number): Built {
    const span: Span = Object.freeze({ start: nodeStart, end });
    if (field !== ast.EXISTS_FIELD && (text[0] === "<" || text[0] === ">")) {
      if (!firstEscaped) return this.comparison(field, text, span, start);
      return this.failed(
        "escaped-comparison",
        `The server reads ${text[0]} at the start of a value as a comparison even when escaped; ` +
          "quote the value to search for the text",
        start,
        end,
        quote(text),
      );
    }
    return this.textCondition(field, text, span, start, end);
  }

  /** `field:text` as a term of exact text, or `_exists_:text` naming a field. */
  private textCondition(field: string, text: string, span: Span, start: number, end: number): Built {
    let query: TermQuery | ExistsQuery;
    try {
      query = field === ast.EXISTS_FIELD ? ast.exists(text, span) : ast.term(field, ast.text(text), span);
    } catch (error) {
      return this.refused(error, start, end);
    }
    return this.condition(query, start, end);
  }

  /** `>=1000`, `<5` and so on, read as Elasticsearch reads them. */
  private comparison(field: string, text: string, span: Span, start: number): Built {
    const { end } = span;
    const inclusive = text.length > 2 && text[1] === "=";
    const value = text.slice(inclusive ? 2 : 1);
    if (value === "" || value === "=") {
      return this.failed(
        "empty-comparison",
        `${text} compares with nothing: write a value after it, as in ${text.startsWith(">") ? ">=" : "<="}100, ` +
          `or quote it to search for the text: ${quote(text)}`,
        start,
        end,
      );
    }
    const limit = { value, inclusive };
    const greater = text[0] === ">";
    let query: RangeQuery;
    try {
      query = greater ? ast.range(field, limit, null, span) : ast.range(field, null, limit, span);
    } catch (error) {
      return this.refused(error, start, end);
    }
    if (!this.locations) return { query, start, end };
    const boundSpan = { start: start + (inclusive ? 2 : 1), end };
    return this.condition(query, start, end, greater ? { min: boundSpan } : { max: boundSpan });
  }

  private quotedValue(field: FieldContext, token: IToken, start: number, nodeStart = start): Built {
    const end = endOf(token);
    const { text, problems } = decodeEscapes(token.image.slice(1, -1));
    for (const problem of problems) this.error(problem.code, problem.message, start + 1 + problem.start, start + 1 + problem.end);
    if (problems.length > 0 || !this.checkText(text, start, end) || field == null) return { query: undefined, start, end };
    const span = Object.freeze({ start: nodeStart, end });
    return this.textCondition(field, text, span, start, end);
  }

  /** `plainField`: the field is written as a plain word (so it is a valid field name, but maybe `_exists_`). */
  private range(field: FieldContext, node: CstNode, nodeStart?: number, plainField = false): Built | undefined {
    const open = tokensOf(node, "RangeOpen")[0];
    const close = tokensOf(node, "RangeClose")[0];
    const bounds = tokensOf(node, "Bound");
    if (!open) return undefined;
    const start = open.startOffset;
    const end = close ? endOf(close) : (lastOffset(node) ?? endOf(open));
    const lower = bounds[0] && this.bound(bounds[0]);
    const upper = bounds[1] && this.bound(bounds[1]);
    if (!close || lower === undefined || upper === undefined || field == null) return { query: undefined, start, end };
    if (field === ast.EXISTS_FIELD) {
      this.error("exists-range", `${ast.EXISTS_FIELD} takes a field name, not a range`, start, end);
      return { query: undefined, start, end };
    }
    if (lower === false || upper === false) return { query: undefined, start, end };
    const min = lower === null ? null : { value: lower, inclusive: open.image === "[" };
    const max = upper === null ? null : { value: upper, inclusive: close.image === "]" };
    let located: { min?: Span; max?: Span } | undefined;
    if (this.locations) {
      const [minToken, maxToken] = bounds;
      located = {};
      if (minToken) located.min = { start: minToken.startOffset, end: endOf(minToken) };
      if (maxToken) located.max = { start: maxToken.startOffset, end: endOf(maxToken) };
    }
    const span = Object.freeze({ start: nodeStart ?? start, end });
    // Plain printable ASCII field and bounds: the factories' checks cannot fail, so the node is made directly.
    if (plainField && isPlainBound(bounds[0]!) && isPlainBound(bounds[1]!)) {
      const query = rangeNode(field, min && boundNode(min.value, min.inclusive), max && boundNode(max.value, max.inclusive), span);
      return this.condition(query, start, end, located);
    }
    let query: RangeQuery;
    try {
      query = ast.range(field, min, max, span);
    } catch (error) {
      return this.refused(error, start, end);
    }
    return this.condition(query, start, end, located);
  }

  /** A bound's value; `null` when open (`*`), `false` after an error. */
  private bound(token: IToken): string | null | false {
    if (isPlainBound(token)) return token.image === "*" ? null : token.image;
    const quoted = token.tokenType.name === "RangeQuoted";
    const raw = quoted ? token.image.slice(1, -1) : token.image;
    if (!quoted && raw.includes('"')) {
      this.error(
        "unbalanced-quote",
        "A quote in a range bound must be closed, as in [\"a b\" TO c], or escaped as \\\"",
        token.startOffset,
        endOf(token),
      );
      return false;
    }
    const { text, problems } = decodeEscapes(raw);
    const offset = token.startOffset + (quoted ? 1 : 0);
    for (const problem of problems) this.error(problem.code, problem.message, offset + problem.start, offset + problem.end);
    if (problems.length > 0 || !this.checkText(text, token.startOffset, endOf(token), quoted ? undefined : raw)) return false;
    // The server reads a bound of * as open, whether written bare, escaped or quoted.
    return text === "*" ? null : text;
  }
}

/**
 * The frozen parts of a plain word's pattern (printable ASCII, wildcards, no escape), as `ast.pattern` would make
 * them; `undefined` for a lone `*`, which is not a pattern.
 */
function plainPatternParts(raw: string): readonly PatternPart[] | undefined {
  const parts: PatternPart[] = [];
  let run = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 42 && c !== 63) continue;
    if (i > run) parts.push(literalNode(raw.slice(run, i)));
    parts.push(c === 42 ? ast.anyChars() : ast.oneChar());
    run = i + 1;
  }
  if (run < raw.length) parts.push(literalNode(raw.slice(run)));
  return parts.length === 1 && parts[0] === ast.anyChars() ? undefined : Object.freeze(parts);
}

/** The operands' queries, or `undefined` when any operand holds an error. */
function queriesOf(operands: readonly Built[]): Query[] | undefined {
  const queries: Query[] = [];
  for (const operand of operands) {
    if (operand.query === undefined) return undefined;
    queries.push(operand.query);
  }
  return queries;
}

function firstOffset(node: CstElement | undefined): number | undefined {
  if (!node) return undefined;
  if (isToken(node)) return Number.isNaN(node.startOffset) ? undefined : node.startOffset;
  let best: number | undefined;
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      const offset = "image" in child ? child.startOffset : firstOffset(child);
      if (offset !== undefined && !Number.isNaN(offset) && (best === undefined || offset < best)) best = offset;
    }
  }
  return best;
}

function lastOffset(node: CstElement | undefined): number | undefined {
  if (!node) return undefined;
  if (isToken(node)) return Number.isNaN(node.startOffset) ? undefined : endOf(node);
  let best: number | undefined;
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      const offset = "image" in child ? (Number.isNaN(child.startOffset) ? undefined : endOf(child)) : lastOffset(child);
      if (offset !== undefined && (best === undefined || offset > best)) best = offset;
    }
  }
  return best;
}
