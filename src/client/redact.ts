import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FieldSchema } from "../schema/schema.js";
import { tokenize } from "../syntax/lexer.js";

/** Takes every secret and query value out of a text that may reach an error or a log. */
export type Redact = (text: string | undefined) => string | undefined;

// Values shorter than this are common words ("ok", "de"): taking them out would garble the message for nothing.
const SHORTEST_SECRET = 3;
const REDACTED = "[redacted]";

/**
 * A text in each form it travels in: as written, in a URL's path or query (`%40`, `+` for a space), and inside a
 * JSON string. A server that echoes the request echoes one of these.
 */
function encodings(secret: string): string[] {
  const form = new URLSearchParams([["", secret]]).toString().slice(1);
  return [secret, encodeURIComponent(secret), encodeURI(secret), form, JSON.stringify(secret).slice(1, -1)];
}

/** A redactor for the given secrets (tokens, client secrets, the query text and each value in it), in every encoding. */
export function redactor(secrets: Iterable<string>): Redact {
  const all = new Set<string>();
  for (const secret of secrets) for (const form of encodings(secret)) if (form.length >= SHORTEST_SECRET) all.add(form);
  // The longest first, so that a value inside a longer secret does not leave the rest of it behind.
  const list = [...all].sort((a, b) => b.length - a.length);
  return (text) => {
    if (text === undefined || list.length === 0) return text;
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}

const KEYWORD = /^(AND|OR|NOT|TO|&&|\|\|)$/;

/**
 * The values written in a query's text, for redaction even where the text does not parse: every word, quoted text
 * and bound, as written and unescaped, but for field names (a word before a colon) and the schema's public vocabulary
 * (its field names and known values), which say nothing about a customer.
 */
export function writtenValues(source: string, schema: FieldSchema<unknown>): string[] {
  const { tokens } = tokenize(source);
  const values = [source];
  for (let i = 0; i < tokens.length; i++) {
    const image = tokens[i]!.image;
    if (KEYWORD.test(image) || tokens[i + 1]?.image === ":") continue;
    const unquoted = image.startsWith('"') ? image.slice(1, image.endsWith('"') ? -1 : undefined) : image;
    const text = unquoted.replace(/\\(.)/gsu, "$1");
    for (const value of [image, unquoted, text]) {
      if (schema.lookup(value) === undefined && !isKnownValue(schema, value)) values.push(value);
    }
  }
  return values;
}

const vocabularies = new WeakMap<FieldSchema<unknown>, ReadonlySet<string>>();

function isKnownValue(schema: FieldSchema<unknown>, value: string): boolean {
  let known = vocabularies.get(schema);
  if (!known) {
    const values = new Set<string>();
    for (const info of schema.fields.values()) for (const v of info.values ?? []) values.add(v);
    vocabularies.set(schema, (known = values));
  }
  return known.has(value);
}

/** Diagnostics with every text that may quote the query (messages, fix titles and edits) redacted. */
export function redactDiagnostics(diagnostics: readonly Diagnostic[], redact: Redact): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const { fixes, related, ...rest } = diagnostic;
    const redacted: Diagnostic = { ...rest, message: redact(diagnostic.message)! };
    return Object.freeze({
      ...redacted,
      ...(fixes && {
        fixes: fixes.map((fix) => ({
          ...fix,
          title: redact(fix.title)!,
          edits: fix.edits.map((edit) => ({ ...edit, text: redact(edit.text)! })),
        })),
      }),
      ...(related && { related: related.map((place) => ({ ...place, message: redact(place.message)! })) }),
    });
  });
}
