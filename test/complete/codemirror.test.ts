import { CompletionContext, type Completion as EditorCompletion } from "@codemirror/autocomplete";
import { EditorState, type TransactionSpec } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { queryCompletionSource, queryDecorations, queryDiagnostics } from "../../src/complete/codemirror.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";

/** The state at the `|` of `text`, and the cursor. */
function at(text: string): { state: EditorState; cursor: number } {
  const cursor = text.indexOf("|");
  return { state: EditorState.create({ doc: text.replace("|", "") }), cursor };
}

/** Runs an action or a completion's apply against a view that only records what it is told to dispatch. */
function applied(state: EditorState, run: (view: EditorView) => void): string {
  let spec: TransactionSpec | undefined;
  const view = { state, dispatch: (given: TransactionSpec) => (spec = given) } as unknown as EditorView;
  run(view);
  return state.update(spec!).state.doc.toString();
}

describe("CodeMirror: the completion source", () => {
  it("offers complete's completions in its order, replacing the word at the cursor", () => {
    const { state, cursor } = at("status:ok AND stat|");
    const result = queryCompletionSource({ schema })(new CompletionContext(state, cursor, false));
    expect(result).toMatchObject({ from: 14, to: 18, filter: false });
    const options = result!.options as EditorCompletion[];
    expect(options[0]).toMatchObject({ label: "status", apply: "status:", type: "property", detail: "keyword" });
    // Boosts keep secuq's ranking: CodeMirror sorts by them first.
    expect(options.map((o) => o.boost)).toEqual([...options.map((o) => o.boost!)].sort((a, b) => b - a));
  });

  it("offers operators after a clause and a space, unasked", () => {
    const { state, cursor } = at("status:ok |");
    const result = queryCompletionSource({ schema })(new CompletionContext(state, cursor, false));
    expect((result!.options as EditorCompletion[]).map((o) => o.label)).toEqual(["AND", "OR", "AND NOT"]);
  });

  it("stays quiet where nothing is typed and nothing was asked, and answers when asked", () => {
    const { state } = at("|");
    expect(queryCompletionSource({ schema })(new CompletionContext(state, 0, false))).toBeNull();
    expect(queryCompletionSource({ schema })(new CompletionContext(state, 0, true))?.options.length).toBeGreaterThan(
      10,
    );
  });

  it("turns a snippet's placeholders into CodeMirror fields", () => {
    const { state, cursor } = at("basket_info.sum:|");
    const range = (
      queryCompletionSource({ schema })(new CompletionContext(state, cursor, true))!.options as EditorCompletion[]
    )[0]!;
    expect(range.label).toBe("[min TO max]");
    expect(typeof range.apply).toBe("function");
  });
});

describe("CodeMirror: diagnostics", () => {
  it("marks each mistake where it is, with its fixes as actions that apply their edits", () => {
    const state = EditorState.create({ doc: "status:approved and basket_info.sum=1000" });
    const diagnostics = queryDiagnostics(state, { schema });
    expect(diagnostics.map((d) => [d.source, d.from, d.to, d.severity])).toEqual([
      ["lowercase-operator", 16, 19, "error"],
      ["equals-instead-of-colon", 35, 36, "error"],
    ]);
    const [andFix] = diagnostics[0]!.actions!;
    expect(andFix!.name).toBe("Write AND");
    expect(
      applied(state, (view) => {
        andFix!.apply(view, 16, 19);
      }),
    ).toBe("status:approved AND basket_info.sum=1000");
  });

  it.each(["", "   "])("marks nothing in an empty box (%j): that is where a person starts", (doc) => {
    expect(queryDiagnostics(EditorState.create({ doc }))).toEqual([]);
  });

  it("leaves warnings out when told to", () => {
    const state = EditorState.create({ doc: "a:1 OR b:2 AND c:3" });
    expect(queryDiagnostics(state).map((d) => d.source)).toEqual(["ambiguous-precedence"]);
    expect(queryDiagnostics(state, { warnings: false })).toEqual([]);
  });
});

describe("CodeMirror: highlighting", () => {
  it("marks each piece with its class", () => {
    const text = "status:ok AND x*";
    const marks: string[] = [];
    queryDecorations(text).between(0, text.length, (from, to, decoration) => {
      marks.push(`${text.slice(from, to)}=${(decoration.spec as { class: string }).class}`);
    });
    expect(marks).toEqual([
      "status=cm-q-field",
      ":=cm-q-punctuation",
      "ok=cm-q-value",
      "AND=cm-q-operator",
      "x*=cm-q-wildcard",
    ]);
  });
});
