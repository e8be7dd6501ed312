// secuq against the other query-string parsers, in one run: throughput on a shared corpus, the server pipeline,
// size sweeps (linearity), start-up and memory. Prints the tables and writes them into docs/performance.md.
// Run with `npm run bench` (it builds first). Every figure is a ratio or a rate measured here; no test asserts a time.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import luceneQueryParser from "lucene-query-parser";
import lucene from "lucene";
import { parse as liqeParse } from "liqe";
import {
  compileMatcher,
  parse,
  printDiagnostics,
  q,
  serialize,
  smartTransactionSchema,
  tryParse,
  validate,
  complete,
  highlight,
} from "../dist/node/index.js";
import { corpus, filter } from "./corpus.mjs";
import { exponent, measure, pairedRatio, sink, timePerCall } from "./harness.mjs";

const quick = process.argv.includes("--quick");
const options = quick ? { rounds: 3, ms: 30, warmupMs: 50 } : { rounds: 9, ms: 60, warmupMs: 150 };
/** Limits that let the size sweeps read their largest inputs. */
const big = { maxLength: 100_000_000 };
/** How many timed batches `timePerCall` keeps the fastest of. */
const repeats = quick ? 2 : 4;
const root = fileURLToPath(new URL("..", import.meta.url));
const version = (name) => JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, "utf8")).version;

const peers = [
  { name: `lucene-query-parser ${version("lucene-query-parser")}`, parse: (text) => luceneQueryParser.parse(text) },
  { name: `lucene ${version("lucene")}`, parse: (text) => lucene.parse(text) },
  { name: `liqe ${version("liqe")}`, parse: (text) => liqeParse(text) },
];

function pipeline(text) {
  const result = validate(text, { schema: smartTransactionSchema });
  if (!result.ok) throw new Error(`the corpus query does not validate: ${text}`);
  return serialize(result.query);
}

// Every subject must read every query, or the comparison is not fair.
for (const { text } of corpus) {
  for (const peer of peers) peer.parse(text);
  parse(text);
  pipeline(text);
}

// Start-up first, in fresh processes, while this one is quiet: later its collector works on the other core.
const child = (script) =>
  JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
    }),
  );
const startups = Array.from({ length: quick ? 3 : 11 }, () =>
  child(`
    const t0 = performance.now();
    const { parse } = await import("./dist/node/index.js");
    const t1 = performance.now();
    parse("status:received AND basket_info.sum:[1000 TO *]");
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, firstParseMs: t2 - t1 }));`),
).sort((a, b) => a.importMs + a.firstParseMs - (b.importMs + b.firstParseMs));
const startup = startups[startups.length >> 1];

const lines = [];
const out = (line = "") => {
  console.log(line);
  lines.push(line);
};
/** A row of a Markdown table. */
const row = (...cells) => `| ${cells.join(" | ")} |`;
const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(n >= 10 ? 1 : 2));
const mbps = (ops, bytes) => (ops * bytes) / 1e6;

// 1. The shared corpus.
const ratios = [];
out("## Throughput on the shared corpus");
out();
out(
  "Queries per second (MB/s in brackets), median of the rounds; each query on its own, then the corpus once through.",
);
out();
out(
  row(
    "query",
    "chars",
    ...peers.map((p) => p.name),
    "secuq parse",
    "ratio",
    "secuq validate + serialize",
    "ratio",
    "JSON.parse, same size",
  ),
);
out(`|---|---:|${peers.map(() => "---:").join("|")}|---:|---:|---:|---:|---:|`);
const all = [...corpus, { name: "whole corpus, once each", text: null }];
for (const { name, text } of all) {
  const texts = text === null ? corpus.map((c) => c.text) : [text];
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const jsonTexts = texts.map((t) => JSON.stringify(t));
  // Each run returns its last result, which the harness keeps in its sink.
  const each = (fn) => () => {
    let result;
    for (const t of texts) result = fn(t);
    return result;
  };
  const { ops, rounds } = measure(
    [
      ...peers.map((peer) => ({ name: peer.name, run: each(peer.parse) })),
      { name: "secuq", run: each(parse) },
      { name: "pipeline", run: each(pipeline) },
      { name: "json", run: () => jsonTexts.map((t) => JSON.parse(t)) },
    ],
    options,
  );
  const peerNames = peers.map((p) => p.name);
  const ratio = pairedRatio(rounds, "secuq", peerNames);
  const pipelineRatio = pairedRatio(rounds, "pipeline", peerNames);
  ratios.push({ name, ratio, pipelineRatio });
  const cell = (n) => `${fmt(n)} (${fmt(mbps(n, bytes))})`;
  const peerCells = peers.map((p) => cell(ops[p.name]));
  const [parseRatio, pipelineCell] = [`**×${ratio.toFixed(1)}**`, `**×${pipelineRatio.toFixed(1)}**`];
  out(row(name, bytes, ...peerCells, cell(ops.secuq), parseRatio, cell(ops.pipeline), pipelineCell, cell(ops.json)));
}
out();
out(
  "Ratios are paired: in each round, secuq's throughput over the fastest peer's in the same round; the median round.",
);
out();

