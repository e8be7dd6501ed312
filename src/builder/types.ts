import type { Query } from "../ast/types.js";
import type { FieldType } from "../schema/schema-types.js";

/** A value the builder takes: printed as the field's type expects (a `Date` as ISO 8601, a number in full). */
export type PlainValue = string | number | bigint | boolean | Date;

/** Options of `between`: both ends are included unless told otherwise. */
export interface BetweenOptions {
  readonly minInclusive?: boolean;
  readonly maxInclusive?: boolean;
}

/** A query under construction. Immutable: every method returns a new builder. */
export interface QueryBuilder {
  /** This query AND all the others. */
  and(...others: readonly (QueryBuilder | Query)[]): QueryBuilder;
  /** This query OR any of the others. */
  or(...others: readonly (QueryBuilder | Query)[]): QueryBuilder;
  /** NOT this query. */
  not(): QueryBuilder;
  /** The AST. */
  toQuery(): Query;
  /** The canonical query text, as `serialize` prints it. */
  toString(): string;
}

/** The value a field of type `T` (with known values `V`) takes in the typed builder. */
export type ValueOf<T extends FieldType, V extends string> = [T] extends ["integer" | "number"]
  ? number | bigint
  : [T] extends ["boolean"]
    ? boolean
    : [T] extends ["date"]
      ? Date | string
      : [T] extends ["string" | "keyword"]
        ? [V] extends [never]
          ? string
          : V | (string & {})
        : never;

/** The condition every field allows. */
export interface ExistsCondition {
  /** The field has a value (`_exists_:field`). */
  exists(): QueryBuilder;
}

/** The conditions of fields that hold values (all but objects). */
export interface EqualityConditions<Value> {
  /** The field has exactly this value. */
  is(value: Value): QueryBuilder;
  /** The field has one of these values (an OR of `is`). */
  oneOf(values: readonly Value[]): QueryBuilder;
}

/** The condition of text fields. */
export interface PatternCondition {
  /** The field matches a pattern: `*` any characters, `?` one character, every other character literal. */
  matches(pattern: string): QueryBuilder;
}

/** The conditions of ordered fields: numbers, dates, text. */
export interface OrderConditions<Value> {
  /** `min` ≤ value ≤ `max` (each end can be excluded). */
  between(min: Value, max: Value, options?: BetweenOptions): QueryBuilder;
  /** value ≥ `min`. */
  atLeast(min: Value): QueryBuilder;
  /** value ≤ `max`. */
  atMost(max: Value): QueryBuilder;
  /** value > `min`. */
  greaterThan(min: Value): QueryBuilder;
  /** value < `max`. */
  lessThan(max: Value): QueryBuilder;
}

/** Every condition, for a field of no known type (the plain `q`). */
export interface AnyFieldBuilder
  extends ExistsCondition, EqualityConditions<PlainValue>, PatternCondition, OrderConditions<PlainValue> {}

/**
 * The conditions a field of type `T` allows: every field can be tested for a value; objects allow nothing else;
 * patterns only on text; ranges only on ordered types.
 */
export type FieldBuilder<T extends FieldType, V extends string = never> = ExistsCondition &
  ([T] extends ["object"] ? unknown : EqualityConditions<ValueOf<T, V>>) &
  ([T] extends ["string" | "keyword"] ? PatternCondition : unknown) &
  ([T] extends ["boolean" | "object"] ? unknown : OrderConditions<ValueOf<T, V>>);

/** Combining queries, shared by `q` and schema builders. */
export interface Combinators {
  /** All of the queries: `q.and(a, b, c)`. One query is itself; none is an error. */
  and(...queries: readonly (QueryBuilder | Query)[]): QueryBuilder;
  /** Any of the queries. One query is itself; none is an error. */
  or(...queries: readonly (QueryBuilder | Query)[]): QueryBuilder;
  /** NOT the query. */
  not(query: QueryBuilder | Query): QueryBuilder;
  /** A builder around an existing AST, to extend it. */
  from(query: Query): QueryBuilder;
}

/** The plain builder: any field path, any value. */
export interface PlainQueryFactory extends Combinators {
  /** A field by its dotted path, with every condition. */
  field(path: string): AnyFieldBuilder;
}

/** The paths of a schema's fields that a query can search. */
export type SearchablePath<F> = {
  [P in keyof F & string]: F[P] extends { searchable: false } ? never : P;
}[keyof F & string];

/** A builder typed by a schema: only its field paths, only values of each field's type. */
export interface SchemaQueryFactory<F> extends Combinators {
  /** A field the schema can search: not one that only answers carry (`searchable: false`, such as aggregations). */
  field<P extends SearchablePath<F>>(
    path: P,
  ): F[P] extends { type: infer T extends FieldType; values: infer V extends string } ? FieldBuilder<T, V> : never;
}
