import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer } from "../src/engine/answer/answer.js";
import { parse } from "../src/engine/answer/analysis.js";
import { poolOf } from "../src/engine/answer/pool.js";
import { ingestText } from "../src/engine/story/ingest.js";

const read = (name: string) => readFileSync(new URL(`./fixtures/scale/${name}`, import.meta.url), "utf8");
const fresh = () => ingestText(read("ferry-strike-2022-03-04.txt"), "ferry-strike-2022-03-04");
const QUESTIONS = [
  "Who announced the ferry pay agreement?",
  "When did the strike end?",
  "How many crew members walked out?",
  "Why did the crews strike?",
  "Where do the ferries sail from?",
  "Which union represents the crews?",
];

describe("candidate pools kept for the next question", () => {
  it("gives questions alike in what shapes a pool the same pool, and a why-question or an asked-for noun their own", () => {
    const story = fresh();
    const sentence = story.sentences[1]!;
    const who = poolOf(parse("Who announced the agreement?", story), story, sentence);
    expect(poolOf(parse("When was the deal signed?", story), story, sentence)).toBe(who);
    expect(poolOf(parse("Why did the crews strike?", story), story, sentence)).not.toBe(who);
    expect(poolOf(parse("How many crew members walked out?", story), story, sentence)).not.toBe(who);
  });

  it("answers every question as it would have first, whatever was asked before it", () => {
    const firstAsked = QUESTIONS.map((q) => answer(q, fresh()));
    const story = fresh();
    const inTurn = [...QUESTIONS].reverse().map((q) => answer(q, story)).reverse();
    const again = QUESTIONS.map((q) => answer(q, story));
    expect(inTurn).toEqual(firstAsked);
    expect(again).toEqual(firstAsked);
  });
});
