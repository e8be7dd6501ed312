import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

/**
 * Elasticsearch 7.17, started from its Maven Central jars by the harness in this folder (pom.xml, EngineMain.java):
 * single node, 127.0.0.1, a free port; it stops when its standard input closes.
 */
export interface Engine {
  readonly url: string;
  /** Sends a JSON request and returns the status and the parsed answer. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const CLASSPATH = join(HERE, "target", "classpath.txt");
const CLASSES = join(HERE, "target", "classes", "EngineMain.class");
const SOURCE = join(HERE, "src", "main", "java", "EngineMain.java");

function hasCommand(command: string, flag: string): boolean {
  const result = spawnSync(command, [flag], { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

/** Builds the harness (Maven resolves the jars on its first run) unless it is current; why it cannot, if so. */
function build(): string | undefined {
  if (!hasCommand("java", "-version")) return "java (a JDK 17)";
  const current = existsSync(CLASSPATH) && existsSync(CLASSES) && statSync(CLASSES).mtimeMs >= statSync(SOURCE).mtimeMs;
  if (current) return undefined;
  if (!hasCommand("mvn", "-v")) return "mvn (Maven)";
  const result = spawnSync(
    "mvn",
    ["-q", "-B", "-DskipTests", "package", "dependency:build-classpath", `-Dmdep.outputFile=${CLASSPATH}`],
    { cwd: HERE, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`The engine harness did not build:\n${result.stdout}${result.stderr}`);
  return undefined;
}

/** Starts the engine, or says what is missing to start it. */
export async function startEngine(): Promise<{ engine: Engine; missing?: undefined } | { missing: string }> {
  const missing = build();
  if (missing !== undefined) return { missing };
  const classpath = `${join(HERE, "target", "classes")}:${readFileSync(CLASSPATH, "utf8").trim()}`;
  const child: ChildProcess = spawn("java", ["-Xmx1g", "-cp", classpath, "EngineMain"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    lines.on("line", (line) => {
      const ready = /^ready (\d+)$/.exec(line);
      if (ready) resolve(Number(ready[1]));
    });
    child.once("exit", (code) => {
      reject(new Error(`The engine exited (${code}) before it was ready:\n${log}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    engine: {
      url,
      async request(method, path, body) {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { "content-type": typeof body === "string" ? "application/x-ndjson" : "application/json" },
          ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      },
      close: () =>
        new Promise((resolve) => {
          child.once("exit", () => {
            resolve();
          });
          child.stdin!.end();
        }),
    },
  };
}
