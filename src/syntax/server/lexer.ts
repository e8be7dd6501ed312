/**
 * The server's tokens: the lexer of Lucene's classic query parser (QueryParser.jj, Lucene 8), which Elasticsearch's
 * `query_string` runs. It has three states: the default one, ranges (after `[` or `{`) and boosts (after `^`, where
 * only a number may follow, with no space). Among the tokens that can start at a place, the longest wins; of equally
 * long ones, the one Lucene declares first.
 */

/** The kinds of the server's tokens, named as Lucene names them. */
export type ServerTokenKind =
  | "AND"
  | "OR"
  | "NOT"
  | "PLUS"
  | "MINUS"
  | "BAREOPER"
  | "LPAREN"
  | "RPAREN"
  | "COLON"
  | "STAR"
  | "CARAT"
  | "QUOTED"
  | "TERM"
  | "FUZZY_SLOP"
  | "PREFIXTERM"
  | "WILDTERM"
  | "REGEXPTERM"
  | "RANGEIN_START"
  | "RANGEEX_START"
  | "NUMBER"
  | "RANGE_TO"
  | "RANGEIN_END"
  | "RANGEEX_END"
  | "RANGE_QUOTED"
  | "RANGE_GOOP"
  | "EOF";

/** One token: its kind, its text and where it stands (UTF-16 offsets, end exclusive). */
export interface ServerToken {
  readonly kind: ServerTokenKind;
  readonly image: string;
  readonly start: number;
  readonly end: number;
}

/** A character no token can start with, or a token left unfinished (`"abc`, `/abc`, a trailing `\`). */
export class LexicalError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

type State = "default" | "range" | "boost";

const WHITESPACE = " \t\n\r\u3000";
// Characters that cannot start a term (besides whitespace); `-` and `+` may follow its first character.
const NOT_TERM_START = WHITESPACE + '+-!():^[]"{}~*?\\/';
const QUOTED = /"(?:[^"\\]|\\[\s\S])*"/y;
// A backslash may escape the closing character; of the possible ends, the longest match is Lucene's.
const REGEXP = /\/(?:\\\/|[^/])*\//y;
const RANGE_QUOTED = /"(?:\\"|[^"])+"/y;
const NUMBER = /\d+(?:\.\d+)?/y;

const isWhitespace = (c: string | undefined): boolean => c !== undefined && WHITESPACE.includes(c);
const isTermStart = (c: string): boolean => !NOT_TERM_START.includes(c);

function sticky(pattern: RegExp, source: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(source) ? pattern.lastIndex - at : 0;
}

/** How many term characters (escapes included) follow `at`. */
function termCharsLength(source: string, at: number): number {
  let i = at;
  for (;;) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length) i += 2;
    else if (c !== undefined && c !== "\\" && (isTermStart(c) || c === "-" || c === "+")) i++;
    else return i - at;
  }
}

/** The lengths of the longest TERM, PREFIXTERM and WILDTERM that start at `at` (0 where none does). */
function wordLengths(source: string, at: number): { term: number; prefix: number; wild: number } {
  let i = at;
  let term = 0;
  let sawWildcard = false;
  for (;;) {
    const c = source[i];
    if (c === undefined) break;
    if (c === "\\") {
      if (i + 1 >= source.length) break;
      i += 2;
    } else if (c === "*" || c === "?") {
      if (!sawWildcard) term = i - at;
      sawWildcard = true;
      i++;
    } else if (isTermStart(c) || (i > at && (c === "-" || c === "+"))) {
      i++;
    } else break;
  }
  const wild = i - at;
  if (!sawWildcard) term = wild;
  // A prefix term is a term and one `*`; `*` alone is STAR, declared before it.
  const prefix = term > 0 && source[at + term] === "*" ? term + 1 : 0;
  return { term, prefix, wild };
}

/** Reads the server's tokens one at a time, as the parser asks for them. */
export class ServerLexer {
  private state: State = "default";
  private at = 0;

  constructor(private readonly source: string) {}

