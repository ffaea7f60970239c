/**
 * Features of every candidate of every training question, computed by the engine itself
 * (analyseQuestion), written for the learner: a float32 matrix (one row a candidate, FEATURES
 * columns), a table of each candidate's question and F1 against the gold answers, and a table of
 * the questions.
 */
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ingestText, StoryFormatError, type Story } from "../../src/engine/index.js";
import { analyseQuestion, parse } from "../../src/engine/answer/analysis.js";
import { directAnswer } from "../../src/engine/answer/direct.js";
import { FEATURES } from "../../src/engine/answer/features.js";
import { placed } from "../../src/engine/answer/pool-view.js";
import { answerName } from "../../src/engine/answer/rendering.js";
import { createHash } from "node:crypto";
import { articleOf, splitRows } from "./qa-data.js";
import { bestF1, exactMatch } from "./squad-metrics.js";
import type { Asked } from "./stories.js";

export interface Extracted {
  questions: number;
  candidates: number;
  /** questions with some candidate whose F1 with a gold answer is at least 0.5, and exactly right */
  ceiling: { f1: number; exact: number; answerable: number };
}

function readable(text: string, id: string): Story | null {
  try {
    return ingestText(text + "\n", id);
  } catch (e) {
    if (e instanceof StoryFormatError) return null;
    throw e;
  }
}

export function extract(asked: readonly Asked[], dir: string, log: (line: string) => void): Extracted {
  const matrix = openSync(join(dir, "features.f32"), "w");
  const candidates: string[] = ["query\tf1\texact\tsentence\tstart\tend\tkey"];
  const queries: string[] = ["query\tsplit\tform\tanswerable\tkind\tid\tarticle"];
  // grouped by story text, so each story is ingested once and dropped after its questions
  const byText = new Map<string, Asked[]>();
  for (const a of asked) byText.set(a.text, [...(byText.get(a.text) ?? []), a]);
  const splits = splitRows([...new Set(asked.map((a) => a.row))]);
  let query = 0;
  let rows = 0;
  const ceiling = { f1: 0, exact: 0, answerable: 0 };
  let done = 0;
  let unreadable = 0;
  const started = Date.now();
  for (const [text, group] of byText) {
    const story = readable(text, `s${done}`);
    done++;
    if (!story) {
      unreadable++;
      continue;
    }
    for (const a of group) {
      const q = parse(a.question ?? a.row.q, story);
      // questions about the article itself are answered by rule, not ranked
      if (directAnswer(q, story)) continue;
      const { pool } = analyseQuestion(q, story);
      const buffer = new Float32Array(pool.length * FEATURES.length);
      let best = 0;
      let exact = false;
      pool.forEach((p, i) => {
        buffer.set(p.features, i * FEATURES.length);
        // judged by what the reader would see: "Kim" answers as "Kim Jong-un"
        const name = answerName(p.c);
        const f = a.golds.length ? bestF1(name, a.golds) : 0;
        const e = a.golds.length ? exactMatch(name, a.golds) : false;
        best = Math.max(best, f);
        exact ||= e;
        const at = placed(p);
        candidates.push(`${query}\t${f.toFixed(4)}\t${e ? 1 : 0}\t${at.sentence}\t${at.start}\t${at.end}\t${at.key.replace(/\s+/g, " ")}`);
      });
      writeSync(matrix, new Uint8Array(buffer.buffer));
      rows += pool.length;
      if (a.golds.length) {
        ceiling.answerable++;
        if (best >= 0.5) ceiling.f1++;
        if (exact) ceiling.exact++;
      }
      queries.push(`${query}\t${splits.get(a.row)}\t${a.form}\t${a.golds.length ? 1 : 0}\t${q.kind}\t${a.row.id}\t${createHash("sha1").update(articleOf(a.row)).digest("hex").slice(0, 12)}`);
      query++;
    }
    if (done % 500 === 0) log(`  ${done}/${byText.size} stories, ${query} questions, ${rows} candidates (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  closeSync(matrix);
  if (unreadable) log(`  ${unreadable} stories the engine refuses (no article text) were left out`);
  writeFileSync(join(dir, "candidates.tsv"), candidates.join("\n") + "\n");
  writeFileSync(join(dir, "queries.tsv"), queries.join("\n") + "\n");
  writeFileSync(join(dir, "features.json"), JSON.stringify(FEATURES));
  return { questions: query, candidates: rows, ceiling };
}
