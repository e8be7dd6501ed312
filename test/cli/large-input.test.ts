import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/run.js";
import { secuq } from "./secuq.js";

const MEGABYTE = 1_000_000;

/** A string of `length` characters drawn from `alphabet` by a fixed linear congruential sequence. */
function scrambled(alphabet: readonly string[], length: number): string {
  let state = 12345;
  let text = "";
  while (text.length < length) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += alphabet[state % alphabet.length]!;
  }
  return text.slice(0, length);
}

const SYNTAX = [
  ...'ab:()[]{}"\\*?~^!/-+&|<>= \t\n',
  "AND",
  "OR",
  "NOT",
  "TO",
  "😀",
  "名",
  "\u00a0",
  "\u0007",
  "\u202e",
];

const inputs: [string, Uint8Array][] = [
  ["random bytes", randomBytes(MEGABYTE)],
  ["x x x …", new TextEncoder().encode("x ".repeat(MEGABYTE / 2 - 1))],
  [
    "transactionRef:… joined by a lowercase or",
    new TextEncoder().encode(
      Array.from({ length: 36_000 }, (_, i) => `transactionRef:TX${String(i).padStart(6, "0")}`).join(" or "),
    ),
  ],
  ["random query syntax", new TextEncoder().encode(scrambled(SYNTAX, 700_000))],
  ["control characters", new TextEncoder().encode("a:b\u0007\u001b[2J and ".repeat(60_000))],
];

describe("secuq validate on a megabyte of input", () => {
  it.each(inputs)("%s: exit 1, a few kilobytes of output, no stack trace", async (_name, bytes) => {
    expect(bytes.length).toBeGreaterThan(MEGABYTE * 0.75);
    expect(bytes.length).toBeLessThanOrEqual(MEGABYTE);
    const { status, stdout, stderr } = await secuq(["validate", "-"], bytes);
    expect(status).toBe(EXIT.invalidQuery);
    expect(stdout.length + stderr.length).toBeLessThan(16_000);
    expect(stdout + stderr).not.toMatch(/internal error|^\s+at /m);
    // Nothing reaches the terminal raw: no escape sequences, bells or bidi overrides.
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });
});
