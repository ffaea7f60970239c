/**
 * Regression floor for answer quality: test/questions/engine-regression.jsonl, questions written for
 * the engine's own tests about the default story and two articles in test/fixtures/engine/, run
 * through answer().
 *
 * A line is {question, story, expect}: `story` is a path from the repo root or an id in
 * data/stories/; `expect` lists accepted phrases (any one will do), or null when the story does not
 * answer the question and the engine must abstain.
 *
 * An answerable question is a hit when the answer is a short span (at most MAX_WORDS words, the
 * date resolution in brackets not counted) holding one accepted phrase as whole words (case,
 * punctuation and hyphens ignored). A whole clause that happens to contain the name is a miss.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { answer, ingestText, storyIdFromFile, type Answer, type Story } from "../src/engine/index.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const SET = join(ROOT, "test/questions/engine-regression.jsonl");
const MAX_WORDS = 10;

/**
 * Measured now, with the learned model over six evidence sentences and the answer read off the
 * story's descriptions of names ("who is the president?"): 64 of 71 answerable questions (90.1%;
 * the hand-tuned scorer the model replaced had 66, several of its rules written against these very
 * questions). The floor leaves room for two answers lost to a retraining's noise (62/71, 87.3%),
 * not three (61/71, 85.9%); raise it when the engine improves.
 */
const HIT_RATE_FLOOR = 0.87;

/**
 * Unanswerable questions the engine answers anyway today: it does not abstain when the question
 * names things the story mentions but asks for a fact the story lacks, and the abstainer, learned
 * from questions about Wikipedia paragraphs, is too sure of such answers. Each is an `it.fails`, so
 * that a fix shows up as a failure to remove from this list.
 */
const KNOWN_FALSE_ANSWERS = new Set([
  "Who refereed the final?",
  // a date of another event, for a birth the story never mentions
  "When was Alys Morgan born?",
  // "bear" (born) is taken in its sense "accept", which the story uses
  "When was Tomas Aaltonen born?",
  // the fire's name, for who started it (its cause is under investigation)
  "Who started the fire?",
  // the report's Thursday for a visit the story never dates
  "When will Kim Jong-un visit Beijing?",
  // "he" (Xi, who visited it) for who designed it, the story never saying: 0.27, at the threshold
  "Who designed the exhibition in Beijing?",
]);

interface Line {
  question: string;
  story: string;
  expect: string[] | null;
}

function storyPath(ref: string): string {
  if (/[/\\]/.test(ref) || /\.(?:txt|md)$/i.test(ref)) return resolve(ROOT, ref);
  const txt = join(ROOT, "data/stories", `${ref}.txt`);
  return existsSync(txt) ? txt : join(ROOT, "data/stories", `${ref}.md`);
}

const stories = new Map<string, Story>();
function storyFor(ref: string): Story {
  const path = storyPath(ref);
  let story = stories.get(path);
  if (!story) {
    story = ingestText(readFileSync(path, "utf8"), storyIdFromFile(path), path);
    stories.set(path, story);
  }
  return story;
}

function norm(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** The answer without the resolution shown beside a relative date: "Monday (19 Oct 2020)" → "Monday". */
function bare(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*$/, "");
}

export function isHit(a: Answer, accepted: string[]): boolean {
  if (a.answer === null) return false;
  const words = bare(a.answer).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return accepted.some((phrase) => norm(a.answer!).includes(norm(phrase)));
}

const lines: Line[] = readFileSync(SET, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);

describe("the engine's regression question set", () => {
  it("is well formed: a question, a story that exists, and accepted phrases or null", () => {
    expect(lines.length).toBeGreaterThanOrEqual(40);
    for (const l of lines) {
      expect(typeof l.question).toBe("string");
      expect(l.question.trim()).not.toBe("");
      expect(existsSync(storyPath(l.story)), `${l.story} for "${l.question}"`).toBe(true);
      if (l.expect !== null) {
        expect(Array.isArray(l.expect)).toBe(true);
        expect(l.expect.length).toBeGreaterThan(0);
        for (const p of l.expect) expect(norm(p).trim()).not.toBe("");
      }
    }
    const refs = new Set(lines.map((l) => storyPath(l.story)));
    expect(refs.size).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.expect === null).length).toBeGreaterThanOrEqual(5);
    expect(new Set(lines.map((l) => l.question)).size).toBe(lines.length);
  });

  it("counts a short span holding an accepted phrase as a hit, and nothing else", () => {
    const a = (answer: string | null): Answer => ({ question: "q", answer, kind: "who", confidence: 1, evidence: "", paragraph: 1, story: "s" });
    expect(isHit(a("Kim Jong-un"), ["Kim Jong-un"])).toBe(true);
    expect(isHit(a("Monday (19 Oct 2020)"), ["Monday"])).toBe(true);
    expect(isHit(a("the Korean Central News Agency’s report"), ["Korean Central News Agency"])).toBe(true);
    expect(isHit(a("Kim"), ["Kim Jong-un"])).toBe(false);
    expect(isHit(a("Kimberley"), ["Kim"])).toBe(false);
    expect(isHit(a(null), ["Kim"])).toBe(false);
    expect(isHit(a("North Korean leader Kim Jong-un visited the graves of Chinese soldiers who joined the Korean War"), ["Kim Jong-un"])).toBe(false);
  });

  const answerable = lines.filter((l): l is Line & { expect: string[] } => l.expect !== null);

  it(`answers at least ${HIT_RATE_FLOOR * 100}% of the answerable questions with a short span holding the answer`, () => {
    const misses: string[] = [];
    let hits = 0;
    for (const l of answerable) {
      const a = answer(l.question, storyFor(l.story));
      if (isHit(a, l.expect)) hits++;
      else misses.push(`  ${l.question}  [${l.story}]\n    expected ${JSON.stringify(l.expect)}, got ${JSON.stringify(a.answer)} (¶${a.paragraph}, confidence ${a.confidence})`);
    }
    const rate = hits / answerable.length;
    console.log(`engine-regression: ${hits}/${answerable.length} answerable questions hit (${(rate * 100).toFixed(1)}%)${misses.length ? `; misses:\n${misses.join("\n")}` : ""}`);
    expect(rate).toBeGreaterThanOrEqual(HIT_RATE_FLOOR);
  });

  describe("abstains on every question its story does not answer", () => {
    for (const l of lines.filter((x) => x.expect === null)) {
      const run = KNOWN_FALSE_ANSWERS.has(l.question) ? it.fails : it;
      run(`${l.question} [${l.story}]`, () => {
        const a = answer(l.question, storyFor(l.story));
        expect(a.answer, `answered ${JSON.stringify(a.answer)} from ¶${a.paragraph}`).toBeNull();
      });
    }
  });

  it("lists as known false answers only questions of the set that expect no answer", () => {
    for (const q of KNOWN_FALSE_ANSWERS) expect(lines.find((l) => l.question === q)?.expect).toBeNull();
  });
});
