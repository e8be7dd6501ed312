import * as ast from "../../ast/factories.js";
import { writtenOnly, type UnaryExpressionCstNode } from "../cst.js";
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
  if (operand.pending) context.report(operand.pending);
  const start = firstPrefix.startOffset;
  let negations = 0;
  let valid = true;
  for (let index = 0; index < prefixes.length; index++) {
    const prefix = prefixes[index]!;
    const after = prefixes[index + 1]?.startOffset ?? operand.start;
    switch (prefix.image) {
      case "-":
        valid = false;
        context.error(
          "minus-prefix",
          "- is not supported for negation here; write NOT",
          prefix.startOffset,
          operand.end,
          `NOT ${context.text(after, operand.end)}`,
        );
        break;
      case "+":
        valid = false;
        context.error(
          "plus-prefix",
          "+ (must match) is not supported; remove it and join the conditions with AND",
          prefix.startOffset,
          operand.end,
          context.text(after, operand.end),
        );
        break;
      case "!":
        negations++;
        if (endOf(prefix) < after) {
          valid = false;
          context.error(
            "space-after-bang",
            "! followed by a space is not NOT: the server searches for the character !. Write NOT, or ! with no space",
            prefix.startOffset,
            operand.end,
            `NOT ${context.text(after, operand.end)}`,
          );
        }
        break;
      default:
        negations++;
    }
  }
  if (negations > 1 && valid) {
    valid = false;
    context.error(
      "double-negation",
      "The server cannot read NOT twice in a row; put the inner one in parentheses",
      start,
      operand.end,
      `${"NOT (".repeat(negations - 1)}NOT ${context.text(operand.start, operand.end)}${")".repeat(negations - 1)}`,
    );
  }
  const query = valid && operand.query ? ast.not(operand.query, Object.freeze({ start, end: operand.end })) : undefined;
  return { query, start, end: operand.end, negated: negations > 0 };
}
