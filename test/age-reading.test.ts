/** "How old is the schooner?" of "a 106-year-old schooner": an age is one word with its unit. */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";

const story = ingestText(
  ["Schooner sold", "MERROW, May 2 (Valley Wire) - The buyer, Halvard, owns a 106-year-old schooner, one of four century-old boats still sailing from Merrow."].join("\n\n"),
  "schooner",
);

describe("an age", () => {
  it("is read whole with its unit, and a noun joined to the next word is no unit of a number", () => {
    const texts = analyseQuestion(parse("How old is the schooner?", story), story).pool.map((p) => p.c.text);
    expect(texts).toContain("106-year-old");
    expect(texts).not.toContain("four century");
  });

  it("is read whole when only the unit is hyphened to 'old'", () => {
    const owner = ingestText(["Schooner kept", "MERROW, May 2 (Valley Wire) - Its owner insists the 93 year-old keeps sailing."].join("\n\n"), "owner");
    const texts = analyseQuestion(parse("How old is the owner?", owner), owner).pool.map((p) => p.c.text);
    expect(texts).toContain("93 year-old");
  });

  it("keeps a measure hyphened to its unit", () => {
    const review = ingestText(["Review set", "MERROW, May 2 (Valley Wire) - The order sets a six-month review period for the harbour."].join("\n\n"), "review");
    const texts = analyseQuestion(parse("How long is the review period?", review), review).pool.map((p) => p.c.text);
    expect(texts).toContain("six-month");
  });
});
