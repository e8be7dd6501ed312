import type { IToken } from "chevrotain";
import type { Query } from "../../ast/types.js";
import type { Problem } from "../../diagnostics/diagnostic.js";
import type { QueryCstNode } from "../cst.js";
import type { Locations } from "../locations.js";
import { BuildContext } from "./context.js";
import { orExpression, strayCloser, unclosedParenthesis } from "./operators.js";

/** What the semantic pass made of a syntax tree. */
export interface BuiltQuery {
  /** The query, when no error was reported. */
  readonly query?: Query;
  readonly problems: Problem[];
  readonly locations?: Locations;
  /** With an error, when locations were asked for: every condition that still read, for checks against a schema. */
  readonly conditions?: readonly Query[];
}

/** How the semantic pass reads: whether to record locations, and what the earlier steps found. */
export interface BuildOptions {
  readonly locate: boolean;
  /** Where errors were reported before this pass (characters the lexer refused, the grammar's errors), ascending. */
  readonly reportedErrors: readonly number[];
  /** Closing parentheses that the scan found matching nothing. */
  readonly strayClosers: readonly IToken[];
  /** Opening parentheses that the scan found never closed. */
  readonly unclosed: readonly IToken[];
  /** Where the last token written ends. */
  readonly end: number;
  /** The most conditions one group may join; unchecked when absent. */
  readonly maxClauses?: number;
}

/**
 * The semantic pass: turns the concrete syntax tree into the AST and reports every mistake it can name, with a fix.
 * The query is absent whenever an error was reported. After a mistake the grammar may have read the query in
 * several stretches (`trees`); the later ones are read for their mistakes only.
 */
export function buildQuery(
  source: string,
  trees: readonly (QueryCstNode | undefined)[],
  options: BuildOptions,
): BuiltQuery {
  const context = new BuildContext(source, options.locate, options.reportedErrors, options.maxClauses);
  const cst = trees[0];
  const content = cst && orExpression(context, cst, undefined);
  // Indexed, not destructured with a rest: a valid query has one tree, and this runs once per parse.
  for (let i = 1; i < trees.length; i++) {
    const stretch = trees[i];
    if (stretch) orExpression(context, stretch, undefined);
  }
  if (!content && context.problems.length === 0 && options.reportedErrors.length === 0) {
    context.flag("empty-query", "The query is empty: write a condition such as status:approved", 0, source.length);
  }
  // Nearly always empty, and shared frozen arrays, which V8 iterates with an iterator object: looked at first.
  if (options.strayClosers.length > 0) for (const paren of options.strayClosers) strayCloser(context, paren);
  // A group that error recovery skipped was never read: its parenthesis is reported all the same.
  if (options.unclosed.length > 0) {
    for (const paren of options.unclosed) {
      if (!context.wasReportedUnclosed(paren)) unclosedParenthesis(context, paren, options.end);
    }
  }
  const query = context.errors === 0 ? content?.query : undefined;
  if (!query) {
    const { locations, conditions } = context;
    return locations && conditions
      ? { problems: context.problems, locations, conditions }
      : { problems: context.problems };
  }
  return context.locations
    ? { query, problems: context.problems, locations: context.locations }
    : { query, problems: context.problems };
}
