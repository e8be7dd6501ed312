/**
 * secuq for CodeMirror 6 (`secuq/codemirror`): completions, live diagnostics with their fixes as actions, and
 * highlighting, from `complete`, `validate` and `highlight`. The `@codemirror/*` packages are optional peer
 * dependencies: only this entry needs them.
 *
 * @packageDocumentation
 */
import {
  autocompletion,
  snippetCompletion,
  type Completion as EditorCompletion,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import { linter, type Action, type Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { RangeSetBuilder, type EditorState, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Completion, CompletionKind } from "./complete.js";
import { completionsAt, diagnosticsOf, HIGHLIGHT_STYLES, snippetText, type QueryEditorOptions } from "./editor.js";
import { highlight } from "./highlight.js";

export type { QueryEditorOptions } from "./editor.js";

// CodeMirror's completion types, by what is inserted: they choose the icon.
const EDITOR_TYPES: Record<CompletionKind, string> = {
  field: "property",
  value: "enum",
  operator: "keyword",
  keyword: "keyword",
  snippet: "text",
};

/** A snippet in CodeMirror's template syntax: each placeholder becomes a `${…}` field, braces escaped. */
const template = (completion: Completion): string =>
  snippetText(
    completion,
    (text) => text.replace(/[{}$#\\]/g, "\\$&"),
    (text) => `\${${text}}`,
  );

function editorCompletion(completion: Completion, rank: number): EditorCompletion {
  const shown = {
    label: completion.label,
    type: EDITOR_TYPES[completion.kind],
    // secuq has ranked them already; CodeMirror sorts by boost first.
    boost: 99 - Math.min(rank, 198),
    ...(completion.detail !== undefined && { detail: completion.detail }),
  };
  if (completion.kind === "snippet" && completion.placeholders) return snippetCompletion(template(completion), shown);
  return { ...shown, apply: completion.text };
}

/**
 * A completion source: what `complete` offers at the cursor, replacing the word there.
 *
 * @example
 * autocompletion({ override: [queryCompletionSource({ schema: smartTransactionSchema })] })
 */
export function queryCompletionSource(
  options: QueryEditorOptions = {},
): (context: CompletionContext) => CompletionResult | null {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const completions = completionsAt(text, context.pos, options);
    const first = completions[0];
    // Nothing to offer, or only at an explicit request when nothing is typed yet.
    if (
      !first ||
      (first.span.start === first.span.end && !context.explicit && !/[\s:([]$/.test(text.slice(0, context.pos)))
    )
      return null;
    return {
      from: first.span.start,
      to: first.span.end,
      options: completions.filter((c) => c.span.start === first.span.start).map(editorCompletion),
      filter: false,
    };
  };
}

/** A diagnostic's fixes as actions that apply their edits. */
function actions(diagnostic: Diagnostic): Action[] {
  return (diagnostic.fixes ?? []).map((fix) => ({
    name: fix.title,
    apply(view: EditorView) {
      view.dispatch({
        changes: fix.edits.map((edit) => ({ from: edit.span.start, to: edit.span.end, insert: edit.text })),
      });
    },
  }));
}

/** The diagnostics of the editor's text, in CodeMirror's form, fixes as actions. */
export function queryDiagnostics(state: EditorState, options: QueryEditorOptions = {}): EditorDiagnostic[] {
  return diagnosticsOf(state.doc.toString(), options).map((d) => ({
    from: d.span.start,
    to: d.span.end,
    severity: d.severity,
    message: d.message,
    source: d.code,
    actions: actions(d),
  }));
}

/**
 * Marks the mistakes as the text changes, with each fix as an action.
 *
 * @example
 * queryLinter({ schema: smartTransactionSchema })
 */
export function queryLinter(options: QueryEditorOptions = {}): Extension {
  return linter((view) => queryDiagnostics(view.state, options), { delay: 150 });
}

const marks = new Map<string, Decoration>();
const markOf = (kind: string): Decoration => {
  let mark = marks.get(kind);
  if (!mark) marks.set(kind, (mark = Decoration.mark({ class: `cm-q-${kind}` })));
  return mark;
};

/** The highlighting of a text as decorations: one mark per piece, class `cm-q-<kind>`. */
export function queryDecorations(text: string): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { span, kind } of highlight(text)) builder.add(span.start, span.end, markOf(kind));
  return builder.finish();
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = queryDecorations(view.state.doc.toString());
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = queryDecorations(update.state.doc.toString());
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const colours = EditorView.baseTheme(
  Object.fromEntries(
    Object.entries(HIGHLIGHT_STYLES).map(([kind, { colour, bold, underline }]) => [
      `.cm-q-${kind}`,
      underline
        ? { textDecoration: `underline wavy #${colour}` }
        : { color: `#${colour}`, ...(bold && { fontWeight: "bold" }) },
    ]),
  ),
);

/**
 * Colours the text by `highlight`'s classes (`cm-q-field`, `cm-q-operator`, …), with a default theme.
 *
 * @example
 * new EditorView({ extensions: [queryHighlighting()] })
 */
export function queryHighlighting(): Extension {
  return [highlighter, colours];
}

/**
 * Everything at once: completions, live diagnostics with fixes, and highlighting.
 *
 * @example
 * new EditorView({ parent, extensions: [basicSetup, queryEditor({ schema: smartTransactionSchema })] })
 */
export function queryEditor(options: QueryEditorOptions = {}): Extension {
  return [autocompletion({ override: [queryCompletionSource(options)] }), queryLinter(options), queryHighlighting()];
}
