import type { FieldSchema } from "./schema.js";
import type { FieldType } from "./schema-types.js";

/**
 * The lower-casing normalizer keyword fields use: search on them ignores case, as the API's own demos show. It is
 * Elasticsearch's built-in one, which needs no analysis settings (and no analysis module).
 */
export const LOWERCASE_NORMALIZER = "lowercase";

/** How one field is indexed: Elasticsearch's mapping of it. */
export interface FieldMapping {
  readonly type: "text" | "keyword" | "long" | "double" | "date" | "boolean" | "object";
  readonly normalizer?: typeof LOWERCASE_NORMALIZER;
  /** False for a field only answers carry (an aggregation result): present, not searchable. */
  readonly index?: false;
  /** False for an object only answers carry. */
  readonly enabled?: false;
  readonly properties?: Readonly<Record<string, FieldMapping>>;
}

/** An index's mappings, as Elasticsearch's create-index request takes them. */
export interface IndexDefinition {
  readonly mappings: { readonly properties: Readonly<Record<string, FieldMapping>> };
}

/**
 * What each schema type is indexed as: free text (`string`) analysed by the standard analyser into lower-cased words,
 * a `keyword` kept whole and lower-cased by a normalizer, integers as `long`, numbers as `double`.
 */
export const MAPPED_TYPES: Readonly<Record<FieldType, FieldMapping["type"]>> = Object.freeze({
  string: "text",
  keyword: "keyword",
  integer: "long",
  number: "double",
  boolean: "boolean",
  date: "date",
  object: "object",
});

interface Mutable {
  type: FieldMapping["type"];
  normalizer?: typeof LOWERCASE_NORMALIZER;
  index?: false;
  enabled?: false;
  properties?: Record<string, Mutable>;
}

/**
 * The index a schema's records are searched in, as the sandbox assumes it (see `docs/sandbox.md`): one mapping per
 * field, objects with their fields inside, arrays mapped as their elements (Elasticsearch has no array type).
 *
 * @example
 * indexDefinition(smartTransactionSchema).mappings.properties.status // { type: "keyword", normalizer: "lowercase" }
 */
export function indexDefinition(schema: FieldSchema<unknown>): IndexDefinition {
  const root: Record<string, Mutable> = {};
  for (const info of (schema as FieldSchema).fields.values()) {
    const names = info.path.split(".");
    let level = root;
    for (const name of names.slice(0, -1)) {
      const parent = (level[name] ??= { type: "object" });
      level = parent.properties ??= {};
    }
    const last = names[names.length - 1]!;
    const mapping: Mutable = level[last] ?? { type: MAPPED_TYPES[info.type] };
    mapping.type = MAPPED_TYPES[info.type];
    if (info.type === "keyword") mapping.normalizer = LOWERCASE_NORMALIZER;
    if (!info.searchable) {
      if (info.type === "object") mapping.enabled = false;
      else mapping.index = false;
    }
    level[last] = mapping;
  }
  return { mappings: { properties: root } };
}
