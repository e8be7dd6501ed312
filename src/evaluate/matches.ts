import type { Query } from "../ast/types.js";
import type { Reading } from "../syntax/parse.js";
import { parse } from "../syntax/parse.js";
import { compileQuery, type MatchOptions } from "./compile.js";

/** Options of the functions that also accept query text. */
export interface MatchTextOptions extends MatchOptions {
  /**
   * How query text is read (an AST is taken as it is). Default `server`: the query the server runs, so that a
   * record matches exactly when the server would return it, even where the text reads otherwise to a person
   * (`a:1 OR b:2 AND c:3` requires b and c). `usual` reads NOT > AND > OR, as `parse` does by default.
   */
  readonly reading?: Reading;
}

const toQuery = (query: Query | string, options: MatchTextOptions): Query =>
  typeof query === "string"
    ? parse(query, { reading: options.reading ?? "server", ...(options.schema && { schema: options.schema }) })
    : query;

/**
 * Compiles a query (text or AST) once into a predicate, for testing many records. Text that has an error throws
 * `QuerySyntaxError`. Text is read as the server runs it (see `MatchTextOptions.reading`). To evaluate ASTs in a
 * bundle without the parser, use `compileQuery`.
 *
 * @example
 * const isBig = compileMatcher("basket_info.sum:>=10000");
 * isBig({ basket_info: { sum: 12500 } }) // true
 */
export function compileMatcher(query: Query | string, options: MatchTextOptions = {}): (record: unknown) => boolean {
  return compileQuery(toQuery(query, options), options);
}

/**
 * Whether a record matches a query, the way the server would find it: a dotted path reaches into objects and into
 * every element of an array on the way; text and patterns ignore case unless told otherwise; ranges compare numbers
 * as numbers and ISO dates as instants.
 *
 * @example
 * const record = { status: "received", customer: { contact: { surname: "Meier" } } };
 * matches("status:received AND customer.contact.surname:mei*", record) // true
 */
export function matches(query: Query | string, record: unknown, options: MatchTextOptions = {}): boolean {
  return compileMatcher(query, options)(record);
}

/**
 * The records that match a query, in their order. The query is compiled once.
 *
 * @example
 * filter(transactions, "basket.products.item_type:coupon") // the transactions with a coupon in the basket
 */
export function filter<T>(records: Iterable<T>, query: Query | string, options: MatchTextOptions = {}): T[] {
  const test = compileMatcher(query, options);
  const found: T[] = [];
  for (const record of records) if (test(record)) found.push(record);
  return found;
}
