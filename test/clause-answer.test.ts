/**
 * "How did …?" is answered with the part of the evidence sentence that holds the question's
 * words, weighed as support weighs them, so that the clause with the question's verb wins over
 * one with only its noun.
 */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";

const story = ingestText(
  [
    "Strike ends at the port",
    "KESTREL, May 4 (Coast Courier) - The strike began as dockers walked out over pay in March, and ended in a deal with the port authority on Friday.",
    "The union said the deal raised wages by 4 percent.",
  ].join("\n\n"),
  "strike",
);

describe("a how question", () => {
  it("is answered with the clause that holds the question's verb", () => {
    const a = answer("How did the strike end?", story, { minConfidence: 0 });
    expect(a.answer).toBe("ended in a deal with the port authority on Friday");
  });

  it("is answered with the clause, not the whole sentence, when the question's verb opens another", () => {
    const a = answer("How did the strike begin?", story, { minConfidence: 0 });
    expect(a.answer).toContain("began as dockers walked out");
    expect(a.answer).not.toContain("deal");
  });
});
