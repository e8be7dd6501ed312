import { assertNever } from "../../src/ast/walk.js";
import type { Query, TermQuery } from "../../src/ast/types.js";
import { KEYWORDS } from "../../src/syntax/characters.js";
import { isPlainTerm } from "../../src/ast/factories.js";
import { printBound, printField, printPatternLiteral, printText, printWord } from "../../src/serialize/escaping.js";

/**
 * Prints a query the way people write it rather than canonically: parentheses only where precedence (NOT > AND > OR)
 * needs them, sometimes more; `&&`, `||` and `!`; field groups; `field:*`; comparisons; escaped instead of quoted
 * values; extra whitespace. The text must still parse to the same AST; the server may read some of it differently,
 * which is what `ambiguous-precedence` is for.
 */
export function looseText(query: Query, random: () => number): string {
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const space = (): string => pick([" ", " ", " ", "  ", "\n", "\t", " \u3000"]);

  const LEVEL = { or: 1, and: 2, not: 3, leaf: 4 } as const;
  const level = (q: Query): number =>
    q.type === "or" || q.type === "and" || q.type === "not" ? LEVEL[q.type] : LEVEL.leaf;

  // A word stays a word and a phrase a phrase (they differ on analysed fields); one plain term may be written
  // either way, and a bare word may escape more than it must.
  const value = ({ text, word }: { text: string; word?: true }): string => {
    if (word) return chance(0.5) ? printWord(text) : printWord(text).replace(/[a-tv-zA-Z]/, "\\$&");
    if (isPlainTerm(text) && !KEYWORDS.has(text)) return chance(0.5) ? text : `"${text}"`;
    return printText(text);
  };

  const fieldGroup = (operands: readonly Query[], operator: string): string | undefined => {
    const terms = operands.filter((o): o is TermQuery => o.type === "term" && o.value.kind === "text");
    if (terms.length !== operands.length || !terms.every((t) => t.field === terms[0]!.field)) return undefined;
    const values = terms.map((t) => value(t.value as { text: string; word?: true }));
    return `${printField(terms[0]!.field)}:(${values.join(operator)})`;
  };

  const print = (q: Query, minimum: number): string => {
    const text = printBare(q);
    return level(q) < minimum || (level(q) < LEVEL.leaf && chance(0.15)) ? `(${text})` : text;
  };

  const printBare = (q: Query): string => {
    switch (q.type) {
      case "or": {
        const operator = `${space()}${pick(["OR", "OR", "||"])}${space()}`;
        return (
          (chance(0.2) ? fieldGroup(q.operands, operator) : undefined) ??
          q.operands.map((o) => print(o, LEVEL.or)).join(operator)
        );
      }
      case "and": {
        const operator = `${space()}${pick(["AND", "AND", "&&"])}${space()}`;
        return (
          (chance(0.2) ? fieldGroup(q.operands, operator) : undefined) ??
          q.operands.map((o) => print(o, LEVEL.and + 1)).join(operator)
        );
      }
      case "not": {
        // NOT NOT x is refused, so a NOT operand is always a leaf or in parentheses.
        const operand = print(q.operand, LEVEL.leaf);
        return chance(0.3) ? `!${operand}` : `NOT${space()}${operand}`;
      }
      case "exists":
        return chance(0.5) ? `_exists_:${printField(q.field)}` : `${printField(q.field)}:*`;
      case "term": {
        const pattern = (parts: typeof q.value & { kind: "pattern" }): string =>
          parts.parts
            .map((p) => (p.kind === "literal" ? printPatternLiteral(p.text) : p.kind === "anyChars" ? "*" : "?"))
            .join("");
        if (q.value.kind === "fuzzy" || q.value.kind === "regexp") throw new Error("usual ASTs only");
        return `${printField(q.field)}:${q.value.kind === "text" ? value(q.value) : pattern(q.value)}`;
      }
      case "range": {
        const field = printField(q.field);
        const simple = /^[\p{L}\p{N}]+$/u;
        if (q.min === null && q.max !== null && simple.test(q.max.value) && chance(0.5))
          return `${field}:<${q.max.inclusive ? "=" : ""}${q.max.value}`;
        if (q.max === null && q.min !== null && simple.test(q.min.value) && chance(0.5))
          return `${field}:>${q.min.inclusive ? "=" : ""}${q.min.value}`;
        const open = q.min === null ? pick(["[", "{"]) : q.min.inclusive ? "[" : "{";
        const close = q.max === null ? pick(["]", "}"]) : q.max.inclusive ? "]" : "}";
        const [lower, upper] = [
          q.min === null ? "*" : printBound(q.min.value),
          q.max === null ? "*" : printBound(q.max.value),
        ];
        return `${field}:${open}${lower} TO ${upper}${close}`;
      }
      default:
        return assertNever(q);
    }
  };

  return print(query, LEVEL.or);
}
