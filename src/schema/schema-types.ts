/**
 * How a field is searched:
 * - `string`: free text; `keyword`: an identifier or code, matched exactly (ids, references, statuses);
 * - `integer`, `number`: numbers (amounts are integers in the smallest currency unit);
 * - `boolean`: `true` or `false`; `date`: an ISO 8601 date or date-time;
 * - `object`: an object whose inner fields are not described (any path below it is accepted unchecked).
 */
export type FieldType = "string" | "keyword" | "integer" | "number" | "boolean" | "date" | "object";

/** Marks a field definition, so that a nested object with a field called `type` is never taken for one. */
export const FIELD: unique symbol = Symbol.for("secuq.field");

/** A field with more to say than its type: known values, a description, a unit. Made with `field(...)`. */
export interface FieldDefinition<
  T extends FieldType = FieldType,
  V extends string = string,
  S extends boolean = boolean,
> {
  readonly [FIELD]: true;
  readonly type: T;
  /** The values the field is known to take; another value gets a warning, not an error. */
  readonly values?: readonly V[];
  readonly description?: string;
  /** The unit of a number, such as `cent`: a decimal amount then gets a fix in that unit. */
  readonly unit?: "cent";
  /** False for a name that appears in answers but cannot be searched (an aggregation result). */
  readonly searchable?: S;
}

/**
 * What `defineSchema` takes: field names mapped to a type, a `field(...)` definition, a nested object, or a
 * one-element array (`[{ … }]` or `["string"]`) for an array of those. Paths through arrays have no brackets.
 */
export interface SchemaSpec {
  readonly [name: string]: SpecEntry;
}
/** One entry of a `SchemaSpec`. */
export type SpecEntry = FieldType | FieldDefinition | SchemaSpec | readonly [SpecEntry];

/** One field of a schema, by its dotted path. */
export interface FieldInfo<T extends FieldType = FieldType, V extends string = string> {
  readonly path: string;
  readonly type: T;
  readonly values?: readonly V[];
  readonly description?: string;
  readonly unit?: "cent";
  readonly searchable: boolean;
  /** Whether the path passes through an array (the field may hold several values). */
  readonly repeated: boolean;
}

type Join<P extends string, K extends string> = P extends "" ? K : `${P}.${K}`;

// Nesting deeper than this is not typed (the runtime schema still has it); the limit keeps the type checker fast.
type MaxDepth = 8;

/** Each field of a spec as `{ path, type, values }`, objects included (as type `object`). */
type Entries<S, P extends string, D extends 0[]> = D["length"] extends MaxDepth
  ? never
  : { [K in keyof S & string]: EntryOf<S[K], Join<P, K>, D> }[keyof S & string];

type EntryOf<E, P extends string, D extends 0[]> = E extends string
  ? { path: P; type: E; values: never; searchable: true }
  : E extends {
        readonly [FIELD]: true;
        readonly type: infer T;
        readonly values?: readonly (infer V)[];
        readonly searchable?: infer S;
      }
    ? { path: P; type: T; values: V; searchable: [S] extends [false] ? false : true }
    : E extends readonly [infer Inner]
      ? EntryOf<Inner, P, D>
      : { path: P; type: "object"; values: never; searchable: true } | Entries<E, P, [...D, 0]>;

/**
 * The fields of a spec, by path: `{ "basket_info.sum": { type: "integer", values: never, searchable: true }, … }`.
 */
export type FieldsOf<S> = {
  [E in Entries<S, "", []> as E["path"]]: { type: E["type"]; values: E["values"]; searchable: E["searchable"] };
};

/** The shape the builder reads from a schema's fields. */
export type FieldMap = Record<string, { type: FieldType; values: string }>;

/** The value a spec entry holds in a record: text, a number, a boolean, an ISO 8601 date, a list, or an object. */
type ValueOf<E, D extends 0[]> = D["length"] extends MaxDepth
  ? unknown
  : E extends "string" | "keyword" | "date"
    ? string
    : E extends "integer" | "number"
      ? number
      : E extends "boolean"
        ? boolean
        : E extends "object"
          ? Readonly<Record<string, unknown>>
          : E extends { readonly [FIELD]: true; readonly type: infer T; readonly values?: readonly (infer V)[] }
            ? T extends "string" | "keyword"
              ? [V] extends [never]
                ? string
                : V | (string & {})
              : ValueOf<T, D>
            : E extends readonly [infer Inner]
              ? readonly ValueOf<Inner, D>[]
              : RecordOfDepth<E, [...D, 0]>;

type RecordOfDepth<S, D extends 0[]> = { readonly [K in keyof S]?: ValueOf<S[K], D> };

/** A record of a spec's shape: each field optional, with the type its entry says (`"integer"` a number, …). */
export type RecordOf<S> = RecordOfDepth<S, []>;
