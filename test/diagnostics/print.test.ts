import { describe, expect, it } from "vitest";
import { printDiagnostics } from "../../src/diagnostics/print.js";
import { tryParse } from "../../src/syntax/parse.js";

const described = (source: string, color = false): string =>
  printDiagnostics(source, tryParse(source).diagnostics, { color });

describe("printDiagnostics", () => {
  it("underlines the mistake on its own line of a multi-line query, and names the fix", () => {
    expect(described("a:b AND\n  c=d")).toBe(
      [
        "error equals-instead-of-colon at line 2, column 4: Use : between a field and its value, not =: c:d",
        "  |   c=d",
        "  |    ^",
        "  fix: Write : instead of =",
      ].join("\n"),
    );
  });

  it("offers guesses as maybe", () => {
    expect(described("a:b c:d")).toContain(
      [
        "  | a:b c:d",
        "  |    ^",
        "  maybe: Insert AND (both must match)",
        "  maybe: Insert OR (either may match)",
      ].join("\n"),
    );
  });

  it.each([
    ["😀:x AND a=b", "😀:x AND a=b", 10],
    ["名前:x AND a=b", "名前:x AND a=b", 12],
    ["👩‍💻:x AND a=b", "👩‍💻:x AND a=b", 10],
    ["🇩🇪:x AND a=b", "🇩🇪:x AND a=b", 10],
    ["e\u0301:x AND a=b", "e\u0301:x AND a=b", 9],
  ])("lines the caret up under %s by display width", (source, shown, column) => {
    const lines = described(source).split("\n");
    expect(lines[1]).toBe(`  | ${shown}`);
    expect(lines[2]).toBe(`  | ${" ".repeat(column)}^`);
  });

  it.each([
    ["a:b\tand c:d", "a:b␉and c:d"],
    ["a:b\u001b[2Jand c:d", "a:b␛[2Jand c:d"],
    ["a:b\u202eand c:d", "a:b⟨U+202E⟩and c:d"],
  ])("shows control and invisible characters as marks: %j", (source, shown) => {
    const printed = printDiagnostics(source, [
      { ...tryParse("a:b and c:d").diagnostics[0]!, span: { start: 0, end: 1 } },
    ]);
    expect(printed.split("\n")[1]).toBe(`  | ${shown}`);
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it("shows a window of a long line around the mistake, cut with …", () => {
    const source = `${"a:1 AND ".repeat(5000)}b=2${" AND c:3".repeat(5000)}`;
    const lines = described(source).split("\n");
    expect(lines[1]!.length).toBeLessThan(100);
    expect(lines[1]).toMatch(/^ {2}\| ….*b=2.*…$/);
    const at = lines[1]!.indexOf("=");
    expect(lines[2]!.indexOf("^")).toBe(at);
  });

  it("describes at most maxDiagnostics, then counts the rest", () => {
    const source = Array.from({ length: 30 }, (_, i) => `f${i}=x`).join(" AND ");
    const printed = printDiagnostics(source, tryParse(source).diagnostics, { maxDiagnostics: 5 });
    expect(printed.match(/^error /gm)).toHaveLength(5);
    expect(printed.endsWith("… and 25 more")).toBe(true);
  });

  it("gives a zero-width span one caret", () => {
    expect(described("")).toContain("  | \n  | ^");
  });

  it("colours only when asked", () => {
    expect(described("a:b c:d")).not.toContain("\u001b[");
    expect(described("a:b c:d", true)).toContain("\u001b[31merror\u001b[0m");
  });

  it("is empty for no diagnostics", () => {
    expect(printDiagnostics("a:b", [])).toBe("");
  });
});
