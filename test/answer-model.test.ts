/**
 * The answer model file: the one the repository ships loads and its TypeScript evaluation gives what
 * LightGBM computed for the same rows (the file carries them as checks); a damaged or foreign file
 * is refused with a message that says what is wrong; STORYBOT_MODEL and the confidence settings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { answer, answerModel, DEFAULT_MODEL_FILE, ingestText, loadModel, ModelError, parseMinConfidence, SettingError } from "../src/engine/index.js";
import { ABSTAINER_EXTRA, scoreByCascade } from "../src/engine/answer/model/answer-model.js";
import { pack } from "../src/engine/answer/model/trees.js";
import { FEATURES } from "../src/engine/answer/features.js";

const dir = mkdtempSync(join(tmpdir(), "storybot-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, "utf8"));

function variant(name: string, change: (m: typeof shipped) => void): string {
  const m = structuredClone(shipped);
  change(m);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(m));
  return file;
}

describe("the shipped answer model", () => {
  it("evaluates its trees exactly as LightGBM did", () => {
    const model = loadModel(DEFAULT_MODEL_FILE);
    expect(shipped.checks.ranker.length).toBeGreaterThan(5);
    for (const c of shipped.checks.ranker) expect(model.rank(Float32Array.from(c.x))).toBeCloseTo(c.score, 9);
    for (const c of shipped.checks.abstainer) expect(model.probability(Float32Array.from(c.x))).toBeCloseTo(c.p, 9);
  });

  it("was trained on the features this engine computes", () => {
    expect(shipped.features).toEqual([...FEATURES]);
    expect(shipped.abstainer.features).toEqual([...FEATURES, ...ABSTAINER_EXTRA]);
  });
});

describe("the ranker's cascade", () => {
  const model = loadModel(DEFAULT_MODEL_FILE);
  const rows = shipped.checks.ranker.map((c: { x: number[] }) => Float32Array.from(c.x));
  const full = rows.map((x: Float32Array) => model.rank(x));
  const ensemble = pack(shipped.ranker.trees);

  it("gives the full score to its finalists and keeps every other candidate below them", () => {
    const { scores, best } = scoreByCascade(ensemble, rows, { trees: 5, finalists: 3 });
    const finalists = scores.map((_, i) => i).filter((i) => Math.abs(scores[i]! - full[i]!) < 1e-9);
    expect(finalists.length).toBeGreaterThanOrEqual(3);
    expect(finalists).toContain(best);
    const lowest = Math.min(...finalists.map((i) => scores[i]!));
    scores.forEach((s, i) => { if (!finalists.includes(i)) expect(s).toBeLessThan(lowest); });
  });

  it("is the whole ensemble when every candidate is a finalist, or when the model has no cascade", () => {
    const top = full.indexOf(Math.max(...full));
    for (const cascade of [{ trees: 5, finalists: rows.length }, undefined]) {
      const { scores, best } = scoreByCascade(ensemble, rows, cascade);
      scores.forEach((s, i) => expect(s).toBeCloseTo(full[i]!, 9));
      expect(best).toBe(top);
    }
  });
});

describe("a model file that cannot be used", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", (() => { const f = join(dir, "garbage.json"); writeFileSync(f, "{ trees: "); return f; })(), /not a model file \(not JSON\)/],
    ["another format", variant("other.json", (m) => { m.format = "xgboost"; }), /is not a storybot-answer-model v1 file/],
    ["other features", variant("features.json", (m) => { m.features = m.features.slice(1); }), /trained on other features .* retrain it with npm run train/],
    ["a tree pointing nowhere", variant("tree.json", (m) => { m.ranker.trees[0].l[0] = 10_000; }), /a tree is malformed/],
    ["a feature index out of range", variant("index.json", (m) => { m.abstainer.trees[0].f[0] = 9_999; }), /a tree is malformed/],
    ["a cascade of no trees", variant("cascade.json", (m) => { m.ranker.cascade = { trees: 0, finalists: 4 }; }), /cascade must give whole numbers/],
    ["a threshold above 1", variant("threshold.json", (m) => { m.threshold = 3; }), /threshold must be between 0 and 1/],
    ["a missing file", join(dir, "nowhere.json"), /cannot read the answer model .*nowhere\.json/],
  ];
  for (const [what, file, message] of cases) {
    it(`is refused with a clear message: ${what}`, () => {
      expect(() => loadModel(file)).toThrowError(ModelError);
      expect(() => loadModel(file)).toThrowError(message);
    });
  }
});

describe("settings", () => {
  const story = ingestText(readFileSync(new URL("fixtures/ashford-bridge-2023-05-12.txt", import.meta.url), "utf8"), "ashford");
  afterEach(() => {
    delete process.env.STORYBOT_MODEL;
    delete process.env.STORYBOT_MIN_CONFIDENCE;
  });

  it("answers with the model STORYBOT_MODEL names", () => {
    const copy = variant("copy.json", () => {});
    process.env.STORYBOT_MODEL = copy;
    expect(answerModel().file).toBe(copy);
    process.env.STORYBOT_MODEL = join(dir, "absent.json");
    expect(() => answerModel()).toThrowError(/cannot read the answer model/);
  });

  it("always answers at a minimum confidence of 0 and never at 1", () => {
    const q = "Who cut the ribbon at the ceremony?";
    const open = answer(q, story, { minConfidence: 0 });
    expect(open.answer).toMatch(/Whitfield/);
    const strict = answer(q, story, { minConfidence: 1 });
    // only a certainty answers at 1; the evidence stays, so the reader sees the closest passage
    if (strict.confidence < 1) expect(strict.answer).toBeNull();
    expect(strict.evidence).toBe(open.evidence);
    process.env.STORYBOT_MIN_CONFIDENCE = "0";
    expect(answer("Who designed the steel span for the council?", story).answer).not.toBeNull();
  });

  it("reads STORYBOT_MIN_CONFIDENCE strictly", () => {
    expect(parseMinConfidence("0.4")).toBe(0.4);
    expect(parseMinConfidence("")).toBeUndefined();
    for (const bad of ["-0.1", "1.5", "high", "NaN"]) expect(() => parseMinConfidence(bad)).toThrowError(SettingError);
    expect(() => parseMinConfidence("2", "--min-confidence")).toThrowError(/--min-confidence must be a number from 0 to 1/);
  });
});
