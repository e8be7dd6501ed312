import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";
import { fieldsDocs } from "./fields-docs.js";

describe("docs/fields.md", () => {
  it("is made from the schema (npm run docs:fields)", () => {
    expect(readFileSync(new URL("../../docs/fields.md", import.meta.url), "utf8")).toBe(fieldsDocs());
  });

  const examples = [...fieldsDocs().matchAll(/^\| `[^`]+` \|[^|]*\|[^|]*\|[^|]*\| `((?:[^`\\]|\\.)+)` \|/gm)].map(
    (m) => m[1]!,
  );
  it("has an example for every searchable field", () => {
    expect(examples.length).toBe([...schema.fields.values()].filter((info) => info.searchable).length);
  });

  it.each(examples)("%s is valid against the schema", (query) => {
    expect(validate(query.replaceAll("\\|", "|"), { schema }).diagnostics).toEqual([]);
  });
});