  next(): ServerToken {
    const source = this.source;
    if (this.state === "boost") {
      const length = sticky(NUMBER, source, this.at);
      if (length === 0) {
        if (this.at >= source.length) return this.token("EOF", this.at, this.at);
        throw this.lexicalError(this.at);
      }
      this.state = "default";
      return this.token("NUMBER", this.at, this.at + length);
    }
    if (this.state === "range") return this.rangeToken();
    while (isWhitespace(source[this.at])) this.at++;
    const at = this.at;
    const c = source[at];
    if (c === undefined) return this.token("EOF", at, at);
    switch (c) {
      case "(":
        return this.token("LPAREN", at, at + 1);
      case ")":
        return this.token("RPAREN", at, at + 1);
      case ":":
        return this.token("COLON", at, at + 1);
      case "^":
        this.state = "boost";
        return this.token("CARAT", at, at + 1);
      case "[":
      case "{":
        this.state = "range";
        return this.token(c === "[" ? "RANGEIN_START" : "RANGEEX_START", at, at + 1);
      case '"':
        return this.matched("QUOTED", QUOTED, at);
      case "/":
        return this.matched("REGEXPTERM", REGEXP, at);
      case "~":
        // `~`, then a number, then any term characters: Lucene's FUZZY_SLOP takes them all (`~2`, `~abc`).
        return this.token("FUZZY_SLOP", at, at + 1 + termCharsLength(source, at + 1));
      case "+":
      case "-":
      case "!":
        if (isWhitespace(source[at + 1])) return this.token("BAREOPER", at, at + 2);
        return this.token(c === "+" ? "PLUS" : c === "-" ? "MINUS" : "NOT", at, at + 1);
      default:
        return this.wordToken(at);
    }
  }

  private wordToken(at: number): ServerToken {
    const source = this.source;
    const { term, prefix, wild } = wordLengths(source, at);
    const keyword = /^(?:AND|&&)/.test(source.slice(at, at + 3))
      ? ["AND", source.startsWith("AND", at) ? 3 : 2]
      : /^(?:OR|\|\|)/.test(source.slice(at, at + 2))
        ? ["OR", 2]
        : source.startsWith("NOT", at)
          ? ["NOT", 3]
          : undefined;
    const star = source[at] === "*" ? 1 : 0;
    const longest = Math.max(term, prefix, wild, star, (keyword?.[1] as number | undefined) ?? 0);
    if (longest === 0) throw this.lexicalError(at);
    // Ties go to the token Lucene declares first: keywords, STAR, TERM, PREFIXTERM, WILDTERM.
    if (keyword?.[1] === longest) return this.token(keyword[0] as ServerTokenKind, at, at + longest);
    if (star === longest) return this.token("STAR", at, at + 1);
    if (term === longest) return this.token("TERM", at, at + longest);
    if (prefix === longest) return this.token("PREFIXTERM", at, at + longest);
    return this.token("WILDTERM", at, at + longest);
  }

  private rangeToken(): ServerToken {
    const source = this.source;
    for (;;) {
      const c = source[this.at];
      if (c === undefined) return this.token("EOF", this.at, this.at);
      // Only a space always separates: other whitespace starts a bound when more than itself would be one.
      if (c === " " || (isWhitespace(c) && this.goopLength(this.at) <= 1)) this.at++;
      else break;
    }
    const at = this.at;
    const c = source[at]!;
    if (c === "]" || c === "}") {
      this.state = "default";
      return this.token(c === "]" ? "RANGEIN_END" : "RANGEEX_END", at, at + 1);
    }
    const goop = this.goopLength(at);
    const quoted = c === '"' ? sticky(RANGE_QUOTED, source, at) : 0;
    const to = source.startsWith("TO", at) ? 2 : 0;
    const longest = Math.max(goop, quoted, to);
    if (to === longest) return this.token("RANGE_TO", at, at + 2);
    if (quoted === longest) return this.token("RANGE_QUOTED", at, at + quoted);
    return this.token("RANGE_GOOP", at, at + goop);
  }

  private goopLength(at: number): number {
    let i = at;
    while (i < this.source.length && !" ]}".includes(this.source[i]!)) i++;
    return i - at;
  }

  private matched(kind: ServerTokenKind, pattern: RegExp, at: number): ServerToken {
    const length = sticky(pattern, this.source, at);
    if (length === 0) throw this.lexicalError(at);
    return this.token(kind, at, at + length);
  }

  private token(kind: ServerTokenKind, start: number, end: number): ServerToken {
    this.at = end;
    return { kind, image: this.source.slice(start, end), start, end };
  }

  private lexicalError(at: number): LexicalError {
    const c = this.source[at];
    const what = c === undefined ? "<EOF>" : `"${c}" (${c.charCodeAt(0)})`;
    return new LexicalError(at, `Lexical error at line 1, column ${at + 1}. Encountered: ${what}`);
  }
}
