/**
 * A number answers with the words before it that say how exact it is ("10" where the story says
 * "more than 10" says more than the story), and a measure with the unit hyphened to it.
 */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";

const story = ingestText(
  [
    "Museum siege",
    "TUNIS, March 18 (Coast Wire) - Gunmen killed at least 19 people at the Bardo museum on Wednesday, officials said.",
    "About 50 other people were wounded, according to local news reports. Two gunmen died in the raid that ended the siege.",
    "Security forces have killed more than 10 militants in the mountains since January, the interior ministry said.",
    "Workers hung 40-foot-tall banners at the museum gates. The guides who led visitors in were 12-year-old pupils.",
  ].join("\n\n"),
  "siege",
);
const ask = (q: string) => answer(q, story, { minConfidence: 0 }).answer;

describe("a number's qualifier", () => {
  it("stays with the number it qualifies", () => {
    expect(ask("How many people were killed at the museum?")).toBe("at least 19");
    expect(ask("How many people were wounded?")).toBe("About 50");
    expect(ask("How many militants have security forces killed?")).toBe("more than 10");
  });

  it("and a measure's hyphened unit stay with it when the question asks for a size", () => {
    expect(ask("How tall were the banners at the museum gates?")).toBe("40-foot");
    expect(ask("How many militants have security forces killed?")).toBe("more than 10");
  });

  it("is not made up where the story gives none", () => {
    expect(ask("How many gunmen died?")).toBe("Two");
  });
});
