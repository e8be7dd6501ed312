/**
 * secuq for Monaco (`secuq/monaco`): tokens, completions, markers and quick fixes from `highlight`, `complete` and
 * `validate`. It takes the `monaco` namespace you loaded (ESM or AMD) and imports nothing of Monaco's at run time;
 * `monaco-editor` is an optional peer dependency, for its types.
 *
 * @packageDocumentation
 */
import type * as Monaco from "monaco-editor";
import type { Completion, CompletionKind } from "./complete.js";
import { completionsAt, diagnosticsOf, HIGHLIGHT_STYLES, snippetText, type QueryEditorOptions } from "./editor.js";
import { highlight } from "./highlight.js";

export type { QueryEditorOptions } from "./editor.js";

/** The parts of the `monaco` namespace the adapter uses. */
export type MonacoApi = Pick<typeof Monaco, "languages" | "editor" | "MarkerSeverity" | "Range">;

/** The language id the adapter registers. */
export const QUERY_LANGUAGE_ID = "secuq";

/** Theme rules for the adapter's token scopes, to add to a theme with `monaco.editor.defineTheme`. */
export const QUERY_THEME_RULES: readonly Monaco.editor.ITokenThemeRule[] = Object.entries(HIGHLIGHT_STYLES).map(
  ([kind, { colour, bold, underline }]) => ({
    token: `${kind}.${QUERY_LANGUAGE_ID}`,
    foreground: colour,
    ...(bold && { fontStyle: "bold" }),
    ...(underline && { fontStyle: "underline" }),
  }),
);

// A line's state: queries have none to carry (a quote left open ends at the line's end, as it ends the query).
const LINE_STATE: Monaco.languages.IState = { clone: () => LINE_STATE, equals: () => true };

/**
 * A tokens provider: each line's pieces as `<kind>.secuq` scopes, the whitespace between them as `white`.
 *
 * @example
 * monaco.languages.setTokensProvider(QUERY_LANGUAGE_ID, queryTokensProvider())
 */
export function queryTokensProvider(): Monaco.languages.TokensProvider {
  return {
    getInitialState: () => LINE_STATE,
    tokenize(line) {
      const tokens: Monaco.languages.IToken[] = [];
      let end = 0;
      for (const { span, kind } of highlight(line)) {
        if (span.start > end) tokens.push({ startIndex: end, scopes: "white" });
        tokens.push({ startIndex: span.start, scopes: `${kind}.${QUERY_LANGUAGE_ID}` });
        end = span.end;
      }
      if (end < line.length) tokens.push({ startIndex: end, scopes: "white" });
      return { tokens, endState: LINE_STATE };
    },
  };
}

const rangeOf = (monaco: MonacoApi, model: Monaco.editor.ITextModel, start: number, end: number): Monaco.Range => {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
};

/** A snippet in Monaco's syntax: each placeholder becomes `${n:…}`, `$`, `}` and `\` escaped. */
const snippet = (completion: Completion): string =>
  snippetText(
    completion,
    (text) => text.replace(/[$}\\]/g, "\\$&"),
    (text, index) => `\${${index + 1}:${text}}`,
  );

/**
 * A completion provider: what `complete` offers at the cursor, in secuq's order.
 *
 * @example
 * monaco.languages.registerCompletionItemProvider(QUERY_LANGUAGE_ID, queryCompletionProvider(monaco, { schema }))
 */
