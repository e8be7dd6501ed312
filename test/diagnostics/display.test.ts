import stringWidth from "string-width";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/diagnostics/display.js";
import { printDiagnostics } from "../../src/diagnostics/print.js";
import { tryParse } from "../../src/syntax/parse.js";
import { runs } from "../property-runs.js";

// Characters people put in notes, names and product texts: symbols terminals draw one column wide (©, ™, ↔, ❤ without
// its emoji selector), letters with marks, East Asian characters and emoji that take two.
const COMMON = [
  ["©", 1],
  ["®", 1],
  ["™", 1],
  ["↔", 1],
  ["❤", 1],
  ["☺", 1],
  ["★", 1],
  ["☆", 1],
  ["✓", 1],
  ["✔", 1],
  ["✗", 1],
  ["→", 1],
  ["←", 1],
  ["€", 1],
  ["£", 1],
  ["§", 1],
  ["°", 1],
  ["±", 1],
  ["×", 1],
  ["µ", 1],
  ["é", 1],
  ["ß", 1],
  ["e\u0301", 1],
  ["中", 2],
  ["日", 2],
  ["한", 2],
  ["ｱ", 1],
  ["😀", 2],
  ["👍🏽", 2],
  ["❤️", 2],
  ["🇩🇪", 2],
] as const;

describe("displayWidth", () => {
  it.each(COMMON)("%s takes %i column(s), as string-width counts", (char, columns) => {
    expect(displayWidth(char)).toBe(columns);
    expect(displayWidth(char)).toBe(stringWidth(char));
  });
});

describe("printed carets", () => {
  it.each(COMMON)('note:"%s™©®" AND AND b:1: the caret stands under the second AND', (char) => {
    const source = `note:"${char}™©®" AND AND b:1`;
    const diagnostic = tryParse(source).diagnostics.find((d) => d.code === "consecutive-operators")!;
    const [, line, carets] = printDiagnostics(source, [diagnostic]).split("\n");
    expect(line).toBe(`  | ${source}`);
    const before = source.slice(0, diagnostic.span.start);
    expect(carets).toBe(
      `  | ${" ".repeat(stringWidth(before))}${"^".repeat(diagnostic.span.end - diagnostic.span.start)}`,
    );
  });
});

describe("displayWidth against string-width", () => {
  const pieces = fc.constantFrom(
    ...[...COMMON.map(([char]) => char), "a", "Z", " ", "-", "ü", "ñ", "ø", "中文", "👩‍💻", "✈️", "↔️", "\u200b"],
  );
  it("measures texts of common characters as string-width does", () => {
    let wide = 0;
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
        (text) => {
          expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
          if (stringWidth(text) !== text.length) wide++;
        },
      ),
      { numRuns: runs(500) },
    );
    // About half the texts are wide (232 to 297 of 500 over 300 seeds): a third is safely below, and far above none.
    expect(wide).toBeGreaterThan(runs(500) / 3);
  });
});
