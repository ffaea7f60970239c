/**
 * "Who was the last king?" of a story that names only the first: the evidence sentence says the
 * opposite of a word of the question. WordNet's direct opposites feed the abstainer a feature, and
 * training makes such questions from answerable ones (scripts/train/stories.ts).
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { F } from "../src/engine/answer/features.js";
import { antonymsOf } from "../src/engine/language/wordnet.js";
import { askedForms } from "../scripts/train/stories.js";
import type { QaRow } from "../scripts/train/qa-data.js";

const story = ingestText(
  [
    "Old kingdom remembered",
    "WESSEX, May 2 (Downs Gazette) - The first king of the realm, Egbert, ruled from 802, and the war with Mercia began in 825.",
    "Egbert's grandson Alfred won the battle of Edington in 878.",
  ].join("\n\n"),
  "kingdom",
);

describe("WordNet's opposites", () => {
  it("gives a word's direct opposites, word to word", () => {
    expect(antonymsOf("first", "adj")).toContain("last");
    expect(antonymsOf("win", "verb")).toContain("lose");
    expect(antonymsOf("begin", "verb")).toContain("end");
    expect(antonymsOf("king", "noun")).not.toContain("last");
    expect(antonymsOf("zqxv", "adj")).toEqual([]);
  });
});

describe("the sentence that says the opposite", () => {
  const opposed = (question: string) => {
    const { pool } = analyseQuestion(parse(question, story), story);
    return pool.find((p) => p.evidence.sentence.text.includes("first king"))?.features[F.s_opposed];
  };

  it("is marked when it uses the opposite of a question's word and the question does not", () => {
    expect(opposed("Who was the last king of the realm?")).toBe(1);
    expect(opposed("When did the war with Mercia end?")).toBe(1);
  });

  it("is not marked when the question uses the sentence's own word", () => {
    expect(opposed("Who was the first king of the realm?")).toBe(0);
    expect(opposed("When did the war with Mercia begin?")).toBe(0);
  });
});

describe("training's questions with a word put for its opposite", () => {
  const row = (id: string, q: string, context: string, answer: string): QaRow => ({ id, source: "test", title: "Kingdom", context, q, accept: [[answer]] });
  const forms = (r: QaRow) => askedForms(Array.from({ length: 12 }, (_, i) => ({ ...r, id: `${r.id}-${i}` }))).filter((a) => a.form === "opposed");

  it("asks the opposite of a word the paragraph uses, as an unanswerable question of that paragraph", () => {
    const made = forms(row("k", "Who was the first king of the realm?", "The first king of the realm was Egbert.", "Egbert"));
    expect(made.length).toBeGreaterThan(0);
    for (const a of made) {
      expect(a.question).toBe("Who was the last king of the realm?");
      expect(a.golds).toEqual([]);
      expect(a.text).toBe("The first king of the realm was Egbert.");
    }
  });

  it("puts no word for an opposite the paragraph uses, nor for a word of a name", () => {
    const both = forms(row("b", "Who was the first king of the realm?", "The first king was Egbert; the last was Harold.", "Egbert"));
    expect(both.length).toBeGreaterThan(0);
    for (const a of both) expect(a.question).toBe("Who was the first queen of the realm?");
    expect(forms(row("n", "Who wrote the Victory March?", "Shea wrote the Victory March.", "Shea"))).toEqual([]);
  });
});