export function queryCompletionProvider(
  monaco: MonacoApi,
  options: QueryEditorOptions = {},
): Monaco.languages.CompletionItemProvider {
  const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;
  const kinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    field: CompletionItemKind.Field,
    value: CompletionItemKind.EnumMember,
    operator: CompletionItemKind.Operator,
    keyword: CompletionItemKind.Keyword,
    snippet: CompletionItemKind.Snippet,
  };
  return {
    triggerCharacters: [":", " ", "(", "[", "."],
    provideCompletionItems(model, position) {
      const text = model.getValue();
      const completions = completionsAt(text, model.getOffsetAt(position), options);
      const width = String(completions.length).length;
      return {
        suggestions: completions.map((completion, rank) => ({
          label: completion.label,
          kind: kinds[completion.kind],
          insertText: completion.placeholders ? snippet(completion) : completion.text,
          ...(completion.placeholders && { insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet }),
          range: rangeOf(monaco, model, completion.span.start, completion.span.end),
          // Monaco sorts by sortText and filters by filterText: keep secuq's order and matches.
          sortText: String(rank).padStart(width, "0"),
          filterText: text.slice(completion.span.start, completion.span.end) || completion.label,
          ...(completion.detail !== undefined && { detail: completion.detail }),
        })),
      };
    },
  };
}

/** The model's diagnostics as markers, each with its code. */
export function queryMarkers(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  options: QueryEditorOptions = {},
): Monaco.editor.IMarkerData[] {
  return diagnosticsOf(model.getValue(), options).map((d) => {
    const range = rangeOf(monaco, model, d.span.start, d.span.end);
    return {
      severity: d.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      code: d.code,
      source: "secuq",
      startLineNumber: range.startLineNumber,
      startColumn: range.startColumn,
      endLineNumber: range.endLineNumber,
      endColumn: range.endColumn,
    };
  });
}

/** A code action provider: each diagnostic's fixes at the cursor as quick fixes (a safe fix is preferred). */
export function queryCodeActionProvider(
  monaco: MonacoApi,
  options: QueryEditorOptions = {},
): Monaco.languages.CodeActionProvider {
  return {
    provideCodeActions(model, range) {
      const at = { start: model.getOffsetAt(range.getStartPosition()), end: model.getOffsetAt(range.getEndPosition()) };
      const actions = diagnosticsOf(model.getValue(), options)
        .filter((d) => d.span.start <= at.end && at.start <= d.span.end)
        .flatMap((d) =>
          (d.fixes ?? []).map((fix): Monaco.languages.CodeAction => ({
            title: fix.title,
            kind: "quickfix",
            isPreferred: fix.safe,
            edit: {
              edits: fix.edits.map((edit) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: rangeOf(monaco, model, edit.span.start, edit.span.end), text: edit.text },
              })),
            },
          })),
        );
      return { actions, dispose: () => undefined };
    },
  };
}

/**
 * Registers the language (`secuq`) with its tokens, completions and quick fixes, and keeps the markers of every model
 * in that language current. Dispose the result to undo it all.
 *
 * @example
 * registerQueryLanguage(monaco, { schema: smartTransactionSchema });
 * monaco.editor.create(element, { value: "status:approved", language: QUERY_LANGUAGE_ID });
 */
export function registerQueryLanguage(monaco: MonacoApi, options: QueryEditorOptions = {}): Monaco.IDisposable {
  const { languages, editor } = monaco;
  if (!languages.getLanguages().some((language) => language.id === QUERY_LANGUAGE_ID))
    languages.register({ id: QUERY_LANGUAGE_ID });
  const disposables: Monaco.IDisposable[] = [
    languages.setTokensProvider(QUERY_LANGUAGE_ID, queryTokensProvider()),
    languages.registerCompletionItemProvider(QUERY_LANGUAGE_ID, queryCompletionProvider(monaco, options)),
    languages.registerCodeActionProvider(QUERY_LANGUAGE_ID, queryCodeActionProvider(monaco, options)),
  ];
  const watch = (model: Monaco.editor.ITextModel): void => {
    if (model.getLanguageId() !== QUERY_LANGUAGE_ID) return;
    const mark = (): void => {
      editor.setModelMarkers(model, QUERY_LANGUAGE_ID, queryMarkers(monaco, model, options));
    };
    mark();
    disposables.push(model.onDidChangeContent(mark));
  };
  editor.getModels().forEach(watch);
  disposables.push(editor.onDidCreateModel(watch));
  return {
    dispose: () => {
      disposables.splice(0).forEach((d) => {
        d.dispose();
      });
    },
  };
}
