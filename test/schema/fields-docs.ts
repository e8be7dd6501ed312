// docs/fields.md: every Smart Transaction field, made from the schema and the sandbox's sample (npm run docs:fields),
// and checked to be current by test/schema/fields-docs.test.ts.
import * as ast from "../../src/ast/factories.js";
import type { FieldInfo } from "../../src/schema/schema-types.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { sampleTransactions } from "../../src/sandbox/sample-data.js";
import { serialize } from "../../src/serialize/serialize.js";
import { valuesAt } from "../../src/cli/table.js";
import { MAPPED_TYPES } from "../../src/schema/mapping.js";

const sample = sampleTransactions(2000, 1);

/** A value the field really takes in the sample, else one of its known values. */
function sampleValue(info: FieldInfo): string | undefined {
  for (const record of sample) {
    const [value] = valuesAt(record, info.path);
    if (value !== undefined && value !== "" && !value.startsWith("{") && !value.startsWith("[")) return value;
  }
  return info.values?.[0];
}

/** A query that searches the field, valid against the schema. */
function example(info: FieldInfo): string {
  if (!info.searchable) return "";
  if (info.type === "object") return `\`${serialize(ast.exists(info.path))}\``;
  const value = sampleValue(info);
  if (info.type === "integer" || info.type === "number") {
    return `\`${serialize(ast.range(info.path, ast.bound(value ?? "1000"), null))}\``;
  }
  if (info.type === "date") {
    const day = (value ?? "2026-01-01").slice(0, 10);
    return `\`${serialize(ast.range(info.path, ast.bound(day), null))}\``;
  }
  if (value === undefined) return `\`${serialize(ast.exists(info.path))}\``;
  return `\`${serialize(ast.term(info.path, ast.text(value)))}\``;
}

const cell = (text: string): string => text.replaceAll("|", "\\|");

/** The page, in Markdown. */
export function fieldsDocs(): string {
  const rows = [...schema.fields.values()].map((info) => {
    const type = `${info.type}${info.unit ? ` (${info.unit})` : ""}${info.repeated ? ", repeated" : ""}`;
    const values = info.values ? info.values.map((v) => `\`${v}\``).join(", ") : "";
    const notes = info.searchable
      ? (info.description ?? "")
      : `${info.description ?? "in answers only"}; not searchable`;
    const index = `${MAPPED_TYPES[info.type]}${info.type === "keyword" ? " (lower-cased)" : ""}`;
    return `| \`${info.path}\` | ${type} | ${index} | ${cell(values)} | ${cell(example(info))} | ${cell(notes)} |`;
  });
  return [
    "# Smart Transaction fields",
    "",
    "<!-- Made from the schema by `npm run docs:fields`; a test fails when it is stale. -->",
    "",
    "Every field `q`, `sort` and `fields` may name, as `smartTransactionSchema` describes it: its dotted path, its type,",
    "the values it is known to take (another value gets a warning, not an error), and a query that searches it, with a",
    "value from the sandbox's sample. A path through an array (`repeated`) matches when any of its values does;",
    "`integer (cent)` is an amount in cents. `secuq validate` checks a query against this list. The index column is",
    "how the sandbox assumes the server indexes the field (`smartTransactionMapping`; see the sandbox's docs).",
    "",
    "| field | type | index | known values | example | notes |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