// 2. Size sweeps, secuq alone.
out("## Linearity: clauses");
out();
out(
  "A filter of n clauses (`f3:v17 AND NOT f4:v18 OR …`, mixed operators, ranges and quoted values); " +
    "best of several runs.",
);
out("`JSON.parse` of the same AST written as JSON is V8 building the same objects natively: its time grows with the");
out("runtime's collector alone. The target: parse time over `JSON.parse` time grows by at most ×1.5 from 1,000 to");
out(
  "100,000 clauses; that ratio is taken in each of 15 rounds, parse and `JSON.parse` timed one after the other (which",
);
out("goes first alternating), and the median round kept. The sweep runs in 5 fresh processes, because where a large");
out("parse's collections fall differs more between processes than between rounds; the table is the process with the");
out('median growth. "Without collections" is the parse runs less the garbage collections inside them.');
out();
out(
  row(
    "clauses",
    "chars",
    "parse ms",
    "µs per clause",
    "without collections, µs per clause",
    "JSON.parse of the AST, ms",
    "parse ÷ JSON.parse",
    "that ratio × its value at 1,000",
  ),
);
out("|---:|---:|---:|---:|---:|---:|---:|---:|");
// Each sweep runs in a fresh process; the run with the median growth at 100,000 clauses is shown.
const sweepRuns = Array.from({ length: quick ? 1 : 5 }, () => {
  const rows = JSON.parse(
    execFileSync(process.execPath, ["bench/sweep.mjs", ...(quick ? ["--quick"] : [])], { cwd: root, encoding: "utf8" }),
  );
  const at1000 = rows.find((r) => r.n === 1_000).toJson;
  return { rows, growth: rows.find((r) => r.n === 100_000).toJson / at1000, at1000 };
}).sort((a, b) => a.growth - b.growth);
const shown = sweepRuns[sweepRuns.length >> 1];
const linearity = shown.growth;
for (const { n, chars, ms, withoutCollectionsMs, jsonMs, toJson } of shown.rows) {
  const growth = n >= 1_000 ? toJson / shown.at1000 : undefined;
  const perClause = (time) => ((time * 1000) / n).toFixed(2);
  const count = (k) => k.toLocaleString("en-US");
  out(
    row(
      count(n),
      count(chars),
      ms.toFixed(3),
      perClause(ms),
      perClause(withoutCollectionsMs),
      jsonMs.toFixed(3),
      toJson.toFixed(2),
      growth === undefined ? "" : `×${growth.toFixed(2)}`,
    ),
  );
}
out();
out(
  `The growth at 100,000 clauses in each process: ` +
    `${sweepRuns.map((r) => `×${r.growth.toFixed(2)}`).join(", ")}; the table is the median one.`,
);
out();

