import { generateCstDts } from "chevrotain";
import { grammarProductions } from "../src/syntax/parser.js";

/** The source of `cst.ts`: the CST's types generated from the grammar, for the script and the test that checks it. */
export function cstTypesSource(): string {
  const types = generateCstDts(grammarProductions(), { includeVisitorInterface: false });
  return `// Generated from the grammar by \`npm run cst-types\`; do not edit.\n${types}`;
}
