// The search box in Monaco: secuq/monaco registers the language (tokens, completions, quick fixes) and keeps the
// markers current; the page lists them and shows the canonical form.
import * as monaco from "monaco-editor/editor/editor.api";
// The editor's features (suggestions, quick fixes, hovers…) without its languages.
import "monaco-editor/features/register.all";
import { serialize, smartTransactionSchema as schema, validate } from "secuq";
import { QUERY_LANGUAGE_ID, QUERY_THEME_RULES, registerQueryLanguage } from "secuq/monaco";

// Monaco's worker, inlined by the build (a page opened from the file system may start workers only from blobs).
declare const EDITOR_WORKER: string;
self.MonacoEnvironment = {
  getWorker: () => new Worker(URL.createObjectURL(new Blob([EDITOR_WORKER], { type: "text/javascript" }))),
};

registerQueryLanguage(monaco, { schema });
monaco.editor.defineTheme("secuq", { base: "vs", inherit: true, rules: [...QUERY_THEME_RULES], colors: {} });
const editor = monaco.editor.create(document.getElementById("editor")!, {
  value: "",
  language: QUERY_LANGUAGE_ID,
  theme: "secuq",
  minimap: { enabled: false },
  lineNumbers: "off",
  scrollBeyondLastLine: false,
  fontSize: 15,
  automaticLayout: true,
});
const model = editor.getModel()!;

function update(): void {
  const markers = monaco.editor.getModelMarkers({ owner: QUERY_LANGUAGE_ID });
  document.getElementById("problems")!.replaceChildren(
    ...markers.map((marker) => {
      const item = document.createElement("div");
      item.className = `problem ${marker.severity === monaco.MarkerSeverity.Error ? "error" : "warning"}`;
      // secuq's markers carry their code as text.
      const code = typeof marker.code === "string" ? marker.code : "";
      item.dataset.code = code;
      item.textContent = `${code} (column ${marker.startColumn}): ${marker.message}`;
      return item;
    }),
  );
  const { query } = validate(model.getValue(), { schema });
  document.getElementById("canonical")!.textContent = query ? serialize(query) : "";
}
monaco.editor.onDidChangeMarkers(update);
model.onDidChangeContent(update);
update();
editor.focus();
