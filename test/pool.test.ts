/**
 * A sentence's candidate pool, kept per sentence: the same pool for every question that wants the
 * same of it (its answer noun, whether it asks why), and the pool made afresh, word for word;
 * another pool where the question changes what a span reads as.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { parse } from "../src/engine/answer/analysis.js";
import { poolOf } from "../src/engine/answer/pool.js";

const story = ingestText(readFileSync(new URL("fixtures/ashford-bridge-2023-05-12.txt", import.meta.url), "utf8"), "ashford");
const sentence = story.sentences.find((s) => s.text.includes("about 300 residents"))!;
const texts = (pool: readonly { text: string }[]) => pool.map((c) => c.text);

describe("a sentence's pool", () => {
  it("is kept for questions that want the same of the sentence, and equals one made afresh", () => {
    const a = poolOf(parse("Who cut the ribbon?", story), story, sentence);
    const b = poolOf(parse("Who attended the ceremony on the bridge?", story), story, sentence);
    expect(b).toBe(a);
    // the same sentence in a story read again: nothing kept, the same spans in the same order
    const again = ingestText(readFileSync(new URL("fixtures/ashford-bridge-2023-05-12.txt", import.meta.url), "utf8"), "ashford");
    const fresh = poolOf(parse("Who cut the ribbon?", again), again, again.sentences[sentence.id]!);
    expect(fresh).not.toBe(a);
    expect(fresh).toEqual(a);
    expect(texts(a)).toContain("Mayor Dana Whitfield");
  });

  it("is its own where the question's answer noun changes what a number reads as", () => {
    const counted = poolOf(parse("How many residents attended the ceremony?", story), story, sentence);
    const plain = poolOf(parse("Who cut the ribbon?", story), story, sentence);
    // "about 300 residents" is a measure with its unit, unless the question already names the unit
    expect(texts(plain)).toContain("about 300 residents");
    expect(texts(counted)).not.toContain("about 300 residents");
    expect(poolOf(parse("How many residents came?", story), story, sentence)).toBe(counted);
  });
});
