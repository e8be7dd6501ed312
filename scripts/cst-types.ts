// Writes src/syntax/cst.ts, the types of the parser's concrete syntax tree, from the grammar (chevrotain's
// generateCstDts). Run with `npm run cst-types` after changing the grammar; a test checks the file is current.
import { writeFileSync } from "node:fs";
import { cstTypesSource } from "./cst-types-source.js";

writeFileSync(new URL("../src/syntax/cst.ts", import.meta.url), cstTypesSource());
