// The search box: a CodeMirror editor with secuq's completions, diagnostics and highlighting, the canonical form,
// and the sample transactions the query finds, filtered in the page with secuq's evaluator.
import { closeBrackets } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import {
  applyFix,
  compileQuery,
  serialize,
  smartTransactionSchema as schema,
  validate,
  type Diagnostic,
  type SmartTransaction,
} from "secuq";
import { queryEditor } from "secuq/codemirror";
// The sandbox's sample data is plain data; its module uses nothing of Node's (its entry, secuq/sandbox, does).
import { sampleTransactions } from "../../src/sandbox/sample-data.js";

const records: SmartTransaction[] = sampleTransactions(10_000, 1);
const element = (id: string): HTMLElement => document.getElementById(id)!;
const money = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });
element("total").textContent = records.length.toLocaleString("en-US");

function row(record: SmartTransaction): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const contact = record.customer?.contact;
  const cells = [
    record.id ?? "",
    record.created?.slice(0, 16).replace("T", " ") ?? "",
    record.status ?? "",
    money.format((record.basket_info?.sum ?? 0) / 100),
    [contact?.forename, contact?.surname].filter(Boolean).join(" "),
  ];
  cells.forEach((text, column) => {
    const td = document.createElement("td");
    td.textContent = text;
    if (column === 3) td.className = "amount";
    tr.append(td);
  });
  return tr;
}

function showProblems(view: EditorView, source: string, diagnostics: readonly Diagnostic[]): void {
  const list = element("problems");
  list.replaceChildren(
    ...diagnostics.map((diagnostic) => {
      const item = document.createElement("div");
      item.className = `problem ${diagnostic.severity}`;
      item.dataset.code = diagnostic.code;
      const code = document.createElement("span");
      code.className = "code";
      code.textContent = `${diagnostic.severity} ${diagnostic.code} (column ${diagnostic.column}): `;
      item.append(code, diagnostic.message);
      for (const fix of diagnostic.fixes ?? []) {
        const button = document.createElement("button");
        button.textContent = fix.title;
        button.addEventListener("click", () => {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: applyFix(source, fix) } });
          view.focus();
        });
        item.append(button);
      }
      return item;
    }),
  );
}

function update(view: EditorView): void {
  const source = view.state.doc.toString();
  const result = validate(source, { schema });
  // An empty box is where a person starts, not a mistake.
  showProblems(view, source, source.trim() === "" ? [] : result.diagnostics);
  const found = element("found");
  const body = (element("results") as HTMLTableElement).tBodies[0]!;
  if (!result.query) {
    element("canonical").textContent = "";
    found.textContent = source.trim() === "" ? "" : "Fix the query to search.";
    body.replaceChildren();
    return;
  }
  element("canonical").textContent = serialize(result.query);
  // As the server would read the canonical form: the same as the AST says.
  const test = compileQuery(result.query, { schema });
  const matches = records.filter(test);
  found.textContent = `${matches.length.toLocaleString("en-US")} found`;
  body.replaceChildren(...matches.slice(0, 20).map(row));
}

const view = new EditorView({
  parent: element("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      history(),
      closeBrackets(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      placeholder("status:approved AND basket_info.sum:>=10000"),
      queryEditor({ schema }),
      EditorView.updateListener.of((change) => {
        if (change.docChanged) update(change.view);
      }),
    ],
  }),
});
update(view);
view.focus();
