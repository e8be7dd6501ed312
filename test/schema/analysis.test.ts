import { describe, expect, it } from "vitest";
import { analyse, phraseMatches } from "../../src/schema/analysis.js";

describe("analyse: the standard analyser's words", () => {
  it.each([
    ["Van der Berg", ["van", "der", "berg"]],
    ["a@b.de", ["a", "b.de"]],
    ["x-y", ["x", "y"]],
    ["O'Neil", ["o'neil"]],
    ["1,5 kg", ["1,5", "kg"]],
    ["foo_bar baz", ["foo_bar", "baz"]],
    ["Müller-Lüdenscheidt", ["müller", "lüdenscheidt"]],
    ["!!!", []],
    ["", []],
  ])("%s", (text, words) => {
    expect(analyse(text)).toEqual(words);
  });
});

describe("phraseMatches: consecutive words, or within the slop", () => {
  const words = ["the", "quick", "brown", "fox"];
  it.each([
    [["quick", "brown"], 0, true],
    [["quick", "fox"], 0, false],
    [["quick", "fox"], 1, true],
    [["fox", "quick"], 1, false],
    [["fox", "quick"], 4, true],
    [["brown"], 0, true],
    [["cat"], 0, false],
  ] as const)("%j with slop %i: %s", (phrase, slop, found) => {
    expect(phraseMatches(words, phrase, slop)).toBe(found);
  });
});
