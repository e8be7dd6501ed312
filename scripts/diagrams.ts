/** Writes grammar/diagrams.html: railroad diagrams of the parser's rules, self-contained (see diagrams-html.ts). */
import { writeFileSync } from "node:fs";
import { diagramsHtml } from "./diagrams-html.js";

const target = new URL("../grammar/diagrams.html", import.meta.url);
writeFileSync(target, diagramsHtml());
console.log(`wrote ${target.pathname}`);
