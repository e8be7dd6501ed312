import { Alternation, getLookaheadPaths, NonTerminal, Option, Repetition, type IProduction } from "chevrotain";
import { describe, expect, it } from "vitest";
import { QueryGrammar } from "../../src/syntax/grammar.js";
import { LOOKAHEAD } from "../../src/syntax/lookahead.js";

type Kind = "Alternation" | "Option" | "Repetition";

/** Every production that needs a lookahead, with the tokens that start each of its alternatives, by chevrotain. */
function analysedLookahead(): Record<string, string[][]> {
  const found: Record<string, string[][]> = {};
  for (const rule of Object.values(new QueryGrammar(false).getGAstProductions())) {
    const visit = (production: IProduction): void => {
      const kind: Kind | undefined =
        production instanceof Alternation
          ? "Alternation"
          : production instanceof Option
            ? "Option"
            : production instanceof Repetition
              ? "Repetition"
              : undefined;
      if (kind) {
        const { idx } = production as Alternation | Option | Repetition;
        const paths = getLookaheadPaths({ occurrence: idx, rule, prodType: kind, maxLookahead: 1 });
        // An option's or repetition's second entry is what may follow it, which its lookahead does not read.
        const alternatives = kind === "Alternation" ? paths : paths.slice(0, 1);
        found[`${rule.name} ${kind} ${idx}`] = alternatives.map((alternative) =>
          alternative.map((path) => path.map((type) => type.name).join(" ")).sort(),
        );
      }
      // A rule's reference is not followed: each rule is visited on its own.
      if (production instanceof NonTerminal) return;
      const inner = (production as { definition?: IProduction[] }).definition;
      for (const child of inner ?? []) visit(child);
    };
    for (const production of rule.definition) visit(production);
  }
  return found;
}

describe("the precomputed lookahead", () => {
  it("is the one chevrotain works out from the grammar, for every repetition, option and alternation", () => {
    const table = Object.fromEntries(
      Object.entries(LOOKAHEAD).map(([key, alternatives]) => [
        key,
        alternatives.map((starts) => starts.map((type) => type.name).sort()),
      ]),
    );
    expect(table).toEqual(analysedLookahead());
  });
});
