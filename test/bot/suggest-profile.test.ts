/** Suggested questions and entity profiles, on an article the project never ships and on the sample story. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer } from "../../src/engine/answer/answer.js";
import { ingestText } from "../../src/engine/story/ingest.js";
import { findEntity, profile } from "../../src/engine/summary/profile.js";
import { firstSuggestions, suggest, suggestedQuestions } from "../../src/engine/answer/suggest.js";
import { validChoices } from "../../src/discord/autocomplete.js";

const ARTICLE = `Harbour bridge opens after two years of work

LISBON, March 3, 2021, The Coastal Times. Mayor Ana Costa opened the new footbridge over the harbour on Tuesday, ending two years of construction.

In 2019, the city council approved a budget of 40 million euros for the project.

Engineer Rui Lopes inspected the cables at the south bank before the opening ceremony.

Protesters gathered in Porto on Monday to oppose the cost.
`;
const harbour = ingestText(ARTICLE, "harbour");
const sample = ingestText(readFileSync(new URL("../../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8"), "kh");

describe("suggestedQuestions", () => {
  for (const [name, story] of [["an unseen article", harbour], ["the sample story", sample]] as const) {
    it(`on ${name}: every suggestion is a question the engine answers from the sentence it was made from`, () => {
      const all = suggestedQuestions(story);
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all.map((s) => s.kind))).toEqual(new Set(["who", "when", "where"]));
      for (const s of all) {
        expect(s.question).toMatch(/^(Who|When|Where) .+\?$/);
        expect(s.question.length).toBeLessThanOrEqual(100);
        const a = answer(s.question, story);
        expect(a.answer, s.question).not.toBeNull();
        expect(a.paragraph).toBe(s.paragraph);
      }
    });
  }

  it("the first few, asked for before the rest, are the first of them all", () => {
    for (const text of [ARTICLE, readFileSync(new URL("../../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8")]) {
      // a story of its own: nothing checked or cached yet
      const fresh = ingestText(text, "fresh");
      const first = firstSuggestions(fresh, 3);
      expect(first).toHaveLength(3);
      expect(first).toEqual(suggestedQuestions(ingestText(text, "other")).slice(0, 3));
      expect(firstSuggestions(fresh, 5)).toEqual(suggestedQuestions(fresh).slice(0, 5));
    }
  });

  it("are made from the story's own sentences", () => {
    expect(suggestedQuestions(harbour).map((s) => s.question)).toEqual(expect.arrayContaining(["Who opened the new footbridge over the harbour?", "When did the city council approve a budget of 40 million euros for the project?"]));
  });
});

describe("suggest", () => {
  it("matches typed text fuzzily, typos included, and offers everything when nothing is typed", () => {
    expect(suggest(harbour, "who opend")[0]).toBe("Who opened the new footbridge over the harbour?");
    expect(suggest(harbour, "cabels").some((q) => /cables/.test(q))).toBe(true);
    expect(suggest(harbour, "")).toEqual(suggestedQuestions(harbour).map((s) => s.question));
    expect(suggest(harbour, "zzzzqqq")).toEqual([]);
  });

  it("never offers more than asked", () => {
    expect(suggest(sample, "", 2)).toHaveLength(2);
  });
});

describe("profile", () => {
  it("resolves a name by alias, case, accents and a typo, and cites every sentence that mentions it", () => {
    for (const typed of ["Mao Anying", "mao anying", "Máo Anyíng", "mao aning"]) expect(findEntity(sample, typed)?.name).toBe("Mao Anying");
    expect(findEntity(sample, "KCNA")?.name).toBe("Korean Central News Agency");
    const p = profile(sample, "mao anying")!;
    expect(p).toMatchObject({ name: "Mao Anying", type: "person" });
    expect(p.descriptions.join(" ")).toMatch(/son of Mao Zedong/);
    expect(p.sentences.map((s) => s.paragraph)).toEqual([3, 4]);
    for (const s of p.sentences) expect(s.text).toContain("Mao Anying");
  });

  it("returns null for what is not a name in the story", () => {
    expect(profile(sample, "sent flowers")).toBeNull();
    expect(profile(harbour, "Mao Anying")).toBeNull();
    expect(profile(harbour, "   ")).toBeNull();
  });
});

describe("validChoices", () => {
  it("keeps at most 25 distinct choices with names and values of 1 to 100 characters", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `choice ${i % 30} ${"word ".repeat(i)}`, value: `v${i % 30}` }));
    const out = validChoices([{ name: "", value: "x" }, { name: "long value", value: "y".repeat(101) }, ...many]);
    expect(out).toHaveLength(25);
    expect(new Set(out.map((c) => c.value)).size).toBe(25);
    for (const c of out) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
