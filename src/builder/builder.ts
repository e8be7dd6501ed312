import * as ast from "../ast/factories.js";
import type { Bound, Query } from "../ast/types.js";
import { InvalidQueryError } from "../ast/errors.js";
import { serialize } from "../serialize/serialize.js";
import type { FieldSchema } from "../schema/schema.js";
import type { FieldInfo } from "../schema/schema-types.js";
import { checkValue, emptyRange, isOrdered, isText, typeDescription } from "../schema/values.js";
import type {
  AnyFieldBuilder,
  BetweenOptions,
  PlainQueryFactory,
  PlainValue,
  QueryBuilder,
  SchemaQueryFactory,
} from "./types.js";

const BUILDER = Symbol("secuq.builder");

/**
 * Operands joined to a builder's query by one operator, not yet flattened into one node. A loop of
 * `b = b.and(x)` adds a link each time and flattens once, when the query is needed: linear, where building each
 * step's node would copy every operand so far.
 */
interface Join {
  readonly kind: "and" | "or";
  readonly base: Builder;
  readonly operands: readonly Query[];
}

// The query a joined builder stands for, made once on first use (builders are frozen).
const joinedQueries = new WeakMap<Builder, Query>();

class Builder implements QueryBuilder {
  readonly [BUILDER] = true;

  constructor(private readonly node: Query | Join) {
    Object.freeze(this);
  }

  and(...others: readonly (QueryBuilder | Query)[]): QueryBuilder {
    return this.join("and", others);
  }

  or(...others: readonly (QueryBuilder | Query)[]): QueryBuilder {
    return this.join("or", others);
  }

  not(): QueryBuilder {
    return new Builder(ast.not(this.toQuery()));
  }

  toQuery(): Query {
    const node = this.node;
    if (!("base" in node)) return node;
    const made = joinedQueries.get(this);
    if (made) return made;
    // Walk back along the links of this operator; the first builder of another kind is made already (see join).
    const links: (readonly Query[])[] = [node.operands];
    let base = node.base;
    for (let link = base.node; "base" in link && link.kind === node.kind; link = base.node) {
      links.push(link.operands);
      base = link.base;
    }
    const operands: Query[] = [base.toQuery()];
    for (let i = links.length - 1; i >= 0; i--) for (const operand of links[i]!) operands.push(operand);
    const query = node.kind === "and" ? ast.and(operands) : ast.or(operands);
    joinedQueries.set(this, query);
    return query;
  }

  toString(): string {
    return serialize(this.toQuery());
  }

  private join(kind: Join["kind"], others: readonly (QueryBuilder | Query)[]): QueryBuilder {
    if (others.length === 0) return this;
    const operands = others.map(toQuery);
    // Under another operator, this builder's own query is made now, so that making a query never recurses deeply.
    if ("base" in this.node && this.node.kind !== kind) this.toQuery();
    return new Builder({ kind, base: this, operands });
  }
}

function toQuery(item: QueryBuilder | Query): Query {
  if (item instanceof Builder) return item.toQuery();
  if (item !== null && typeof item === "object" && "type" in item) return item;
  throw new InvalidQueryError("Expected a query or a builder");
}

/** Prints a value for a field: `Date` as ISO 8601, numbers in full, and checks it against the field's type. */
function printValue(value: PlainValue, info: FieldInfo | undefined, path: string): string {
  if (info?.type === "object")
    throw new InvalidQueryError(`${path} is an object, not a value: search one of its fields`);
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidQueryError(`${path}: the Date is invalid`);
    text = value.toISOString();
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new InvalidQueryError(`${path}: ${value} is not a finite number`);
    if (info?.type === "integer" && !Number.isSafeInteger(value)) {
      throw new InvalidQueryError(
        `${path} holds ${typeDescription(info)}; ${value} is not a whole number (or too large: pass a bigint)`,
      );
    }
    text = Object.is(value, -0) ? "0" : String(value);
  } else if (typeof value === "bigint" || typeof value === "boolean") {
    text = String(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    throw new InvalidQueryError(`${path}: cannot search for a value of type ${typeof value}`);
  }
  const problem = info && checkValue(info, text);
  if (problem) throw new InvalidQueryError(problem.message);
  return text;
}

/** A pattern in which only `*` and `?` are wildcards; without one it is plain text, and `*` alone is "has a value". */
function patternQuery(field: string, pattern: string): Query {
  if (typeof pattern !== "string") throw new InvalidQueryError(`${field}: a pattern must be a string`);
  const parts = ast.wildcardParts(pattern);
  if (!parts.some((part) => part.kind !== "literal")) return ast.term(field, ast.text(pattern));
  if (parts.every((part) => part.kind === "anyChars")) return ast.exists(field);
  return ast.term(field, ast.pattern(parts));
}

