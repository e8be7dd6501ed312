// Before `npm start`: builds dist/ only when it is missing or older than a source file, and quietly (one line), so
// that the demo is the first thing a newcomer reads.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist/node/cli.js");

/** The newest modification time of the files under `dir`. */
const newest = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);

const sources = [
  newest(join(root, "src")),
  ...["package.json", "tsup.config.ts"].map((f) => statSync(join(root, f)).mtimeMs),
];
if (!existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs) {
  process.stderr.write("Building secuq…\n");
  execFileSync("npm", ["run", "--silent", "build", "--", "--silent"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
