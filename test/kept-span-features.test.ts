import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { F } from "../src/engine/answer/features.js";
import { ingestText } from "../src/engine/story/ingest.js";

const read = (name: string) => readFileSync(new URL(`./fixtures/scale/${name}`, import.meta.url), "utf8");
const fresh = () => ingestText(read("ferry-strike-2022-03-04.txt"), "ferry-strike-2022-03-04");
// alike in what shapes a pool (no asked-for noun, not why), so they share every sentence's pool
const QUESTIONS = ["Who announced the ferry pay agreement?", "When did the strike end?", "Where do the ferries sail from?", "Who called off the strike?"];

/** Every candidate's row, by sentence and span, for one question. */
function rows(question: string, story = fresh()): Map<string, number[]> {
  const a = analyseQuestion(parse(question, story), story);
  return new Map(a.pool.map((s) => [`${s.evidence.sentence.id}:${s.c.start}:${s.c.end}`, [...s.features]]));
}

describe("a span's own features, kept with its pool for the next question", () => {
  it("gives every question the rows it would have had first, whatever reached the story before it", () => {
    const first = QUESTIONS.map((q) => rows(q));
    const story = fresh();
    const later = [...QUESTIONS].reverse().map((q) => rows(q, story)).reverse();
    expect(later).toEqual(first);
  });

  it("still weighs the same span against each question: the rows of two questions differ where they match", () => {
    const story = fresh();
    const who = rows("Who announced the ferry pay agreement?", story);
    const when = rows("When did the strike end?", story);
    const shared = [...who.keys()].filter((k) => when.has(k));
    expect(shared.length).toBeGreaterThan(0);
    // the span's own part is the same for both
    const own = [F.c_tokens, F.c_chars, F.c_position, F.c_caps];
    for (const k of shared) for (const f of own) expect(when.get(k)![f]).toBe(who.get(k)![f]);
    // the part that weighs it against the question is not
    const weighed = [F.c_kind_fit, F.c_proximity, F.c_tree_match, F.c_echo];
    for (const f of weighed) expect(shared.some((k) => who.get(k)![f] !== when.get(k)![f])).toBe(true);
  });
});