out("## Linearity: mistakes and builders");
out();
out(
  "Time per input and how it grows with size (the exponent: 1 is linear, 2 quadratic), for what is not a valid query",
);
out("and for queries built in a loop.");
out();
out("| case | size | ms | exponent from the size before |");
out("|---|---:|---:|---:|");
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
// No "(": random parentheses nest deeper than the depth limit in long junk, which then stops at once (too-deep).
const junkChars = ':)[]{}"\\ ab*?!-+ANDOR~^/<>=&|\n';
const junk = (size) => Array.from({ length: size }, () => junkChars[Math.floor(random() * junkChars.length)]).join("");
const chain = (n) => {
  let b = q.field("a").is("0");
  for (let i = 1; i < n; i++) b = b.and(q.field("a").is(String(i)));
  return b.toQuery();
};
const cases = [
  {
    name: "an error at the end of n clauses",
    sizes: [1_000, 10_000, 100_000],
    make: (n) => `${filter(n)} AND`,
    run: (text) => tryParse(text, big),
  },
  {
    name: "n range errors (`f:[1 2]`)",
    sizes: [1_000, 4_000, 16_000],
    make: (n) => Array.from({ length: n }, () => "f:[1 2]").join(" AND "),
    run: (text) => tryParse(text, big),
  },
  {
    name: "n lowercase `or` between clauses",
    sizes: [1_000, 10_000, 100_000],
    make: (n) => Array.from({ length: n }, (_, i) => `a:${i}`).join(" or "),
    run: (text) => tryParse(text, big),
  },
  {
    name: "n characters of random junk",
    sizes: [10_000, 100_000, 1_000_000],
    make: junk,
    run: (text) => tryParse(text, big),
  },
  { name: "a builder chain of n `.and()` links", sizes: [1_000, 10_000, 100_000], make: (n) => n, run: chain },
  // What `secuq validate` does with its input: validate against the schema, then print the diagnostics.
  {
    name: "validate and print n characters of `x x x …`",
    sizes: [10_000, 100_000, 1_000_000],
    make: (n) => "x ".repeat(n / 2),
    run: (text) => printDiagnostics(text, validate(text, { schema: smartTransactionSchema }).diagnostics),
  },
  {
    name: "validate and print n `transactionRef:…` joined by `or`",
    sizes: [1_000, 10_000, 30_000],
    make: (n) => Array.from({ length: n }, (_, i) => `transactionRef:TX${i}`).join(" or "),
    run: (text) => printDiagnostics(text, validate(text, { schema: smartTransactionSchema }).diagnostics),
  },
];
const exponents = [];
for (const { name, sizes, make, run } of cases) {
  let before;
  for (const size of sizes) {
    const input = make(size);
    run(input);
    const { ms } = timePerCall(() => run(input), repeats);
    const power = before ? exponent(before.size, before.ms, size, ms) : undefined;
    if (power !== undefined) exponents.push({ name, power });
    out(row(name, size.toLocaleString("en-US"), ms.toFixed(2), power === undefined ? "" : power.toFixed(2)));
    before = { size, ms };
  }
}
out();

out("## Validating mistakes");
out();
out("`validate` against the Smart Transaction schema, for queries that name unknown fields and values: each unknown");
out("name is compared with every path of the schema to suggest the nearest, as a search box does on every key.");
out();
out("| query | ms per validate |");
out("|---|---:|");
for (const text of [
  "basket_info.summ:10",
  "custmer.contact.surname:meier",
  "x.y.z.unknownthing:1 AND foo:bar AND status:recieved",
  `${"verylongfieldname".repeat(60)}:1`,
]) {
  const { ms } = timePerCall(() => validate(text, { schema: smartTransactionSchema }), repeats);
  out(row(`\`${text.length > 60 ? `${text.slice(0, 40)}…` : text}\``, ms.toFixed(3)));
}
out();

out("## Linearity: nesting");
out();
out("Parentheses nested up to the default depth limit (64).");
out();
out("| depth | parse ms | exponent from the depth before |");
out("|---:|---:|---:|");
let previousDepth;
for (const depth of [1, 4, 16, 64]) {
  const text = `${"(".repeat(depth)}a:x AND b:y${")".repeat(depth)}`;
  const { ms } = timePerCall(() => parse(text), repeats);
  const power = previousDepth ? exponent(previousDepth.depth, previousDepth.ms, depth, ms).toFixed(2) : "";
  out(row(depth, ms.toFixed(4), power));
  previousDepth = { depth, ms };
}
out();

const memory = child(`
  const { parse } = await import("./dist/node/index.js");
  const text = Array.from({ length: 40000 }, (_, i) => "transactionRef:ORD" + String(i).padStart(6, "0")).join(" OR ");
  parse("a:b");
  globalThis.gc(); globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const query = parse(text, { maxLength: 10000000 });
  const after = process.memoryUsage().heapUsed;
  globalThis.gc(); globalThis.gc();
  const retained = process.memoryUsage().heapUsed - before;
  const clauses = query.operands.length;
  console.log(JSON.stringify({ bytes: text.length, allocatedDuring: after - before, retained, clauses }));`);
