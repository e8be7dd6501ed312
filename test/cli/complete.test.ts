import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { secuq } from "./secuq.js";

describe("secuq complete", () => {
  it("lists what may come at the end of the text: kind, text and detail, aligned", async () => {
    const { status, stdout } = await secuq(["complete", "status:ok AND basket_info.su"]);
    expect(status).toBe(EXIT.ok);
    expect(stdout).toBe("field     basket_info.sum:  integer (cents)\n");
  });

  it("takes a cursor, and prints JSON with the span each completion replaces", async () => {
    const { stdout } = await secuq(["complete", "--json", "status:re AND x:y", "9"]);
    expect(JSON.parse(stdout)).toEqual([
      { kind: "value", label: "received", text: "received", span: { start: 7, end: 9 }, detail: "status" },
    ]);
  });

  it("offers no fields with --schema none, and operators still", async () => {
    expect((await secuq(["complete", "--schema", "none", "stat"])).stdout).toBe("");
    expect((await secuq(["complete", "--schema", "none", "x:y "])).stdout).toContain("operator  AND");
  });

  it.each([
    [["complete"], "complete takes a text and a cursor"],
    [["complete", "x", "5"], "The cursor 5 is past the text's end (1)"],
    [["complete", "x", "-1"], "Unknown option"],
    [["complete", "x", "one"], 'The cursor must be a whole number, not "one"'],
    [["complete", "--strict", "x"], "--strict does not apply to complete"],
  ])("%j is a usage error", async (args, message) => {
    const { status, stderr } = await secuq(args);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });
});
