import type { Span } from "../ast/types.js";
import type { FieldSchema } from "../schema/schema.js";
import type { FieldInfo } from "../schema/schema-types.js";
import { printText } from "../serialize/escaping.js";
import { tokenMatcher } from "../syntax/chevrotain.js";
import { tokenize, type Token } from "../syntax/lexer.js";
import {
  And,
  Bound,
  Colon,
  LParen,
  Or,
  Prefix,
  Quoted,
  RangeClose,
  RangeOpen,
  RangeTo,
  RParen,
  UnterminatedQuoted,
  Word,
  endOf,
} from "../syntax/tokens.js";
import { EXISTS_FIELD } from "../ast/check.js";
import { distanceWithin } from "../validate/suggest.js";

/** What a completion inserts. */
export type CompletionKind = "field" | "value" | "operator" | "keyword" | "snippet";

/** One thing that may come at the cursor. */
export interface Completion {
  readonly kind: CompletionKind;
  /** What a list shows. */
  readonly label: string;
  /** What replaces `span`. */
  readonly text: string;
  /** The text it replaces: the word at the cursor, or the cursor alone (UTF-16 offsets). */
  readonly span: Span;
  /** The field's type, or what a value or an operator means. */
  readonly detail?: string;
  /** For snippets: the parts of `text` to fill in, in order (offsets into `text`). */
  readonly placeholders?: readonly Span[];
}

/** Options of `complete`. */
export interface CompleteOptions {
  /** The fields and their known values; without one, only operators and keywords are offered. */
  readonly schema?: FieldSchema<unknown>;
  /** At most this many completions, best first. Default 100. */
  readonly limit?: number;
}

const LOWERCASE_OPERATORS: ReadonlySet<string> = new Set(["and", "or", "not"]);

/** Where the cursor is in the query's structure, from the tokens before it. */
type Place =
  | { readonly type: "clause"; readonly group?: string; readonly negated: boolean }
  | { readonly type: "value"; readonly field: string }
  | { readonly type: "exists" }
  | { readonly type: "after-clause" }
  | { readonly type: "range"; readonly expects: "bound" | "to" | "close" };

/** What the tokens before the cursor leave open: the field groups, and the range being written. */
interface Open {
  readonly groups: (string | undefined)[];
  range?: { bounds: number; to: boolean } | undefined;
}

const isWordLike = (token: Token): boolean =>
  tokenMatcher(token, Word) || tokenMatcher(token, Bound) || tokenMatcher(token, And) || tokenMatcher(token, Or);

const isQuote = (token: Token): boolean => tokenMatcher(token, Quoted) || tokenMatcher(token, UnterminatedQuoted);

/** The field a `:` belongs to: the word just before it. */
const fieldBefore = (tokens: readonly Token[], colon: number): string | undefined => {
  const word = tokens[colon - 1];
  return word && tokenMatcher(word, Word) ? word.image.replace(/\\(.)/gsu, "$1") : undefined;
};

/** Follows the groups and ranges the tokens open and close, up to (not including) token `until`. */
function openBefore(tokens: readonly Token[], until: number): Open {
  const open: Open = { groups: [] };
  for (let i = 0; i < until; i++) {
    const token = tokens[i]!;
    if (tokenMatcher(token, LParen)) {
      const previous = tokens[i - 1];
      const own = previous && tokenMatcher(previous, Colon) ? fieldBefore(tokens, i - 1) : undefined;
      open.groups.push(own ?? open.groups.at(-1));
    } else if (tokenMatcher(token, RParen)) open.groups.pop();
    else if (tokenMatcher(token, RangeOpen)) open.range = { bounds: 0, to: false };
    else if (tokenMatcher(token, RangeClose)) open.range = undefined;
    else if (open.range && tokenMatcher(token, RangeTo) && open.range.bounds === 1) open.range.to = true;
    else if (open.range && tokenMatcher(token, Bound)) open.range.bounds++;
  }
  return open;
}

/** What may come after the tokens before `index`. */
function placeAt(tokens: readonly Token[], index: number, source: string, start: number): Place {
  const open = openBefore(tokens, index);
  if (open.range) {
    const { bounds, to } = open.range;
    return { type: "range", expects: bounds === 0 || (to && bounds === 1) ? "bound" : to ? "close" : "to" };
  }
  const previous = tokens[index - 1];
  const group = open.groups.at(-1);
  if (!previous) return { type: "clause", negated: false };
  if (tokenMatcher(previous, Colon)) {
    const field = fieldBefore(tokens, index - 1);
    if (field === EXISTS_FIELD) return { type: "exists" };
    return field === undefined ? { type: "clause", negated: false } : { type: "value", field };
  }
  const clauseStart = (negated: boolean): Place =>
    group === undefined ? { type: "clause", negated } : { type: "clause", group, negated };
  if (tokenMatcher(previous, Prefix)) return clauseStart(true);
  if (tokenMatcher(previous, And) || tokenMatcher(previous, Or) || tokenMatcher(previous, LParen))
    return clauseStart(false);
  // A lowercase operator is a mistake (validate says so), but it is what the author meant: a clause follows it.
  if (tokenMatcher(previous, Word) && LOWERCASE_OPERATORS.has(previous.image))
    return clauseStart(previous.image === "not");
  // After a value, a quote, a range or a group: an operator, once a space has ended the clause.
  return endOf(previous) < start && /\s/u.test(source.slice(endOf(previous), start))
    ? { type: "after-clause" }
    : clauseStart(false);
}

