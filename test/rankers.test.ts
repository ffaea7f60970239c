import { describe, expect, it } from "vitest";
import { holdsGold, norm, rrf } from "../bench/rankers.js";

describe("ranker benchmark: gold matching", () => {
  it("normalises case, punctuation and hyphens the way score.mjs does", () => {
    expect(norm("Kim Jong-un's visit.")).toBe(" kim jong un s visit ");
  });

  it("needs every phrase of one alternative, as whole words", () => {
    const sentence = "Pro Bowl defensive tackle Kawann Short led the team in sacks with 11.";
    expect(holdsGold(sentence, [["Kawann Short"]])).toBe(true);
    expect(holdsGold(sentence, [["Short", "Carolina"], ["sacks", "11"]])).toBe(true);
    expect(holdsGold(sentence, [["Short", "Carolina"]])).toBe(false);
    expect(holdsGold(sentence, [["Kawann S"]])).toBe(false);
    expect(holdsGold(sentence, [[]])).toBe(false);
  });
});

describe("ranker benchmark: reciprocal-rank fusion", () => {
  it("rewards a sentence both lists rank high", () => {
    expect(rrf([[1, 2, 3], [2, 3, 1]])[0]).toBe(2);
  });

  it("breaks ties by the first list's order", () => {
    // 1 and 2 swap places between the lists: equal scores, the first list decides
    expect(rrf([[1, 2], [2, 1]])).toEqual([1, 2]);
    expect(rrf([[2, 1], [1, 2]])).toEqual([2, 1]);
  });

  it("keeps sentences only one list found, and works with an empty list", () => {
    expect(rrf([[5], [7]])).toEqual([5, 7]);
    expect(rrf([[], [4, 3]])).toEqual([4, 3]);
  });
});
