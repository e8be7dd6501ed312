import type * as Monaco from "monaco-editor";
import { describe, expect, it } from "vitest";
import {
  queryCodeActionProvider,
  queryCompletionProvider,
  queryMarkers,
  queryTokensProvider,
  type MonacoApi,
} from "../../src/complete/monaco.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";

// The few parts of Monaco the adapter touches, made here: the adapter takes the namespace it is given.
class Range {
  constructor(
    readonly startLineNumber: number,
    readonly startColumn: number,
    readonly endLineNumber: number,
    readonly endColumn: number,
  ) {}
  getStartPosition() {
    return { lineNumber: this.startLineNumber, column: this.startColumn };
  }
  getEndPosition() {
    return { lineNumber: this.endLineNumber, column: this.endColumn };
  }
}
const monaco = {
  Range,
  MarkerSeverity: { Error: 8, Warning: 4 },
  languages: {
    CompletionItemKind: { Field: 3, EnumMember: 16, Operator: 11, Keyword: 17, Snippet: 27 },
    CompletionItemInsertTextRule: { InsertAsSnippet: 4 },
  },
} as unknown as MonacoApi;

/** A one-line model. */
function model(text: string): Monaco.editor.ITextModel {
  return {
    uri: { path: "query" },
    getValue: () => text,
    getVersionId: () => 1,
    getOffsetAt: (position: Monaco.IPosition) => position.column - 1,
    getPositionAt: (offset: number) => ({ lineNumber: 1, column: offset + 1 }),
  } as unknown as Monaco.editor.ITextModel;
}
const none = {} as never;

describe("Monaco: tokens", () => {
  it("gives each piece its scope, and the whitespace between them", () => {
    const { tokens } = queryTokensProvider().tokenize("status:ok  AND x*", queryTokensProvider().getInitialState());
    expect(tokens.map((t) => `${t.startIndex}:${t.scopes}`)).toEqual([
      "0:field.secuq",
      "6:punctuation.secuq",
      "7:value.secuq",
      "9:white",
      "11:operator.secuq",
      "14:white",
      "15:wildcard.secuq",
    ]);
  });
});

describe("Monaco: completions", () => {
  it("keeps secuq's order and range, and writes snippets with tab stops", async () => {
    const provider = queryCompletionProvider(monaco, { schema });
    const field = await provider.provideCompletionItems(
      model("status:ok AND stat"),
      { lineNumber: 1, column: 19 } as never,
      none,
      none,
    );
    expect(field!.suggestions[0]).toMatchObject({
      label: "status",
      insertText: "status:",
      kind: 3,
      range: { startColumn: 15, endColumn: 19 },
      filterText: "stat",
    });
    const sorted = field!.suggestions.map((s) => s.sortText!);
    expect(sorted).toEqual([...sorted].sort());
    const range = await provider.provideCompletionItems(
      model("basket_info.sum:"),
      { lineNumber: 1, column: 17 } as never,
      none,
      none,
    );
    expect(range!.suggestions[0]).toMatchObject({ insertText: "[${1:min} TO ${2:max}]", insertTextRules: 4, kind: 27 });
  });
});

describe("Monaco: markers and quick fixes", () => {
  it("marks each mistake with its code, and offers its fixes where the cursor is", async () => {
    const query = model("status:approved and x:y");
    expect(queryMarkers(monaco, query, { schema })).toEqual([
      expect.objectContaining({ code: "lowercase-operator", severity: 8, startColumn: 17, endColumn: 20 }),
      expect.objectContaining({ code: "unknown-field", startColumn: 21, endColumn: 22 }),
    ]);
    expect(queryMarkers(monaco, model("a:1 OR b:2 AND c:3"))).toEqual([
      expect.objectContaining({ code: "ambiguous-precedence", severity: 4 }),
    ]);
    expect(queryMarkers(monaco, model("a:1 OR b:2 AND c:3"), { warnings: false })).toEqual([]);
    const actions = await queryCodeActionProvider(monaco, { schema }).provideCodeActions(
      query,
      new Range(1, 18, 1, 18) as unknown as Monaco.Range,
      none,
      none,
    );
    expect(actions!.actions.map((a) => [a.title, a.isPreferred])).toEqual([["Write AND", true]]);
    expect((actions!.actions[0]!.edit!.edits[0] as Monaco.languages.IWorkspaceTextEdit).textEdit).toMatchObject({
      range: { startColumn: 17, endColumn: 20 },
      text: "AND",
    });
  });
});