const evaluation = JSON.parse(
  execFileSync(
    process.execPath,
    [
      "--max-semi-space-size=1",
      "--input-type=module",
      "-e",
      `
    const { compileMatcher } = await import("./dist/node/index.js");
    const { PerformanceObserver } = await import("node:perf_hooks");
    const records = Array.from({ length: 100000 }, (_, i) => ({
      status: i % 3 ? "received" : "ok",
      basket_info: { sum: i, currency: "EUR" },
      customer: { contact: { surname: i % 7 ? "Meier" : "Schulz" } },
      basket: {
        products: [
          { item_type: "article", priceOne: i % 100 },
          { item_type: i % 5 ? "article" : "coupon", priceOne: 5 },
        ],
      },
    }));
    const query = "status:received AND basket_info.sum:[1000 TO 90000] AND NOT customer.contact.surname:Sch* " +
      "AND basket.products.item_type:coupon";
    const test = compileMatcher(query, { ignoreCase: false });
    for (let i = 0; i < 3; i++) for (const r of records) test(r);
    let minor = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail?.kind === 1 || e.kind === 1) minor++;
    });
    observer.observe({ entryTypes: ["gc"] });
    const start = performance.now();
    let found = 0;
    for (let round = 0; round < 10; round++) for (const r of records) if (test(r)) found++;
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    console.log(JSON.stringify({ recordsPerSecond: 1e6 / (ms / 1000), found, minorGcs: minor }));`,
    ],
    { cwd: root, encoding: "utf8" },
  ),
);
out("## Start-up and memory");
out();
const startupMs = startup.importMs + startup.firstParseMs;
out(
  "- Import and first parse in a fresh process (loads the package, builds the parser): " +
    `**${startupMs.toFixed(1)} ms** ` +
    `(median of ${startups.length}; import ${startup.importMs.toFixed(1)} ms, ` +
    `first parse ${startup.firstParseMs.toFixed(1)} ms; the fastest ` +
    `${(startups[0].importMs + startups[0].firstParseMs).toFixed(1)} ms, the slowest ` +
    `${(startups.at(-1).importMs + startups.at(-1).firstParseMs).toFixed(1)} ms: the machine's load moves it).`,
);
out(
  `- Parsing a ${(memory.bytes / 1e6).toFixed(2)} MB query (${memory.clauses.toLocaleString("en-US")} clauses): ` +
    "the AST it keeps holds " +
    `**${(memory.retained / memory.bytes).toFixed(1)}× the input size** (${(memory.retained / 1e6).toFixed(1)} MB); ` +
    `heap growth while parsing, before collection: ${(memory.allocatedDuring / memory.bytes).toFixed(1)}×.`,
);
out(
  "- The evaluator (a four-condition filter, ignoring case off) tests " +
    `**${fmt(evaluation.recordsPerSecond)} records/s**; ` +
    `over 1,000,000 tests with a 1 MB young generation it caused ${evaluation.minorGcs} minor collections, ` +
    `so it allocates at most about ${((evaluation.minorGcs * 1024 * 1024) / 1e6).toFixed(1)} bytes per record ` +
    "(nothing of its own; " +
    `lower-casing text when case is ignored is the one allocation it makes).`,
);
out();

