import type { ILexingResult } from "chevrotain";
import { Lexer } from "./chevrotain.js";
import { lexerDefinition } from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
const published = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

/** chevrotain's internal tokenizer, which its public `tokenize` calls after checking the definition. */
interface Internals {
  tokenizeInternal(text: string, mode: string): ILexingResult;
}

/**
 * The lexer. Its `tokenize` goes straight to chevrotain's tokenizer: the public one first tests, on every call, that
 * the definition had no errors, with a generic emptiness check that costs about 5% of parsing a one-clause query.
 * Here the definition is known to be sound: construction throws on any error in development and tests (where the
 * checks run), and the published build is built from the same definition.
 */
class QueryLexer extends Lexer {
  override tokenize(text: string): ILexingResult {
    return (this as unknown as Internals).tokenizeInternal(text, "default");
  }
}

let instance: QueryLexer | undefined;

/**
 * Builds a lexer. In development and tests `ensureOptimizations` makes construction fail if a token pattern
 * defeats chevrotain's first-character optimisation; the published build skips the checks.
 */
export function createLexer(options: { ensureOptimizations: boolean } = { ensureOptimizations: !published }): Lexer {
  return new QueryLexer(lexerDefinition, {
    positionTracking: "onlyOffset",
    ensureOptimizations: options.ensureOptimizations,
    skipValidations: published,
  });
}

/** Splits the source into tokens with the one shared lexer. */
export function tokenize(source: string): ILexingResult {
  instance ??= createLexer() as QueryLexer;
  return instance.tokenize(source);
}
