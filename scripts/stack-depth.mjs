// Measures how deep parentheses can nest before the parser overflows the stack, in Node and in headless Chromium
// (Debian's `chromium`, if installed), with a fresh stack and cold code: the measurement behind the default
// maxDepth (src/syntax/parse.ts). Run with `npm run stack-depth` after `npm run build`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// The probe: the deepest nesting each reading survives, by bisection, three rounds (the first is cold code). With
// the depth limit lifted, running out of stack is reported as a too-deep diagnostic (never a RangeError): that is
// what marks a depth as too deep here.
const probe = `
import { tryParse, validate } from "./dist/index.js";
const outOfStack = (result) => result.diagnostics.some((d) => d.code === "too-deep");
function deepest(make, use) {
  let low = 1, high = 20000;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (outOfStack(use(make(mid)))) high = mid - 1; else low = mid;
  }
  return low;
}
const lifted = { maxDepth: Infinity, maxLength: Infinity };
const rows = [];
for (let round = 1; round <= 3; round++) {
  rows.push({
    round,
    valid: deepest((d) => "(".repeat(d) + "a:1" + ")".repeat(d), (s) => tryParse(s, lifted)),
    withMistake: deepest((d) => "(".repeat(d) + "a:1 OR OR" + ")".repeat(d), (s) => tryParse(s, lifted)),
    notNested: deepest((d) => "NOT (".repeat(d) + "a:1" + ")".repeat(d), (s) => validate(s, lifted)),
  });
}
const text = JSON.stringify(rows);
if (globalThis.document) document.body.textContent = text; else console.log(text);`;

const work = mkdtempSync(join(tmpdir(), "secuq-stack-"));
try {
  const bundled = await build({
    stdin: { contents: probe, resolveDir: root },
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
  writeFileSync(join(work, "probe.js"), bundled.outputFiles[0].contents);
  writeFileSync(join(work, "index.html"), '<html><body><script src="probe.js"></script></body></html>');
  console.log(
    `Node ${process.version}:`,
    execFileSync(process.execPath, [join(work, "probe.js")], { encoding: "utf8" }).trim(),
  );
  const chromium = spawnSync(
    "chromium",
    ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", `file://${work}/index.html`],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  if (chromium.error) console.log("Chromium: not installed (apt-get install chromium)");
  else console.log("Chromium:", /<body>(.*)<\/body>/s.exec(chromium.stdout)?.[1] ?? chromium.stderr.slice(0, 500));
} finally {
  rmSync(work, { recursive: true, force: true });
}
