import type { ILexingResult, IToken, Lexer as LexerType } from "chevrotain";
import { Lexer } from "./chevrotain.js";
import { lexerDefinition } from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
const published = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

/** A token of the lexer, for the modules above syntax/ that read tokens (completion, highlighting). */
export type Token = IToken;

let instance: LexerType | undefined;

/**
 * Builds a lexer. In development and tests `ensureOptimizations` makes construction fail if a token pattern
 * defeats chevrotain's first-character optimisation; the published build skips the checks.
 */
export function createLexer(
  options: { ensureOptimizations: boolean } = { ensureOptimizations: !published },
): LexerType {
  return new Lexer(lexerDefinition, {
    positionTracking: "onlyOffset",
    ensureOptimizations: options.ensureOptimizations,
    skipValidations: published,
  });
}

/** Splits the source into tokens with the one shared lexer. */
export function tokenize(source: string): ILexingResult {
  instance ??= createLexer();
  return instance.tokenize(source);
}
