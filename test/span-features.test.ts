/**
 * A span's own features (what it is and where it stands, whatever is asked), kept with the span:
 * they are every feature spanFeatures writes and no other, and a question's candidate rows are
 * the same whether they were kept from an earlier question or computed now.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { FEATURES, SPAN_FEATURES, spanFeatures } from "../src/engine/answer/features.js";
import { poolOf } from "../src/engine/answer/pool.js";

const text = readFileSync(new URL("fixtures/ashford-bridge-2023-05-12.txt", import.meta.url), "utf8");
const rows = (question: string, story: ReturnType<typeof ingestText>) => analyseQuestion(parse(question, story), story).pool.map((p) => [p.c.text, Array.from(p.features)]);

describe("a span's own features", () => {
  it("are exactly the features spanFeatures writes, each of them for every span", () => {
    const story = ingestText(text, "ashford");
    const written = new Set<number>();
    for (const sentence of story.sentences.slice(0, 6)) {
      for (const c of poolOf(parse("Who cut the ribbon?", story), story, sentence)) {
        const row = new Float32Array(FEATURES.length).fill(NaN);
        spanFeatures(story, sentence, c, row);
        const here = Array.from(row).flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
        expect(here.sort((a, b) => a - b)).toEqual([...SPAN_FEATURES].sort((a, b) => a - b));
        here.forEach((i) => written.add(i));
      }
    }
    expect(written.size).toBe(SPAN_FEATURES.length);
  });

  it("give a question the same rows whether kept from an earlier question or computed now", () => {
    const story = ingestText(text, "ashford");
    rows("Who designed the steel span for the council?", story);
    rows("When was the bridge built?", story);
    rows("Who attended the ceremony on the bridge?", story);
    const kept = rows("Who cut the ribbon at the ceremony?", story);
    const fresh = rows("Who cut the ribbon at the ceremony?", ingestText(text, "ashford"));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(fresh);
  });
});
