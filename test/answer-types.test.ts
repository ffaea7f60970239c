/**
 * What a question's kind rules out before the ranker sees a pool, and what a count counts: "where"
 * is never answered with an hour, "who" never with a day, "when" never with a person; "how many" is
 * the question's own phrase; a count that leaves its noun out counts the noun of the count before it;
 * a count of things is never a number that counts time.
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { countedNoun } from "../src/engine/answer/signals.js";

const story = ingestText(
  [
    "Storm floods coastal towns",
    "HALDEN, Norvia, May 3 (Coast Wire) - A storm hit the coast at 4:20 a.m. on Friday near the town of Vik, killing at least 12 people and injuring more than 90, police chief Anna Berg said.",
    "She said on Saturday that 30 houses had been destroyed.",
    "The council will hold a meeting in Vik next Tuesday.",
    "The harbour wall, built 40 years ago, held for six hours.",
  ].join("\n\n"),
  "storm",
);

const poolOf = (question: string) => analyseQuestion(parse(question, story), story).pool.map((p) => p.c);

describe("types a question's kind rules out", () => {
  it("keeps numbers that count time out of a count of things, not out of a count of time", () => {
    const texts = (question: string) => poolOf(question).filter((c) => c.type === "number").map((c) => c.text);
    expect(texts("How many storms did the harbour wall hold against?")).not.toContain("40");
    expect(texts("How many storms did the harbour wall hold against?")).not.toContain("six");
    expect(texts("How many hours did the harbour wall hold?")).toContain("six");
    expect(texts("How many years ago was the harbour wall built?")).toContain("40");
  });

  it("keeps dates and numbers out of a 'where' pool, and reads a time of day as a date", () => {
    expect(poolOf("Where did the storm hit?").some((c) => c.type === "date" || c.type === "number")).toBe(false);
    expect(poolOf("When did the storm hit?").find((c) => c.text.startsWith("4:20"))?.type).toBe("date");
  });

  it("never runs a noun phrase into a date", () => {
    const texts = poolOf("Where will the council hold a meeting?").map((c) => c.text);
    expect(texts).toContain("Vik");
    expect(texts.some((t) => t.includes("Vik") && t.includes("Tuesday"))).toBe(false);
  });

  it("keeps dates out of a 'who' pool and people out of a 'when' pool", () => {
    expect(poolOf("Who said 30 houses had been destroyed?").some((c) => c.type === "date")).toBe(false);
    const when = poolOf("When did police chief Anna Berg speak?");
    expect(when.some((c) => c.type === "person" || c.type === "place" || c.type === "organisation")).toBe(false);
    expect(when.some((c) => c.type === "date")).toBe(true);
  });
});

describe("what a count counts", () => {
  it("does not ask the story for the 'many' of 'how many'", () => {
    expect(parse("How many people were injured?", story).terms.map((t) => t.word)).toEqual(["people", "injured"]);
  });

  it("gives a count without its noun the noun of the count it is joined to", () => {
    const sentence = story.sentences.find((s) => s.text.includes("injuring"))!;
    const at = (text: string) => {
      const start = sentence.tokens.findIndex((t) => t.text === text);
      return { start, end: start + 1, text, type: "number" as const, note: null, canonical: null };
    };
    expect(countedNoun(sentence, at("12"))).toBe("people");
    expect(countedNoun(sentence, at("90"))).toBe("people");
  });
});
