/** Sentence splitting and tokens (nlp.ts), and how ingest numbers sentences inside paragraphs. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText, type Story } from "../src/engine/index.js";
import { analyse } from "../src/engine/language/nlp.js";

const texts = (s: string) => analyse(s).map((x) => x.text);
const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");

describe("tokens", () => {
  it("splits \"I'm\" into a pronoun and a verb as every other contraction is, never a name", () => {
    const tokens = analyse("I'm sorry, but I’m sure they're right.")[0]!.tokens;
    expect(tokens.slice(0, 2).map((t) => [t.text, t.pos, t.lemma, t.start, t.end])).toEqual([["I", "PRON", "i", 0, 1], ["'m", "AUX", "be", 1, 3]]);
    expect(tokens.filter((t) => t.lemma === "be").map((t) => t.text)).toEqual(["'m", "’m", "'re"]);
    expect(ingestText("I'm sorry. I'm sure the council will agree.", "s").entities.map((e) => e.name)).not.toContain("I'm");
  });
});

describe("sentence splitting", () => {
  it("keeps a closing curly quote with the sentence it closes", () => {
    expect(texts("“We will rebuild,” she said. “It will take time.” The mayor agreed.")).toEqual([
      "“We will rebuild,” she said.",
      "“It will take time.”",
      "The mayor agreed.",
    ]);
    expect(texts("“We will never forget them.” Kim then left the cemetery.")).toEqual(["“We will never forget them.”", "Kim then left the cemetery."]);
  });

  it("keeps straight and single closing quotes with their sentence", () => {
    expect(texts('She said: "It is over." Then she went home.')).toEqual(['She said: "It is over."', "Then she went home."]);
    expect(texts("She called it ‘a disaster.’ The council disagreed.")).toEqual(["She called it ‘a disaster.’", "The council disagreed."]);
  });

  it("does not end a sentence at U.S. inside it", () => {
    expect(texts("The U.S. Army sent troops. They arrived at the base.")).toEqual(["The U.S. Army sent troops.", "They arrived at the base."]);
    expect(texts("He moved to the U.S. in 1990. Later he returned home.")).toEqual(["He moved to the U.S. in 1990.", "Later he returned home."]);
  });

  it("ends a sentence that ends with U.S. when a new sentence follows", () => {
    expect(texts("The troops went back to the U.S. The base closed a year later.")).toEqual(["The troops went back to the U.S.", "The base closed a year later."]);
  });

  it("does not end a sentence at month abbreviations (Oct., Jan., Sept.)", () => {
    expect(texts("They arrived on Oct. 12 at the base. Nobody met them.")).toEqual(["They arrived on Oct. 12 at the base.", "Nobody met them."]);
    expect(texts("The talks ended on Oct. 3, 2019, without a deal. Both sides left.")).toEqual(["The talks ended on Oct. 3, 2019, without a deal.", "Both sides left."]);
    expect(texts("Prices rose 3.5 per cent in Sept. It was the biggest rise since 2008.")).toEqual(["Prices rose 3.5 per cent in Sept.", "It was the biggest rise since 2008."]);
  });

  it("does not end a sentence at titles (Dr., Mr., Mrs., Gen., Sen., St.)", () => {
    expect(texts("Dr. Amara Osei led the team. She left at noon.")).toEqual(["Dr. Amara Osei led the team.", "She left at noon."]);
    expect(texts("Mr. Li met Mrs. Park at 3 p.m. on Friday. They talked for an hour.")).toEqual(["Mr. Li met Mrs. Park at 3 p.m. on Friday.", "They talked for an hour."]);
    expect(texts("Gen. Mark Ellis and Sen. Ruth Bell met in St. Louis on Jan. 5. The meeting was short.")).toEqual([
      "Gen. Mark Ellis and Sen. Ruth Bell met in St. Louis on Jan. 5.",
      "The meeting was short.",
    ]);
  });

  it("does not end a sentence at No. before a number", () => {
    expect(texts("She is the No. 2 official at the ministry. She joined in 2015.")).toEqual(["She is the No. 2 official at the ministry.", "She joined in 2015."]);
    expect(texts("Kim’s No. 2, Choe Ryong-hae, attended. Others stayed away.")).toEqual(["Kim’s No. 2, Choe Ryong-hae, attended.", "Others stayed away."]);
  });

  it("splits at question and exclamation marks, and keeps decimals and scores whole", () => {
    expect(texts("Is it over? Yes! It is.")).toEqual(["Is it over?", "Yes!", "It is."]);
    expect(texts("The bill passed 7-2. Opponents vowed to appeal.")).toEqual(["The bill passed 7-2.", "Opponents vowed to appeal."]);
  });

  it("keeps a quoted question with the speech verb that follows it", () => {
    expect(texts("“Why now?” he asked. Nobody answered.")).toEqual(["“Why now?” he asked.", "Nobody answered."]);
  });
});

describe("tokens", () => {
  const [s] = analyse("Dr. Amara Osei visited the U.S. embassy, where talks began.");

  it("keeps abbreviations as one token and gives offsets into the sentence", () => {
    expect(s).toBeDefined();
    const words = s!.tokens.map((t) => t.text);
    expect(words).toContain("Dr.");
    expect(words).toContain("U.S.");
    for (const t of s!.tokens) expect(s!.text.slice(t.start, t.end)).toBe(t.text);
  });

  it("keeps a word whole whose letters lie beyond Latin-1 (ğ, ł, ā, ř, ễ), with its own letters", () => {
    const [t] = analyse("Erdoğan met Dvořák in Łódź, and Nguyễn Phú Trọng flew to Whangārei in Hawaiʻi.");
    const names = t!.tokens.filter((x) => x.pos === "PROPN").map((x) => x.text);
    expect(names).toEqual(["Erdoğan", "Dvořák", "Łódź", "Nguyễn", "Phú", "Trọng", "Whangārei", "Hawaiʻi"]);
    for (const x of t!.tokens) expect(t!.text.slice(x.start, x.end)).toBe(x.text);
    expect(t!.tokens.find((x) => x.text === "Łódź")!.lemma).toBe("łódź");
    expect(t!.tokens.find((x) => x.text === "met")!.lemma).toBe("meet");
  });

  it("lemmatises irregular verbs and stems from the lemma", () => {
    const began = s!.tokens.find((t) => t.text === "began")!;
    expect(began.lemma).toBe("begin");
    expect(began.stem).toBe("begin");
    expect(began.pos).toBe("VERB");
    const talks = s!.tokens.find((t) => t.text === "talks")!;
    expect(talks.stem).toBe("talk");
  });
});

function checkInvariants(story: Story): void {
  story.sentences.forEach((s, i) => expect(s.id).toBe(i));
  expect(story.paragraphs.flatMap((p) => p.sentenceIds)).toEqual(story.sentences.map((s) => s.id));
  for (const p of story.paragraphs) {
    expect(p.sentenceIds.length).toBeGreaterThan(0);
    for (const id of p.sentenceIds) {
      const s = story.sentences[id]!;
      expect(s.paragraph).toBe(p.number);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
      // verbatim: a sentence is a piece of its paragraph, and its tokens are pieces of it
      expect(p.text).toContain(s.text);
      for (const t of s.tokens) expect(s.text.slice(t.start, t.end)).toBe(t.text);
    }
    // nothing of the paragraph is lost between its sentences
    const joined = p.sentenceIds.map((id) => story.sentences[id]!.text).join(" ");
    expect(joined.replace(/\s+/g, "")).toBe(p.text.replace(/\s+/g, ""));
  }
}

describe("sentences of an ingested story", () => {
  it("numbers sentences in order, each inside its paragraph, verbatim (default story)", () => {
    const story = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "kh");
    checkInvariants(story);
    // a paragraph that is one quoted sentence stays one sentence, with its closing quote
    const quote = story.paragraphs.find((p) => p.text.startsWith("“We will never forget"))!;
    expect(quote.sentenceIds).toHaveLength(1);
    expect(story.sentences[quote.sentenceIds[0]!]!.text).toBe("“We will never forget their noble souls and spirit of self-sacrifice.”");
    // the quote that opens ¶2 runs on to its attribution: one sentence
    const p2 = story.paragraphs[1]!;
    expect(p2.sentenceIds).toHaveLength(1);
    expect(story.sentences[p2.sentenceIds[0]!]!.text).toMatch(/^“Comrade Kim Jong-un visited .* said on Thursday\.$/);
  });

  it("splits an article with abbreviations and quotes into the right sentences", () => {
    const text = [
      "Hospital names new chief",
      "BOSTON, March 2, 2022 (Harbor Daily) — Dr. Amara Osei, a former U.S. Navy surgeon, was named chief of St. Brendan’s Hospital on Tuesday. She starts on Oct. 1.",
      "“I am honoured,” Osei said. “The No. 1 task is the new wing.” The board agreed.",
    ].join("\n\n");
    const story = ingestText(text, "hospital");
    checkInvariants(story);
    expect(story.sentences.map((s) => s.text)).toEqual([
      "Dr. Amara Osei, a former U.S. Navy surgeon, was named chief of St. Brendan’s Hospital on Tuesday.",
      "She starts on Oct. 1.",
      "“I am honoured,” Osei said.",
      "“The No. 1 task is the new wing.”",
      "The board agreed.",
    ]);
    expect(story.sentences.map((s) => s.paragraph)).toEqual([1, 1, 2, 2, 2]);
  });

  it("keeps the invariants on the engine's own test articles", () => {
    for (const f of ["fixtures/engine/coastal-cup-final-2019-04-14.txt", "fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"]) {
      const story = ingestText(read(f), f);
      checkInvariants(story);
      expect(story.sentences.length).toBe(story.paragraphs.length);
    }
  });
});
