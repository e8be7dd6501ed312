import {
  FIELD,
  type FieldDefinition,
  type FieldInfo,
  type FieldMap,
  type FieldsOf,
  type FieldType,
  type SchemaSpec,
  type SpecEntry,
} from "./schema-types.js";

const FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>([
  "string",
  "keyword",
  "integer",
  "number",
  "boolean",
  "date",
  "object",
]);

/**
 * The fields a query may name, with their types. `F` carries the fields' paths and types for the typed builder;
 * it exists only for the type checker.
 */
export interface FieldSchema<F = FieldMap> {
  /** Every field by dotted path, objects included, in declaration order. */
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /**
   * The field at a path. A path below an `object` field whose inner fields are not described resolves to that
   * object's entry with `open: true`; an unknown path gives `undefined`.
   */
  lookup(path: string): (FieldInfo & { readonly open?: boolean }) | undefined;
  /** Type-level only: the fields' paths and types. */
  readonly "~fields"?: F;
}

/** Options of `field(...)`. */
export interface FieldOptions<V extends string> {
  readonly values?: readonly V[];
  readonly description?: string;
  readonly unit?: "cent";
  readonly searchable?: boolean;
}

/**
 * A field with known values, a description or a unit, for `defineSchema`.
 *
 * @example
 * defineSchema({ status: field("keyword", { values: ["ok", "pending"] }), amount: field("integer", { unit: "cent" }) })
 */
export function field<const T extends FieldType, const V extends string = never, const S extends boolean = true>(
  type: T,
  options: FieldOptions<V> & { readonly searchable?: S } = {},
): FieldDefinition<T, V, S> {
  if (!FIELD_TYPES.has(type))
    throw new TypeError(`Unknown field type ${JSON.stringify(type)}; use one of ${[...FIELD_TYPES].join(", ")}`);
  return Object.freeze({ [FIELD]: true as const, type, ...options });
}

function isDefinition(entry: SpecEntry): entry is FieldDefinition {
  return typeof entry === "object" && entry !== null && FIELD in entry;
}

function flatten(
  spec: SchemaSpec,
  prefix: string,
  repeated: boolean,
  into: Map<string, FieldInfo & { open?: boolean }>,
): void {
  for (const [name, declared] of Object.entries(spec)) {
    if (name === "" || /[.*?]/.test(name))
      throw new TypeError(`Field name ${JSON.stringify(name)} must be non-empty, without dots or wildcards`);
    const path = prefix + name;
    let entry: SpecEntry = declared;
    let isArray = repeated;
    while (Array.isArray(entry)) {
      if (entry.length !== 1)
        throw new TypeError(`${path}: an array is written as a one-element array, such as [{ … }] or ["string"]`);
      entry = entry[0] as SpecEntry;
      isArray = true;
    }
    if (typeof entry === "string" || isDefinition(entry)) {
      const definition = typeof entry === "string" ? field(entry) : entry;
      if (!FIELD_TYPES.has(definition.type))
        throw new TypeError(`${path}: unknown field type ${JSON.stringify(definition.type)}`);
      into.set(
        path,
        Object.freeze({
          path,
          type: definition.type,
          ...(definition.values && { values: Object.freeze([...definition.values]) }),
          ...(definition.description !== undefined && { description: definition.description }),
          ...(definition.unit !== undefined && { unit: definition.unit }),
          searchable: definition.searchable ?? true,
          repeated: isArray,
          ...(definition.type === "object" && { open: true }),
        }),
      );
    } else if (typeof entry === "object" && entry !== null) {
      into.set(path, Object.freeze({ path, type: "object" as const, searchable: true, repeated: isArray }));
      flatten(entry as SchemaSpec, `${path}.`, isArray, into);
    } else {
      throw new TypeError(`${path}: expected a field type, field(...), an object or a one-element array`);
    }
  }
}

/**
 * Makes a schema from field names and types. Nested objects are plain objects; an array is a one-element array;
 * `field(...)` adds known values, a description or a unit. Declare the spec inline (or `as const`) so that the
 * typed builder knows every path.
 *
 * @example
 * const schema = defineSchema({
 *   status: field("keyword", { values: ["ok", "pending"] }),
 *   basket: { products: [{ ean: "keyword", priceOne: field("integer", { unit: "cent" }) }] },
 *   created: "date",
 * });
 * schema.lookup("basket.products.ean") // { path: "basket.products.ean", type: "keyword", repeated: true, … }
 */
export function defineSchema<const S extends SchemaSpec>(spec: S): FieldSchema<FieldsOf<S>> {
  const fields = fieldsOf(spec);
  return schemaOver(() => fields);
}

/**
 * `defineSchema` for the built-in schema, whose spec the tests check: its fields are listed on first use, so that
 * importing the package does not pay for a schema that a parse never reads.
 */
export function defineBuiltInSchema<const S extends SchemaSpec>(spec: S): FieldSchema<FieldsOf<S>> {
  let fields: Map<string, FieldInfo & { open?: boolean }> | undefined;
  return schemaOver(() => (fields ??= fieldsOf(spec)));
}

function fieldsOf(spec: SchemaSpec): Map<string, FieldInfo & { open?: boolean }> {
  const fields = new Map<string, FieldInfo & { open?: boolean }>();
  flatten(spec, "", false, fields);
  return fields;
}

function schemaOver<F>(read: () => ReadonlyMap<string, FieldInfo & { open?: boolean }>): FieldSchema<F> {
  return Object.freeze({
    get fields() {
      return read();
    },
    lookup(path: string) {
      const fields = read();
      const found = fields.get(path);
      if (found) return found;
      for (let dot = path.lastIndexOf("."); dot > 0; dot = path.lastIndexOf(".", dot - 1)) {
        const parent = fields.get(path.slice(0, dot));
        if (parent) return parent.open ? parent : undefined;
      }
      return undefined;
    },
  });
}
