// Installs the package as a user would (from the tarball `npm pack` makes, into an empty project, with nothing
// else installed) and checks that ESM import, CommonJS require (one copy of each class for both) and the secuq
// command all work. Run in CI.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "secuq-pack-"));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
const expectEqual = (what, actual, expected) => {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  console.log(`ok   ${what}`);
};

try {
  const tarball = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root))[0].filename;
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(work, tarball)], work);
  expectEqual(
    "ESM import",
    run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { format, q } from "secuq"; console.log(format("a:1 OR b:2 AND c:3"), String(q.field("a").is("x y")))',
      ],
      work,
    ),
    'a:1 OR (b:2 AND c:3) a:"x y"',
  );
  expectEqual(
    "CommonJS require",
    run(process.execPath, ["-e", 'console.log(require("secuq").format("a:b  AND  c:d"))'], work),
    "a:b AND c:d",
  );
  const sameClasses = `
    const { createRequire } = await import("node:module");
    const required = createRequire(import.meta.url)("secuq");
    const imported = await import("secuq");
    let caught;
    try { required.parse("a:b and c:d"); } catch (error) { caught = error; }
    const same = required.QuerySyntaxError === imported.QuerySyntaxError;
    console.log(same, caught instanceof imported.QuerySyntaxError, caught?.name);`;
  expectEqual(
    "one class for import and require",
    run(process.execPath, ["--input-type=module", "-e", sameClasses], work),
    "true true QuerySyntaxError",
  );
  const sandbox = `
    const { startSandbox } = await import("secuq/sandbox");
    const { createClient } = await import("secuq");
    const sandbox = await startSandbox({ records: 50 });
    const client = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
    const { count, data } = await client.smartTransactions.find({ q: "_exists_:id", count: 3 });
    await sandbox.close();
    console.log(count, data.length);`;
  expectEqual(
    "secuq/sandbox, found through the client",
    run(process.execPath, ["--input-type=module", "-e", sandbox], work),
    "50 3",
  );
  // The editor adapters: secuq/monaco imports nothing of Monaco's at run time, so it runs without the editor;
  // secuq/codemirror needs its optional peers, so only that it resolves to its file is checked.
  const monaco = `
    const { queryTokensProvider } = await import("secuq/monaco");
    const tokens = queryTokensProvider();
    console.log(tokens.tokenize("status:ok", tokens.getInitialState()).tokens.map((t) => t.scopes).join(" "),
      import.meta.resolve("secuq/codemirror").endsWith("/dist/complete/codemirror.js"));`;
  expectEqual(
    "secuq/monaco and secuq/codemirror",
    run(process.execPath, ["--input-type=module", "-e", monaco], work),
    "field.secuq punctuation.secuq value.secuq true",
  );
  const uncaught = (() => {
    try {
      run(process.execPath, ["-e", 'require("secuq").parse("a:b and")'], work);
      return "no error";
    } catch (error) {
      return String(error.stderr);
    }
  })();
  expectEqual(
    "an uncaught error reads short, with the class's own name",
    [uncaught.length < 4000, /^QuerySyntaxError: /m.test(uncaught)].join(" "),
    "true true",
  );
  // esbuild's keepNames wraps every closure as it is made (`__name(…)`): parsing ran at a third of its speed.
  const nodeBuild = readdirSync(join(root, "dist/node")).filter((file) => file.endsWith(".js"));
  expectEqual(
    "the Node build wraps no closure in __name",
    nodeBuild.some((file) => readFileSync(join(root, "dist/node", file), "utf8").includes("__name(")),
    false,
  );
  const shipped = JSON.parse(run("npm", ["pack", "--dry-run", "--json"], root))[0].files.map((file) => file.path);
  expectEqual(
    "the docs the README links ship; no module that no export reaches",
    [
      shipped.includes("docs/client.md"),
      shipped.includes("docs/images/search-box.png"),
      shipped.some((path) => path.startsWith("dist/sandbox/") && path.endsWith(".js")),
    ].join(" "),
    "true true false",
  );
  expectEqual("the secuq command", run("npx", ["--no-install", "secuq", "format", "a:1 OR b:2"], work), "a:1 OR b:2");
  expectEqual(
    "nothing else installed",
    run("npm", ["ls", "--all", "--parseable"], work)
      .split("\n")
      .filter((line) => line.includes("node_modules")).length,
    1,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
