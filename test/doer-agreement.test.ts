/**
 * "When did Harbour win the cup?" of a story where Harbour is beaten in the sentence that has a
 * year: the question's doer stands on the other side of that sentence's verb. The abstainer and the
 * ranker see it as a feature of the sentence (s_doer_agrees), and where a place hangs inside the
 * matched noun's own phrase as another (c_under_match), and a name beside a description holding the
 * question's words as a third (c_appos_match). Two more of the sentence: whether it gives the
 * question's year or another (s_number_differs), and whose the asked-for role is (s_owner_agrees).
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { F } from "../src/engine/answer/features.js";

const story = ingestText(
  [
    "Harbour win the cup at last",
    "KESTREL, May 4 (Coast Courier) - Harbour won the county cup on Saturday, beating Millbrook in the final at Rowan Park.",
    "Millbrook last won the cup in 1998, when they beat Harbour in a replay.",
    "The club rebuilt the stand of the old ground in Kestrel in 2015.",
    "Goals came from Ola Berg, the league's top scorer, and from a corner taken by the captain, Femi Ade.",
    "After the final, the mayor gave the trophy to Ade in front of the stand.",
    "Harbour's chairman, Rui Costa, opened the new stand in 2016.",
  ].join("\n\n"),
  "cup",
);

function sentenceFeature(question: string, fragment: string, feature: number): number | undefined {
  const { pool } = analyseQuestion(parse(question, story), story);
  return pool.find((p) => p.evidence.sentence.text.includes(fragment))?.features[feature];
}

describe("the question's doer in the evidence sentence", () => {
  it("agrees where the question's subject is the sentence's subject", () => {
    expect(sentenceFeature("When did Harbour win the cup?", "Harbour won the county cup", F.s_doer_agrees)).toBe(1);
    expect(sentenceFeature("When did Millbrook win the cup?", "Millbrook last won", F.s_doer_agrees)).toBe(1);
  });

  it("disagrees where the question's subject stands there only as the one done to", () => {
    expect(sentenceFeature("When did Harbour win the cup?", "Millbrook last won", F.s_doer_agrees)).toBe(-1);
  });

  it("disagrees where the question's subject stands there only beside the verb", () => {
    const gave = "gave the trophy to Ade";
    expect(sentenceFeature("Who did Ade give the trophy to?", gave, F.s_doer_agrees)).toBe(-1);
    expect(sentenceFeature("Who gave the trophy to Ade?", gave, F.s_doer_agrees)).toBe(1);
  });
});

describe("whose the asked-for role is", () => {
  const chairman = "chairman, Rui Costa";
  it("agrees where the sentence names the question's owner of the noun", () => {
    expect(sentenceFeature("Who is Harbour's chairman?", chairman, F.s_owner_agrees)).toBe(1);
  });

  it("disagrees where the sentence gives the noun another owner", () => {
    expect(sentenceFeature("Who is Millbrook's chairman?", chairman, F.s_owner_agrees)).toBe(-1);
  });

  it("says nothing where the question names no owner", () => {
    expect(sentenceFeature("Who opened the new stand?", chairman, F.s_owner_agrees)).toBe(0);
  });
});

describe("a number of the question the sentence gives otherwise", () => {
  it("is marked where the sentence has another year in its place", () => {
    expect(sentenceFeature("Who rebuilt the stand in 2014?", "rebuilt the stand", F.s_number_differs)).toBe(1);
  });

  it("is not marked where the sentence has the question's own year, or no year at all", () => {
    expect(sentenceFeature("Who rebuilt the stand in 2015?", "rebuilt the stand", F.s_number_differs)).toBe(0);
    expect(sentenceFeature("Who rebuilt the stand?", "rebuilt the stand", F.s_number_differs)).toBe(0);
    expect(sentenceFeature("Who took the corner in 2014?", "a corner taken by", F.s_number_differs)).toBe(0);
  });
});

describe("a span inside the matched noun's phrase", () => {
  it("counts the steps up to the matched noun, and is far when the span hangs elsewhere", () => {
    const { pool } = analyseQuestion(parse("Where is the old ground?", story), story);
    const of = (text: string) => pool.find((p) => p.c.text === text && p.evidence.sentence.text.includes("stand of the old ground"))?.features[F.c_under_match];
    expect(of("Kestrel")).toBeLessThan(4);
    expect(of("club")).toBe(8);
  });
});

describe("a name beside the question's description", () => {
  const beside = (question: string) => analyseQuestion(parse(question, story), story).pool.filter((p) => p.features[F.c_appos_match] === 1).map((p) => p.c.text);

  it("is marked after the name ('Ola Berg, the league's top scorer') and before it ('the captain, Femi Ade')", () => {
    expect(beside("Who was the league's top scorer?")).toContain("Ola Berg");
    expect(beside("Who was the captain?")).toContain("Femi Ade");
  });

  it("is not marked for a name the description does not stand beside", () => {
    expect(beside("Who was the league's top scorer?")).not.toContain("Femi Ade");
    expect(beside("Who was the captain?")).not.toContain("Ola Berg");
  });
});
