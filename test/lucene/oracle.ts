import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A document as the oracle indexes it: each field holds one or more exact values (keyword analyzer). */
export type OracleDocument = Readonly<Record<string, readonly string[]>>;

/** Lucene's answer to one query: the documents it matches, or its parse error. */
export type OracleAnswer =
  | { readonly ok: true; readonly matches: readonly boolean[]; readonly reading: string }
  | { readonly ok: false; readonly message: string };

/** The server's parser, run as a Java process over a fixed set of documents. */
export interface LuceneOracle {
  /**
   * Parses and runs every query over the documents, in one Java process. `lenient`: as Elasticsearch's default
   * `query_string` (default field `*`), a field that cannot take a value matches nothing instead of failing.
   */
  run(
    documents: readonly OracleDocument[],
    queries: readonly string[],
    options?: { lenient?: boolean },
  ): OracleAnswer[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, "LuceneOracle.java");
const BUILD = join(HERE, "build");
const MODULES = ["core", "queryparser", "memory", "analyzers-common"] as const;
const JAR_DIRS = [process.env.LUCENE_JAR_DIR, "/usr/share/java"].filter((d): d is string => Boolean(d));

/** Finds the Lucene 8 jars Debian's `liblucene8-java` installs, or says which one is missing. */
function findJars(): { classpath?: string; missing?: string } {
  const jars: string[] = [];
  for (const module of MODULES) {
    const pattern = new RegExp(`^lucene-${module}-8(\\.\\d+)*\\.jar$`);
    const found = JAR_DIRS.flatMap((dir) =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((name) => pattern.test(name))
            .map((name) => join(dir, name))
        : [],
    );
    if (found.length === 0)
      return { missing: `lucene-${module}-8.*.jar (apt-get install liblucene8-java) in ${JAR_DIRS.join(" or ")}` };
    jars.push(found.sort().at(-1)!);
  }
  return { classpath: jars.join(delimiter) };
}

function hasCommand(command: string): boolean {
  const result = spawnSync(command, ["-version"], { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

function compile(classpath: string): void {
  const compiled = join(BUILD, "LuceneOracle.class");
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(SOURCE).mtimeMs) return;
  mkdirSync(BUILD, { recursive: true });
  const result = spawnSync("javac", ["-d", BUILD, "-cp", classpath, SOURCE], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`javac failed:\n${result.stderr}${result.error?.message ?? ""}`);
}

const escapeField = (text: string): string =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

const unescapeField = (text: string): string =>
  text.replace(/\\([\s\S])/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c));

function parseAnswer(evaluated: string, rendered: string): OracleAnswer {
  const [status, payload = ""] = evaluated.split("\t");
  if (status !== "OK") return { ok: false, message: unescapeField(payload) };
  const reading = unescapeField(rendered.split("\t")[1] ?? "");
  return { ok: true, matches: [...payload].map((bit) => bit === "1"), reading };
}

/**
 * The oracle, or why it cannot run here (no `java`/`javac`, or no Lucene jars). Compiles the Java source into
 * `test/lucene/build` when it is newer than the compiled class.
 */
export function findOracle(): { oracle: LuceneOracle; missing?: undefined } | { oracle?: undefined; missing: string } {
  if (!hasCommand("java") || !hasCommand("javac")) return { missing: "java and javac (a JDK, 11 or later)" };
  const { classpath, missing } = findJars();
  if (classpath === undefined) return { missing: missing! };
  compile(classpath);
  const fullClasspath = [BUILD, classpath].join(delimiter);
  return {
    oracle: {
      run(documents, queries, options = {}) {
        const lines: string[] = [];
        for (const document of documents) {
          const fields = Object.entries(document).flatMap(([field, values]) =>
            values.flatMap((v) => [escapeField(field), escapeField(v)]),
          );
          lines.push(["D", ...fields].join("\t"));
        }
        const command = options.lenient ? "L" : "Q";
        for (const query of queries) lines.push(`${command}\t${escapeField(query)}`, `P\t${escapeField(query)}`);
        const result = spawnSync("java", ["-Xss16m", "-cp", fullClasspath, "LuceneOracle"], {
          input: lines.join("\n") + "\n",
          encoding: "utf8",
          maxBuffer: 1 << 30,
        });
        if (result.status !== 0)
          throw new Error(`The Lucene oracle failed:\n${result.stderr}${result.error?.message ?? ""}`);
        const output = result.stdout.split("\n");
        if (output.length < queries.length * 2)
          throw new Error(`The Lucene oracle answered ${output.length} lines for ${queries.length} queries`);
        return queries.map((_, i) => parseAnswer(output[2 * i]!, output[2 * i + 1]!));
      },
    },
  };
}
