import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkSlices } from "../../src/syntax/chunks.js";
import { tokenize } from "../../src/syntax/lexer.js";
import { flatQueryText } from "../arbitraries.js";

const describeToken = (token: { image: string; startOffset: number; tokenType: { name: string } }): string =>
  `${token.tokenType.name} ${JSON.stringify(token.image)} @${token.startOffset}`;

describe("chunkSlices", () => {
  it("yields the whole text's tokens, less the operators it cuts at, or gives up", () => {
    let cutRuns = 0;
    fc.assert(
      fc.property(flatQueryText, fc.integer({ min: 1, max: 30 }), (text, chunkChars) => {
        const slices = [...chunkSlices(text, chunkChars)];
        if (slices.includes(undefined)) return;
        if (slices.length > 1) cutRuns++;
        const whole = tokenize(text).tokens.map(describeToken);
        const cut: string[] = [];
        for (const [index, slice] of slices.entries()) {
          if (index > 0) cut.push(slice!.afterAnd ? "And" : "Or");
          cut.push(...slice!.tokens.map(describeToken));
        }
        // Each cut operator is one token of the whole reading, in place.
        expect(cut.length).toBe(whole.length);
        cut.forEach((token, i) => {
          if (token === "And" || token === "Or") expect(whole[i]).toMatch(new RegExp(`^${token} `));
          else expect(token).toBe(whole[i]);
        });
      }),
      { numRuns: 3000 },
    );
    // The property says something only if many texts are really cut.
    expect(cutRuns).toBeGreaterThan(300);
  });

  it("cuts a long clean query into chunks", () => {
    const text = Array.from({ length: 100 }, (_, i) => `a:x${i}`).join(" AND ");
    const slices = [...chunkSlices(text, 100)];
    expect(slices.length).toBeGreaterThan(5);
    expect(slices.every((slice) => slice !== undefined && slice.tokens.length > 0)).toBe(true);
  });

  it.each(['a:x AND c:"open AND b:y AND d:z', "a:x AND d:/re AND x AND e:y"])("%s: gives up on a token that may cross a cut", (text) => {
    expect([...chunkSlices(text, 4)]).toContain(undefined);
  });
});