function fieldBuilder(path: string, info: FieldInfo | undefined): AnyFieldBuilder {
  ast.checkField(path);
  const print = (value: PlainValue): string => printValue(value, info, path);
  // The rules the types state, checked when the program runs too (plain JavaScript, or a cast): the same as validate's.
  const bound = (value: PlainValue, inclusive: boolean): Bound => {
    if (info && !isOrdered(info.type)) {
      throw new InvalidQueryError(
        `${path} holds ${typeDescription(info)}, which has no order: compare it with is() instead of a range`,
      );
    }
    return ast.bound(print(value), inclusive);
  };
  const is = (value: PlainValue): QueryBuilder => new Builder(ast.term(path, ast.text(print(value))));
  return Object.freeze({
    is,
    oneOf(values: readonly PlainValue[]): QueryBuilder {
      if (!Array.isArray(values) || values.length === 0)
        throw new InvalidQueryError(`${path}: oneOf needs at least one value`);
      const terms = (values as readonly PlainValue[]).map((value) => ast.term(path, ast.text(print(value))));
      return new Builder(terms.length === 1 ? terms[0]! : ast.or(terms));
    },
    matches(pattern: string): QueryBuilder {
      const query = patternQuery(path, pattern);
      // Without a wildcard the pattern is a value, checked as is() checks one.
      if (query.type === "term" && query.value.kind === "text") print(pattern);
      if (info && query.type === "term" && query.value.kind === "pattern" && !isText(info.type)) {
        throw new InvalidQueryError(
          `${path} holds ${typeDescription(info)}: the server matches wildcard patterns only on text fields`,
        );
      }
      return new Builder(query);
    },
    between(min: PlainValue, max: PlainValue, options: BetweenOptions = {}): QueryBuilder {
      const lower = bound(min, options.minInclusive ?? true);
      const upper = bound(max, options.maxInclusive ?? true);
      const empty = info && emptyRange(info.type, lower, upper);
      if (empty) {
        throw new InvalidQueryError(
          empty === "reversed"
            ? `${path}: the lower bound ${lower.value} is above the upper bound ${upper.value}, so nothing can match`
            : `${path}: the range holds only ${lower.value}, and excludes it, so nothing can match`,
        );
      }
      return new Builder(ast.range(path, lower, upper));
    },
    atLeast: (min: PlainValue) => new Builder(ast.range(path, bound(min, true), null)),
    greaterThan: (min: PlainValue) => new Builder(ast.range(path, bound(min, false), null)),
    atMost: (max: PlainValue) => new Builder(ast.range(path, null, bound(max, true))),
    lessThan: (max: PlainValue) => new Builder(ast.range(path, null, bound(max, false))),
    exists: () => new Builder(ast.exists(path)),
  });
}

function combinators(): Omit<PlainQueryFactory, "field"> {
  const combine = (kind: "and" | "or", queries: readonly (QueryBuilder | Query)[]): QueryBuilder => {
    if (queries.length === 0) throw new InvalidQueryError(`q.${kind}() needs at least one query`);
    const operands = queries.map(toQuery);
    return new Builder(operands.length === 1 ? operands[0]! : kind === "and" ? ast.and(operands) : ast.or(operands));
  };
  return {
    and: (...queries) => combine("and", queries),
    or: (...queries) => combine("or", queries),
    not: (query) => new Builder(ast.not(toQuery(query))),
    from: (query) => new Builder(toQuery(query)),
  };
}

/**
 * The query builder for any field. Values are put into the AST as they are, so no value can change the query's
 * structure: `q.field("note").is("x OR y:z")` searches for that text.
 *
 * @example
 * const base = q.field("status").is("received");
 * const big = base.and(q.field("basket_info.sum").atLeast(10_000));
 * String(big) // "status:received AND basket_info.sum:[10000 TO *]"
 * String(q.or(q.field("customer.contact.surname").matches("Mei*"), q.field("transactionRef").exists()))
 * // "customer.contact.surname:Mei* OR _exists_:transactionRef"
 */
export const q: PlainQueryFactory = Object.freeze({
  ...combinators(),
  field: (path: string) => fieldBuilder(path, undefined),
});

/**
 * A query builder typed by a schema: the editor offers the schema's field paths, and values of the wrong type do
 * not compile. Paths and values are checked when the program runs too, with `InvalidQueryError`.
 *
 * @example
 * const st = queryBuilder(smartTransactionSchema);
 * st.field("basket_info.sum").atLeast(1000);       // ok
 * st.field("created").between(new Date("2024-01-01"), new Date("2024-02-01"));
 * // st.field("basket_info.summ")                   // compile error: no such field
 * // st.field("basket_info.sum").is("ten")          // compile error: a number is expected
 * // st.field("s")                                  // compile error: an aggregation result, not searchable
 */
export function queryBuilder<F>(schema: FieldSchema<F>): SchemaQueryFactory<F> {
  const field = (path: string): AnyFieldBuilder => {
    const info = (schema as FieldSchema).lookup(path);
    if (!info) throw new InvalidQueryError(`There is no field ${path} in the schema`);
    if (!info.searchable) {
      throw new InvalidQueryError(`${path} is an ${info.description ?? "answer-only field"}: a query cannot search it`);
    }
    return fieldBuilder(path, info.open ? undefined : info);
  };
  return Object.freeze({ ...combinators(), field }) as unknown as SchemaQueryFactory<F>;
}
