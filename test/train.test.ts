/**
 * `npm run train`, end to end on a few hundred candidate rows: the engine extracts the features,
 * LightGBM fits the ranker and the abstainer (python3 with lightgbm), and the model it writes loads
 * and ranks the candidates of questions it never saw better than chance. Uses a slice of
 * ../shared/train when it is there, else the project's own small question set.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ingestText, loadModel } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { goldAnswers, readRows, sample, type QaRow } from "../scripts/train/qa-data.js";
import { bestF1 } from "../scripts/train/squad-metrics.js";
import { train } from "../scripts/train/train.js";

const SHARED = fileURLToPath(new URL("../../shared/train/squadshifts-new-wiki.jsonl", import.meta.url));
const FIXTURE = fileURLToPath(new URL("fixtures/qa/pipeline-qa.jsonl", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "storybot-train-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Training questions, and answerable questions of other paragraphs to judge the model on. */
function data(): { trainFile: string; heldOut: QaRow[] } {
  if (!existsSync(SHARED)) {
    const rows = readRows(FIXTURE);
    // the fixture's articles: two to train on, the third held out
    const held = rows.filter((r) => r.title === "glacier");
    const file = join(dir, "fixture-train.jsonl");
    writeFileSync(file, rows.filter((r) => r.title !== "glacier").map((r) => JSON.stringify(r)).join("\n") + "\n");
    return { trainFile: file, heldOut: held.filter((r) => r.accept) };
  }
  const rows = readRows(SHARED);
  const picked = new Set(sample(rows, 300));
  const file = join(dir, "slice.jsonl");
  writeFileSync(file, [...picked].map((r) => JSON.stringify(r)).join("\n") + "\n");
  const usedContexts = new Set([...picked].map((r) => r.context));
  const heldOut = sample(rows.filter((r) => r.accept && !usedContexts.has(r.context)), 120);
  return { trainFile: file, heldOut };
}

describe("npm run train", () => {
  const { trainFile, heldOut } = data();
  const out = join(dir, "model.bin");
  const lines: string[] = [];

  it("trains a model from questions and writes a file the engine loads", () => {
    train({ data: trainFile, out, quick: true, log: (l) => lines.push(l) });
    expect(existsSync(out)).toBe(true);
    const model = loadModel(out);
    expect(model.threshold).toBeGreaterThanOrEqual(0);
    expect(model.threshold).toBeLessThanOrEqual(1);
    expect(lines.join("\n")).toMatch(/ceiling: some candidate has F1 >= 0\.5 for \d/);
  }, 240_000);

  it("ranks the candidates of questions it never saw better than chance", () => {
    const model = loadModel(out);
    let top = 0;
    let chance = 0;
    let asked = 0;
    const stories = new Map<string, ReturnType<typeof ingestText>>();
    for (const r of heldOut) {
      const story = stories.get(r.context) ?? ingestText(r.context + "\n", `held-${stories.size}`);
      stories.set(r.context, story);
      const { pool } = analyseQuestion(parse(r.q, story), story);
      if (!pool.length) continue;
      const golds = goldAnswers(r);
      const f1s = pool.map((p) => bestF1(p.c.text, golds));
      const scores = pool.map((p) => model.rank(p.features));
      top += f1s[scores.indexOf(Math.max(...scores))]!;
      chance += f1s.reduce((a, b) => a + b, 0) / f1s.length;
      asked++;
    }
    expect(asked).toBeGreaterThan(10);
    // the mean F1 of the ranker's first choice against that of a candidate drawn at random
    expect(top / asked).toBeGreaterThan(2 * (chance / asked));
  }, 120_000);

  it("writes the same model from the same data (fixed seeds)", () => {
    const again = join(dir, "again.bin");
    train({ data: trainFile, out: again, quick: true, log: () => {} });
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  }, 240_000);
});
