/**
 * "She said on Tuesday that rescuers had pulled 58 people alive": the pronoun is a candidate that
 * answers with the person named before it.
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { pronounCandidates } from "../src/engine/answer/pronouns.js";

const story = ingestText(
  [
    "Flood defences hold as river peaks",
    "DORVAL, April 2 (River Wire) - Engineer Tove Marsh said the new flood wall held overnight as the river rose.",
    "She said on Tuesday that her team had checked every gate. The mayor thanked her.",
    "Crews worked through the night. The council said he would visit on Friday.",
  ].join("\n\n"),
  "flood",
);

const sentence = (fragment: string) => story.sentences.find((s) => s.text.includes(fragment))!;

describe("person pronouns as candidates", () => {
  it("stand for the person named last before them, in the sentences before", () => {
    const found = pronounCandidates(story, sentence("She said on Tuesday"));
    expect(found.map((c) => [c.text, c.canonical, c.type])).toEqual([["She", "Tove Marsh", "person"]]);
  });

  it("take 'her' as a person only where no noun follows it", () => {
    expect(pronounCandidates(story, sentence("The mayor thanked her")).map((c) => c.text)).toEqual(["her"]);
    expect(pronounCandidates(story, sentence("She said on Tuesday")).some((c) => c.text === "her")).toBe(false);
  });

  it("look back no further than two sentences", () => {
    expect(pronounCandidates(story, sentence("he would visit on Friday"))).toEqual([]);
  });

  it("are no answer to a question that says 'he' or 'she' itself", () => {
    const pool = (question: string) => analyseQuestion(parse(question, story), story).pool.map((p) => p.c.text);
    expect(pool("Who said the wall held?")).toContain("She");
    expect(pool("What did she say about the gates?")).not.toContain("She");
  });
});