/** A candidate in lower case, split at its last dot, made once. */
interface Candidate {
  readonly lower: string;
  readonly parent: string;
  readonly last: string;
}

const candidate = (text: string): Candidate => {
  const lower = text.toLowerCase();
  const dot = lower.lastIndexOf(".");
  return { lower, parent: lower.slice(0, dot + 1), last: lower.slice(dot + 1) };
};

/**
 * How well a candidate fits what was typed: 0 by prefix, 1 by a segment's prefix, 2 a close spelling of the last
 * segment under the same parent (`customer.contact.surnmae`), else -1.
 */
function fit({ lower, parent, last }: Candidate, typed: Candidate): number {
  if (typed.lower === "" || lower.startsWith(typed.lower)) return 0;
  if (lower.includes(`.${typed.lower}`)) return 1;
  const allowed = Math.min(2, Math.floor(typed.last.length / 3));
  if (allowed === 0 || parent !== typed.parent || last.length + allowed < typed.last.length) return -1;
  return distanceWithin(typed.last, last.slice(0, typed.last.length), allowed) <= allowed ? 2 : -1;
}

interface SchemaField {
  readonly info: FieldInfo;
  readonly candidate: Candidate;
  readonly depth: number;
}

// Each schema's searchable fields, prepared once: a search box completes on every key.
const prepared = new WeakMap<object, readonly SchemaField[]>();

function schemaFields(schema: FieldSchema<unknown>): readonly SchemaField[] {
  let found = prepared.get(schema);
  if (!found) {
    found = [...(schema as FieldSchema).fields.values()]
      .filter((info) => info.searchable)
      .map((info) => ({ info, candidate: candidate(info.path), depth: info.path.split(".").length }));
    prepared.set(schema, found);
  }
  return found;
}

const typeDetail = (info: FieldInfo): string =>
  info.type === "object"
    ? "object"
    : `${info.type}${info.unit === "cent" ? " (cents)" : ""}${info.repeated ? ", in a list" : ""}`;

interface Ranked {
  readonly completion: Completion;
  readonly rank: number;
  readonly order: number;
}

/** Fields fitting what was typed; with `exists`, bare paths for `_exists_:`, else leaves followed by `:`. */
function fields(
  schema: FieldSchema<unknown>,
  typed: string,
  span: Span,
  options: { exists: boolean; colonFollows: boolean },
): Ranked[] {
  const found: Ranked[] = [];
  const depthWanted = typed === "" ? 1 : Infinity;
  const wanted = candidate(typed);
  for (const { info, candidate: fitted, depth } of schemaFields(schema)) {
    if (depth > depthWanted) continue;
    const rank = fit(fitted, wanted);
    if (rank < 0) continue;
    const object = info.type === "object";
    const suffix = options.exists || options.colonFollows ? "" : object ? "." : ":";
    found.push({
      completion: { kind: "field", label: info.path, text: info.path + suffix, span, detail: typeDetail(info) },
      rank,
      order: depth * 1000 + (object ? 0 : 1),
    });
  }
  return found;
}

/** The known values of a field, and the snippets its type allows. */
function values(schema: FieldSchema<unknown> | undefined, field: string, typed: string, span: Span): Ranked[] {
  const info = schema?.lookup(field);
  if (!info) return [];
  const found: Ranked[] = [];
  const wanted = candidate(typed);
  const known = info.type === "boolean" ? ["true", "false"] : (info.values ?? []);
  known.forEach((value, order) => {
    const rank = fit(candidate(value), wanted);
    if (rank >= 0)
      found.push({
        completion: { kind: "value", label: value, text: printText(value), span, detail: field },
        rank,
        order,
      });
  });
  if (info.type === "integer" || info.type === "number" || info.type === "date") {
    const [low, high] = info.type === "date" ? ["2026-01-01", "2026-12-31"] : ["min", "max"];
    const snippets: [string, string, Span[]][] = [
      [
        `[${low} TO ${high}]`,
        "from … to …, both included",
        [
          { start: 1, end: 1 + low.length },
          { start: 5 + low.length, end: 5 + low.length + high.length },
        ],
      ],
      [`>=${low}`, "at least …", [{ start: 2, end: 2 + low.length }]],
      [`<=${high}`, "at most …", [{ start: 2, end: 2 + high.length }]],
      [`>${low}`, "more than …", [{ start: 1, end: 1 + low.length }]],
      [`<${high}`, "less than …", [{ start: 1, end: 1 + high.length }]],
    ];
    snippets.forEach(([text, detail, placeholders], order) => {
      if (typed === "" || text.startsWith(typed))
        found.push({ completion: { kind: "snippet", label: text, text, span, detail, placeholders }, rank: 3, order });
    });
  }
  return found;
}