out("## The sandbox's queries");
out();
const { sampleTransactions } = await import("../dist/node/sandbox.js");
const sampleSize = quick ? 100_000 : 1_000_000;
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const sampleStart = performance.now();
const sample = sampleTransactions(sampleSize, 1);
const sampleMs = performance.now() - sampleStart;
globalThis.gc?.();
const sampleBytes = process.memoryUsage().heapUsed - heapBefore;
out(
  `The sandbox's sample of ${sampleSize.toLocaleString("en-US")} Smart Transactions is made in ` +
    `**${(sampleMs / 1000).toFixed(1)} s** and holds ${(sampleBytes / 1e6).toFixed(0)} MB ` +
    `(${(sampleBytes / sampleSize).toFixed(0)} bytes a record${globalThis.gc ? "" : ", before collection"}).`,
);
out("`compileMatcher` tests those records as the sandbox runs its queries; a hand-written predicate for the same");
out("one-clause query, in the same loop, shows what is left to gain. Each row runs in a loop of its own, so that");
out("no row slows another down.");
out();
out("| query | records/s | hand-written records/s ÷ secuq's |");
out("|---|---:|---:|");
const smart = { schema: smartTransactionSchema };
const sandboxQueries = [
  [
    "`status:approved`, ignoring case (the default)",
    compileMatcher("status:approved", smart),
    (r) => typeof r.status === "string" && r.status.toLowerCase() === "approved",
  ],
  [
    "`status:approved`, respecting case",
    compileMatcher("status:approved", { ...smart, ignoreCase: false }),
    (r) => r.status === "approved",
  ],
  [
    "`created:[2026-01-01 TO 2026-02-01}`, a month of dates",
    compileMatcher("created:[2026-01-01 TO 2026-02-01}", smart),
    (() => {
      const [from, to] = [Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-02-01T00:00:00Z")];
      return (r) => {
        const at = Date.parse(r.created);
        return at >= from && at < to;
      };
    })(),
  ],
  [
    "`created:[now-90d/d TO now]`, date math",
    compileMatcher("created:[now-90d/d TO now]", smart),
    (() => {
      const day = 86_400_000;
      const [from, to] = [Math.floor((Date.now() - 90 * day) / day) * day, Date.now()];
      return (r) => {
        const at = Date.parse(r.created);
        return at >= from && at <= to;
      };
    })(),
  ],
  [
    "`basket_info.sum:[5000 TO 20000]`, a range of amounts",
    compileMatcher("basket_info.sum:[5000 TO 20000]", smart),
    (r) => r.basket_info?.sum >= 5000 && r.basket_info.sum <= 20000,
  ],
  [
    "four conditions, a pattern among them",
    compileMatcher(
      "status:approved AND basket_info.sum:>=5000 AND NOT payment_method:invoice AND customer.contact.surname:M*",
      smart,
    ),
  ],
  [
    "200-clause OR of `transactionRef`",
    compileMatcher(Array.from({ length: 200 }, (_, i) => `transactionRef:ORD-${100000 + i * 7}`).join(" OR "), smart),
  ],
];
/** Records per second of `test` over the sample, in a loop made for it alone (no other test's types in its feedback). */
function recordsPerSecond(test) {
  const loop = new Function(
    "records",
    "test",
    "let found = 0; for (const r of records) if (test(r)) found++; return found;",
  );
  const { ms } = timePerCall(() => loop(sample, test), repeats);
  return sample.length / (ms / 1000);
}
for (const [name, test, handWritten] of sandboxQueries) {
  const speed = recordsPerSecond(test);
  const ratio = handWritten ? `×${(recordsPerSecond(handWritten) / speed).toFixed(1)}` : "";
  out(row(name, fmt(speed), ratio));
}
out();

out("## Content assist");
out();
const clauses = [
  "status:approved",
  "basket_info.sum:>=5000",
  'customer.contact.surname:"van der Berg"',
  "created:[2026-01-01 TO 2026-06-30]",
  "NOT payment_method:invoice",
  "basket.products.desc:Kaffee*",
];
let long = "";
for (let i = 0; long.length < 2000; i++)
  long += `${i > 0 ? (i % 3 === 0 ? " OR " : " AND ") : ""}${clauses[i % clauses.length]}`;
const typedAtEnd = `${long} AND customer.contact.surn`;
out(`On a ${typedAtEnd.length.toLocaleString("en-US")}-character query (a search box's worst case), per call:`);
out();
out("| what | µs |");
out("|---|---:|");
const assist = [
  ["`complete` at the end (a field being typed)", () => complete(typedAtEnd, typedAtEnd.length, smart)],
  ["`complete` in the middle (a value)", () => complete(long, long.indexOf("approved") + 3, smart)],
  ["`highlight` of the whole text", () => highlight(typedAtEnd)],
];
for (const [name, run] of assist) out(row(name, fmt(timePerCall(run, repeats).ms * 1000)));
out();

const table = lines.join("\n");
const cpu = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores`;
const system = `${os.platform()} ${os.release()}, Node ${process.version}`;
const machine = `${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${system}`;
const summary = ratios
  .map((r) => `${r.name}: parse ×${r.ratio.toFixed(1)}, validate + serialize ×${r.pipelineRatio.toFixed(1)}`)
  .join("; ");
console.log(`\nRatios to the fastest peer — ${summary}`);
console.log(
  `Linearity: parse ÷ JSON.parse at 100,000 clauses is ×${linearity.toFixed(2)} its value at 1,000 (target ≤ 1.5)`,
);
const largest = Math.max(...exponents.map((e) => e.power));
console.log(`Largest exponent on mistakes and builders: ${largest.toFixed(2)}; results kept: ${sink.count}`);

if (!quick) {
  const marker = "<!-- bench:start -->";
  const doc = `${readFileSync(`${root}/docs/performance.md`, "utf8").split(marker)[0]}${marker}
Measured on ${new Date().toISOString().slice(0, 10)}: ${machine}.

${table}
`;
  // Formatted as the rest of the repository is (npm run lint checks it).
  writeFileSync(`${root}/docs/performance.md`, await prettier.format(doc, { parser: "markdown", printWidth: 120 }));
  console.log("\nwrote docs/performance.md");
}
