import * as ast from "../../ast/factories.js";
import { writtenOnly, type UnaryExpressionCstNode } from "../cst.js";
import { edit, safeFix } from "../../diagnostics/diagnostic.js";
import { endOf } from "../tokens.js";
import type { BuildContext, Built, FieldContext } from "./context.js";
import { operandOf } from "./operands.js";

/**
 * A condition with its prefixes: one NOT or `!` makes a `not`; `-`, `+`, `! x` and repeated negations are
 * reported with the form the server would read as meant.
 */
export function unaryExpression(
  context: BuildContext,
  node: UnaryExpressionCstNode,
  field: FieldContext,
): Built | undefined {
  const operand = operandOf(context, node, field);
  if (node.prefixes === undefined) return operand;
  const prefixes = writtenOnly(node.prefixes);
  const firstPrefix = prefixes[0];
  if (!firstPrefix) return operand;
  if (!operand) return undefined;
  if (operand.pending) context.add(operand.pending);
  const start = firstPrefix.startOffset;
  let negations = 0;
  let valid = true;
  for (let index = 0; index < prefixes.length; index++) {
    const prefix = prefixes[index]!;
    const after = prefixes[index + 1]?.startOffset ?? operand.start;
    const prefixEnd = endOf(prefix);
    switch (prefix.image) {
      case "-":
        valid = false;
        context.flag("minus-prefix", "- is not supported for negation here; write NOT", prefix.startOffset, prefixEnd, [
          safeFix("Write NOT", [edit(prefix.startOffset, after, "NOT ")]),
        ]);
        break;
      case "+":
        valid = false;
        context.flag(
          "plus-prefix",
          "+ (must match) is not supported; remove it and join the conditions with AND",
          prefix.startOffset,
          prefixEnd,
          [safeFix("Remove the +", [edit(prefix.startOffset, after, "")])],
        );
        break;
      case "!":
        negations++;
        if (prefixEnd < after) {
          valid = false;
          context.flag(
            "space-after-bang",
            "! followed by a space is not NOT: the server searches for the character !. Write NOT, or ! with no space",
            prefix.startOffset,
            prefixEnd,
            [safeFix("Write NOT", [edit(prefix.startOffset, after, "NOT ")])],
          );
        }
        break;
      default:
        negations++;
    }
  }
  if (negations > 1 && valid) {
    valid = false;
    // Each inner negation goes in parentheses: NOT (NOT x) is what NOT NOT x means.
    const inner = prefixes.slice(1);
    context.flag(
      "double-negation",
      "The server cannot read NOT twice in a row; put the inner one in parentheses",
      inner[0]!.startOffset,
      endOf(inner[0]!),
      [
        safeFix("Put the inner NOT in parentheses", [
          ...inner.map((prefix) => edit(prefix.startOffset, prefix.startOffset, "(")),
          edit(operand.end, operand.end, ")".repeat(inner.length)),
        ]),
      ],
    );
  }
  const query = valid && operand.query ? ast.not(operand.query, Object.freeze({ start, end: operand.end })) : undefined;
  return { query, start, end: operand.end, negated: negations > 0 };
}
