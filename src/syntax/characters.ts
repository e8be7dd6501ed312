/**
 * The character rules of the `q` language, one source of truth for the lexer (what a bare word may hold) and the
 * serializer (what it must quote or escape). They follow the server's parser, Lucene's classic query parser.
 */

/** The only characters the server's lexer treats as whitespace between tokens. */
export const SEPARATOR_CHARS = " \t\n\r\u3000";

/** Words that are operators when written in upper case. */
export const KEYWORDS: ReadonlySet<string> = new Set(["AND", "OR", "NOT"]);

/** The word that separates range bounds. */
export const RANGE_KEYWORD = "TO";

/**
 * Characters that must be quoted or escaped in a canonical value: any whitespace and
 * `+ - = & | > < ! ( ) { } [ ] ^ " ~ * ? : \ /`.
 */
export const RESERVED = /[\s+\-=&|><!(){}[\]^"~*?:\\/]/u;

const QUOTED_ESCAPES = /["\\]/g;

/** Text in double quotes; only `"` and `\` are escaped. */
export function quote(value: string): string {
  return `"${value.replace(QUOTED_ESCAPES, "\\$&")}"`;
}
