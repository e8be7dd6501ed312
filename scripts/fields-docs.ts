// Writes docs/fields.md from the Smart Transaction schema and the sandbox's sample: `npm run docs:fields`.
import { writeFileSync } from "node:fs";
import { fieldsDocs } from "../test/schema/fields-docs.js";

writeFileSync(new URL("../docs/fields.md", import.meta.url), fieldsDocs());
