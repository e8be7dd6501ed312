/**
 * What the editor adapters (`codemirror.ts`, `monaco.ts`) share: their options, what they ask of `complete` and
 * `validate`, the colours of the highlight classes, and snippets written in an editor's placeholder syntax.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FieldSchema } from "../schema/schema.js";
import { validate } from "../validate/validate.js";
import { complete, type Completion } from "./complete.js";
import type { HighlightKind } from "./highlight.js";

/** What the editor knows of the queries typed in it. */
export interface QueryEditorOptions {
  /** The fields and values to offer and check against (the Smart Transaction schema, say). */
  readonly schema?: FieldSchema<unknown>;
  /** Whether warnings are shown too (default true). */
  readonly warnings?: boolean;
}

/** The completions at `cursor`, with the editor's schema. */
export const completionsAt = (text: string, cursor: number, options: QueryEditorOptions): Completion[] =>
  complete(text, cursor, options.schema ? { schema: options.schema } : {});

/**
 * The diagnostics the editor shows: errors, and warnings unless turned off. An empty box is where a person starts,
 * not a mistake: it shows none.
 */
export const diagnosticsOf = (text: string, options: QueryEditorOptions): Diagnostic[] =>
  text.trim() === ""
    ? []
    : validate(text, options.schema ? { schema: options.schema } : {}).diagnostics.filter(
        (d) => d.severity === "error" || options.warnings !== false,
      );

/** The default colour of each highlight class (hex), and whether it is bold or underlined. */
export const HIGHLIGHT_STYLES: Readonly<Record<HighlightKind, { colour: string; bold?: true; underline?: true }>> = {
  field: { colour: "0b5cad" },
  value: { colour: "1a7f37" },
  wildcard: { colour: "8250df" },
  quoted: { colour: "116329" },
  operator: { colour: "cf222e", bold: true },
  keyword: { colour: "953800", bold: true },
  range: { colour: "953800" },
  punctuation: { colour: "57606a" },
  error: { colour: "cf222e", underline: true },
};

/**
 * A snippet's text in an editor's template syntax: `escape` protects the literal parts, `field` writes the n-th
 * placeholder (from 0) around its default text.
 */
export function snippetText(
  completion: Completion,
  escape: (text: string) => string,
  field: (text: string, index: number) => string,
): string {
  let result = "";
  let at = 0;
  (completion.placeholders ?? []).forEach(({ start, end }, index) => {
    result += escape(completion.text.slice(at, start)) + field(escape(completion.text.slice(start, end)), index);
    at = end;
  });
  return result + escape(completion.text.slice(at));
}
