import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/validate/validate.js";

const guide = readFileSync(new URL("../../docs/syntax.md", import.meta.url), "utf8");
/** The queries the guide's "Conditions" table tells people to write: each code span of its second column. */
const taught = guide
  .slice(guide.indexOf("## Conditions"), guide.indexOf("## Words and phrases"))
  .split("\n")
  .filter((line) => line.startsWith("| ") && !line.startsWith("| you want") && !line.startsWith("| ---"))
  .flatMap((line) => [...line.split("|")[2]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!))
  .filter((code) => code.includes(":"));

describe("docs/syntax.md", () => {
  it("teaches a dozen forms or more", () => {
    expect(taught.length).toBeGreaterThanOrEqual(12);
  });

  it.each(taught)("%s is valid", (query) => {
    expect(validate(query).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
