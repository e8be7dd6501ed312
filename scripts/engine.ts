// npm run engine: Elasticsearch 7.17 on 127.0.0.1, started from Maven Central's jars, until Ctrl-C.
import { startEngine } from "../test/engine/engine.js";

const started = await startEngine();
if ("missing" in started) {
  console.error(`secuq: the engine cannot start here: ${started.missing} is missing`);
  process.exit(2);
}
console.log(`Elasticsearch 7.17 is listening at ${started.engine.url} (Ctrl-C stops it)`);
process.once("SIGINT", () => void started.engine.close().then(() => process.exit(0)));
