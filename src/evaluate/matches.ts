import type { Query } from "../ast/types.js";
import { parse } from "../syntax/parse.js";
import { compileQuery, type MatchOptions } from "./compile.js";

const toQuery = (query: Query | string): Query => (typeof query === "string" ? parse(query) : query);

/**
 * Compiles a query (text or AST) once into a predicate, for testing many records. Text that has an error throws
 * `QuerySyntaxError`.
 *
 * @example
 * const isBig = compileMatcher("basket_info.sum:>=10000");
 * isBig({ basket_info: { sum: 12500 } }) // true
 */
export function compileMatcher(query: Query | string, options: MatchOptions = {}): (record: unknown) => boolean {
  return compileQuery(toQuery(query), options);
}

/**
 * Whether a record matches a query, read the way the server reads it: a dotted path reaches into objects and into
 * every element of an array on the way; text and patterns ignore case unless told otherwise; ranges compare numbers
 * as numbers and ISO dates as instants.
 *
 * @example
 * matches("status:received AND customer.contact.surname:mei*", { status: "received", customer: { contact: { surname: "Meier" } } }) // true
 */
export function matches(query: Query | string, record: unknown, options: MatchOptions = {}): boolean {
  return compileMatcher(query, options)(record);
}

/**
 * The records that match a query, in their order. The query is compiled once.
 *
 * @example
 * filter(transactions, "basket.products.item_type:coupon") // the transactions with a coupon in the basket
 */
export function filter<T>(records: Iterable<T>, query: Query | string, options: MatchOptions = {}): T[] {
  const test = compileMatcher(query, options);
  const found: T[] = [];
  for (const record of records) if (test(record)) found.push(record);
  return found;
}
