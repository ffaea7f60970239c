/**
 * The engine fed arbitrary text (see hostile-text.ts): it never throws on a question, a summary
 * topic or a name; what it returns points at the story's own sentences; rendered for Discord, every
 * result fits Discord's limits and pings no one. Seeds are fixed so that CI is reproducible.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Stories } from "../../commands/stories-service.js";
import { validChoices } from "../../src/discord/autocomplete.js";
import { answer } from "../../src/engine/answer/answer.js";
import { answerAcross } from "../../src/engine/answer/answer-across.js";
import { findEntity, profileOf, searchEntities } from "../../src/engine/summary/profile.js";
import { suggest } from "../../src/engine/answer/suggest.js";
import { summarize, SUMMARY_LENGTHS, UnknownTopicError } from "../../src/engine/summary/summary.js";
import type { Story } from "../../src/engine/types.js";
import { answerReply } from "../../src/render/answer.js";
import { profileReply } from "../../src/render/profile.js";
import { summaryReply } from "../../src/render/summary.js";
import { replyProblems } from "./discord-payload.js";
import { loadTestStories } from "./drive-commands.js";
import { hostileText } from "./hostile-text.js";

let stories: Stories;
let all: Story[];
/** one of the loaded stories, by index */
let storyIndex: fc.Arbitrary<number>;

beforeAll(async () => {
  stories = await loadTestStories();
  all = stories.library.list();
  storyIndex = fc.nat(all.length - 1);
});

const run = (property: fc.IProperty<any>, numRuns: number) => fc.assert(property, { numRuns, seed: 6, endOnFailure: true });

/** The sentence `text` quotes, as it stands in the story (evidence is verbatim). */
function sentenceOf(story: Story, text: string) {
  return story.sentences.find((s) => s.text === text);
}

describe("the engine on arbitrary text", () => {
  it("answer(): never throws; the evidence is a sentence of the story with its own ¶; the reply fits Discord and pings no one", () => {
    run(
      fc.property(hostileText, storyIndex, (question, i) => {
        const story = all[i]!;
        const a = answer(question, story);
        expect(a.answer === null || (typeof a.answer === "string" && a.answer.trim() !== "")).toBe(true);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        if (a.evidence) expect(sentenceOf(story, a.evidence)?.paragraph, a.evidence).toBe(a.paragraph);
        else expect(a.answer).toBeNull();
        expect(replyProblems(answerReply(a, story))).toEqual([]);
      }),
      1000,
    );
  });

  it("answerAcross(): never throws and answers from a loaded story", () => {
    run(
      fc.property(hostileText, (question) => {
        const a = answerAcross(question, stories.library);
        expect(stories.library.ids()).toContain(a.story);
      }),
      300,
    );
  });

  it("summarize() about any text: a summary of the story's own sentences, or an UnknownTopicError; either reply fits", () => {
    run(
      fc.property(hostileText, storyIndex, fc.constantFrom(...SUMMARY_LENGTHS), (about, i, length) => {
        const story = all[i]!;
        let summary;
        try {
          summary = summarize(story, { length, about });
        } catch (err) {
          expect(err).toBeInstanceOf(UnknownTopicError);
          return;
        }
        // the text may carry a resolved date ("on Saturday (13 Apr 2019)"), the paragraph is the sentence's own
        for (const s of summary.sentences) expect(story.sentences[s.sentence]?.paragraph).toBe(s.paragraph);
        expect(replyProblems(summaryReply(summary, story))).toEqual([]);
      }),
      500,
    );
  });

  it("searchEntities(), findEntity() and profiles: only the story's own entities, and a profile reply that fits", () => {
    run(
      fc.property(hostileText, storyIndex, (name, i) => {
        const story = all[i]!;
        const found = searchEntities(story, name);
        expect(found.length).toBeLessThanOrEqual(25);
        for (const e of found) expect(story.entities).toContain(e);
        const entity = findEntity(story, name);
        if (!entity) return;
        expect(story.entities).toContain(entity);
        expect(replyProblems(profileReply(profileOf(story, entity), story))).toEqual([]);
      }),
      1000,
    );
  });

  it("suggest(): question texts that make valid Discord autocomplete choices", () => {
    run(
      fc.property(hostileText, storyIndex, (typed, i) => {
        const questions = suggest(all[i]!, typed);
        for (const q of questions) expect(typeof q).toBe("string");
        const choices = validChoices(questions.map((q) => ({ name: q, value: q })));
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
      500,
    );
  });
});
