import type { Query, TermQuery } from "../ast/types.js";
import { patternProblem } from "../ast/server-limits.js";
import { compileRegexp, RegexpError } from "../evaluate/regexp.js";
import { MAPPED_TYPES } from "../schema/mapping.js";
import type { FieldSchema } from "../schema/schema.js";
import type { FieldInfo } from "../schema/schema-types.js";
import { NUMBER } from "../schema/values.js";
import { resolveDate } from "../schema/date-math.js";
import { fieldPattern, isFieldPattern } from "../schema/field-patterns.js";

/**
 * What a server configured with `lenient: false` refuses that a lenient one runs (finding nothing there), of the
 * conditions a text holds: a value its field's type cannot read, a pattern or query kind the type has none of, and
 * a pattern or regular expression Lucene cannot compile. Each in Elasticsearch's words; `undefined` when it runs.
 */
export function strictProblem(conditions: readonly Query[], schema: FieldSchema<unknown>): string | undefined {
  const fields = [...(schema as FieldSchema).fields.values()].filter((info) => info.searchable);
  for (const node of conditions) {
    if (node.type !== "term" && node.type !== "range") continue;
    const pattern = isFieldPattern(node.field) ? fieldPattern(node.field) : undefined;
    const named = pattern
      ? fields.filter((info) => pattern.test(info.path))
      : [(schema as FieldSchema).lookup(node.field)].filter((info): info is FieldInfo => info !== undefined);
    for (const info of named) {
      const problem =
        node.type === "term" ? termProblem(node, info) : valueProblem(info, [node.min?.value, node.max?.value]);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

const KIND_NAMES = { pattern: "wildcard", fuzzy: "fuzzy", regexp: "regexp" } as const;

function termProblem(node: TermQuery, info: FieldInfo): string | undefined {
  const value = node.value;
  if (value.kind === "text") return valueProblem(info, [value.text]);
  if (info.type !== "string" && info.type !== "keyword") {
    return (
      `Can only use ${KIND_NAMES[value.kind]} queries on keyword and text fields - not on [${info.path}] ` +
      `which is of type [${MAPPED_TYPES[info.type]}]`
    );
  }
  if (value.kind === "pattern") return patternProblem(value.parts);
  if (value.kind === "regexp") {
    try {
      compileRegexp(value.source);
    } catch (error) {
      if (error instanceof RegexpError) return error.message;
      throw error;
    }
  }
  return undefined;
}

function valueProblem(info: FieldInfo, values: readonly (string | undefined)[]): string | undefined {
  for (const value of values) {
    if (value === undefined) continue;
    switch (info.type) {
      case "integer":
      case "number":
        if (!NUMBER.test(value)) return `failed to create query: For input string: "${value}"`;
        break;
      case "date":
        if (resolveDate(value) === undefined && !/^\d+$/.test(value))
          return `failed to parse date field [${value}] with format [strict_date_optional_time||epoch_millis]`;
        break;
      case "boolean":
        if (value !== "true" && value !== "false" && value !== "")
          return `Can't parse boolean value [${value}], expected [true] or [false]`;
        break;
      default:
    }
  }
  return undefined;
}
