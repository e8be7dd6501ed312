import { describe, expect, it } from "vitest";
import { printDiagnostics } from "../../src/diagnostics/print.js";
import { tryParse } from "../../src/syntax/parse.js";

const described = (source: string, color = false): string =>
  printDiagnostics(source, tryParse(source).diagnostics, { color });

describe("printDiagnostics", () => {
  it("underlines the span on its own line of a multi-line query", () => {
    expect(described("a:b AND\n  c=d")).toBe(
      [
        "error equals-instead-of-colon at line 2, column 3: Use : between a field and its value, not =: c:d",
        "  |   c=d",
        "  |   ^^^",
        "  fix: a:b AND\n  c:d",
      ].join("\n"),
    );
  });

  it("lines the caret up after characters outside the basic plane", () => {
    const lines = described("😀:x AND a=b").split("\n");
    expect(lines[1]).toBe("  | 😀:x AND a=b");
    expect(lines[2]).toBe(`  | ${" ".repeat(8)}^^^`);
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
