// Writes docs/validation.md from the diagnostic catalog and its examples: `npm run docs:validation`.
import { writeFileSync } from "node:fs";
import { validationDocs } from "../test/diagnostics/validation-docs.js";

writeFileSync(new URL("../docs/validation.md", import.meta.url), validationDocs());