const keyword = (label: string, detail: string, span: Span, kind: CompletionKind = "keyword"): Completion => ({
  kind,
  label,
  text: label,
  span,
  detail,
});

/** Keywords and operators whose text begins with what was typed (case ignored: `an` offers `AND`). */
function words(candidates: readonly Completion[], typed: string): Ranked[] {
  return candidates
    .filter((candidate) => candidate.label.toLowerCase().startsWith(typed))
    .map((completion, order) => ({ completion, rank: 0, order }));
}

/** The word or quote the cursor is in or just after, if any: what completions replace. */
function wordAt(tokens: readonly Token[], cursor: number): number {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startOffset >= cursor) return -1;
    if (endOf(token) >= cursor && (isWordLike(token) || isQuote(token))) return i;
  }
  return -1;
}

/**
 * What may come at the cursor, best first: fields (by prefix, by a segment's prefix, or by a close spelling), the
 * known values of the field at hand, `AND`, `OR` and `NOT` where an operator may come, `TO` and the closing bracket
 * inside a range, and range and comparison snippets for numbers and dates. It reads the tokens before the cursor
 * only, so a mistake earlier in the query does not stop it.
 *
 * @example
 * complete("status:re", 9, { schema: smartTransactionSchema })[0] // { kind: "value", text: "received", … }
 */
export function complete(source: string, cursor: number, options: CompleteOptions = {}): Completion[] {
  const at = Math.max(0, Math.min(source.length, Math.trunc(cursor) || 0));
  const { tokens } = tokenize(source);
  const index = wordAt(tokens, at);
  const word = index >= 0 ? tokens[index] : undefined;
  const span: Span = word ? { start: word.startOffset, end: endOf(word) } : { start: at, end: at };
  const quoted = word !== undefined && isQuote(word);
  const typed = (word ? source.slice(word.startOffset + (quoted ? 1 : 0), at) : "").toLowerCase();
  const before = index >= 0 ? index : tokens.findIndex((token) => token.startOffset >= at);
  const place = placeAt(tokens, before < 0 ? tokens.length : before, source, span.start);
  const next = tokens[before < 0 ? tokens.length : index >= 0 ? index + 1 : before];
  const colonFollows = next !== undefined && tokenMatcher(next, Colon) && next.startOffset === span.end;
  const { schema } = options;
  let ranked: Ranked[] = [];
  switch (place.type) {
    case "range":
      ranked =
        place.expects === "to"
          ? words([keyword("TO", "between the bounds", span)], typed)
          : place.expects === "close"
            ? words(
                [keyword("]", "the upper bound included", span), keyword("}", "the upper bound excluded", span)],
                "",
              )
            : words([keyword("*", "no bound", span)], typed);
      break;
    case "value":
      ranked = values(schema, place.field, typed, span);
      break;
    case "exists":
      ranked = schema ? fields(schema, typed, span, { exists: true, colonFollows }) : [];
      break;
    case "after-clause":
      ranked = words(
        [
          keyword("AND", "both must match", span, "operator"),
          keyword("OR", "either may match", span, "operator"),
          keyword("AND NOT", "the first, but not the next", span, "operator"),
        ],
        typed,
      );
      break;
    case "clause": {
      if (quoted) break;
      if (place.group !== undefined) ranked = values(schema, place.group, typed, span);
      else if (schema) ranked = fields(schema, typed, span, { exists: false, colonFollows });
      const extras = [
        ...(place.negated ? [] : [keyword("NOT", "the next must not match", span, "operator")]),
        ...(place.group === undefined && !colonFollows
          ? [keyword(`${EXISTS_FIELD}:`, "the field has a value", span)]
          : []),
      ];
      // Keywords come after the fields and values that fit by prefix, and last of all when nothing is typed yet.
      for (const r of words(extras, typed)) ranked.push({ ...r, rank: typed === "" ? 4 : 0.5 });
      break;
    }
  }
  if (quoted) {
    ranked = ranked
      .filter((r) => r.completion.kind === "value")
      .map((r) => ({ ...r, completion: { ...r.completion, text: JSON.stringify(r.completion.label) } }));
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.order - b.order || a.completion.label.localeCompare(b.completion.label))
    .slice(0, options.limit ?? 100)
    .map((r) => r.completion);
}
