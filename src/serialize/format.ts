import { parse, type ParseOptions } from "../syntax/parse.js";
import { serialize } from "./serialize.js";

/**
 * Rewrites query text in canonical form: the same query, printed so that the server reads it as written.
 * Throws `QuerySyntaxError` when the text has an error.
 *
 * @example
 * format("a:1 OR b:2 && !c:3") // "a:1 OR (b:2 AND NOT c:3)"
 */
export function format(source: string, options?: ParseOptions): string {
  return serialize(parse(source, options));
}
