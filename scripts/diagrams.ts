/** Writes grammar/diagrams.html: railroad diagrams of the parser's rules, generated from the parser itself. */
import { writeFileSync } from "node:fs";
import { createSyntaxDiagramsCode } from "chevrotain";
import { serializedGrammar } from "../src/syntax/parser.js";

const target = new URL("../grammar/diagrams.html", import.meta.url);
writeFileSync(target, createSyntaxDiagramsCode(serializedGrammar()));
console.log(`wrote ${target.pathname}`);
