/**
 * The answer model file: the one the repository ships loads and its TypeScript evaluation gives what
 * LightGBM computed for the same rows (the file carries them as checks); the trees fit.py writes
 * pack into a file that evaluates them; a damaged or foreign file is refused with a message that
 * says what is wrong; STORYBOT_MODEL and the confidence settings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { answer, answerModel, DEFAULT_MODEL_FILE, ingestText, loadModel, ModelError, parseMinConfidence, SettingError } from "../src/engine/index.js";
import { ABSTAINER_EXTRA, byFeature, FEATURE_ORDER_AFTER, scoreByCascade, walked } from "../src/engine/answer/model/answer-model.js";
import { quickScore, quickScorer } from "../src/engine/answer/model/quick-scorer.js";
import { evaluate, pack } from "../src/engine/answer/model/trees.js";
import { modelFromTraining, readModelFile, writeModelFile, type ModelData, type TrainingModel } from "../src/engine/answer/model/model-file.js";
import { FEATURES } from "../src/engine/answer/features.js";

const dir = mkdtempSync(join(tmpdir(), "storybot-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const widths = { ranker: FEATURES.length, abstainer: FEATURES.length + ABSTAINER_EXTRA.length };
const shipped = readModelFile(DEFAULT_MODEL_FILE, widths);
interface Checks {
  ranker: { x: number[]; score: number }[];
  abstainer: { x: number[]; p: number }[];
}
const checks = shipped.header.checks as Checks;

function variant(name: string, change: (m: ModelData) => void): string {
  const m = structuredClone(shipped);
  change(m);
  const file = join(dir, name);
  writeModelFile(file, m);
  return file;
}

describe("the shipped answer model", () => {
  it("evaluates its trees exactly as LightGBM did", () => {
    const model = loadModel(DEFAULT_MODEL_FILE);
    expect(checks.ranker.length).toBeGreaterThan(5);
    for (const c of checks.ranker) expect(model.rank(Float32Array.from(c.x))).toBeCloseTo(c.score, 9);
    for (const c of checks.abstainer) expect(model.probability(Float32Array.from(c.x))).toBeCloseTo(c.p, 9);
  });

  it("was trained on the features this engine computes", () => {
    expect(shipped.header.features).toEqual([...FEATURES]);
    expect(shipped.header.abstainer.features).toEqual([...FEATURES, ...ABSTAINER_EXTRA]);
  });
});

describe("the trees fit.py writes", () => {
  // a ranker of two trees on the first two features, an abstainer of one leaf
  const trained = (trees: TrainingModel["ranker"]["trees"]): TrainingModel => ({
    format: "storybot-answer-model",
    version: 1,
    features: [...FEATURES],
    ranker: { trees },
    abstainer: { features: [...FEATURES, ...ABSTAINER_EXTRA], trees: [{ f: [0], t: [Infinity], l: [-1], r: [-1], v: [0] }], calibration: { x: [], y: [] } },
    threshold: 0.5,
  });
  const trees = [
    { f: [0, 1], t: [0.5, 2], l: [1, -2], r: [-1, -3], v: [10, 20, 30] },
    { f: [1], t: [0.1], l: [-1], r: [-2], v: [-1, 1] },
  ];

  it("pack into a file whose model scores as the trees say", () => {
    const file = join(dir, "small.bin");
    writeModelFile(file, modelFromTraining(trained(trees), "small.json"));
    const model = loadModel(file);
    const row = (a: number, b: number) => Float32Array.from({ length: FEATURES.length }, (_, i) => (i === 0 ? a : i === 1 ? b : 0));
    expect(model.rank(row(1, 0))).toBe(10 - 1);
    expect(model.rank(row(0, 1))).toBe(20 + 1);
    expect(model.rank(row(0.5, 3))).toBe(30 + 1);
    // the abstainer's log-odds of 0, uncalibrated
    expect(model.probability(new Float32Array(widths.abstainer))).toBe(0.5);
  });

  it("are refused when a tree points nowhere or back up the tree", () => {
    for (const l of [[7, -2], [0, -2]]) expect(() => modelFromTraining(trained([{ ...trees[0]!, l }]), "bad.json")).toThrowError(/bad\.json: a tree is malformed/);
  });
});

describe("the trees summed feature by feature (QuickScorer)", () => {
  const e = shipped.ranker;
  const rows = checks.ranker.map((c) => Float32Array.from(c.x));
  // the same rows with values no training row had: below and above every threshold, and not a number
  const odd = rows.map((x, k) => x.map((v, i) => ((i + k) % 7 === 0 ? [NaN, Infinity, -Infinity, -0][(i + k) % 4]! : v)));

  it("gives the sums of walking the trees, to the bit, over any run of trees", () => {
    for (const [from, to] of [[0, 60], [60, 300], [0, 300], [17, 18]] as const) {
      const q = quickScorer(e, from, to)!;
      for (const x of [...rows, ...odd]) expect(quickScore(q, x)).toBe(evaluate(e, x, from, to));
    }
    // the model switches to them after FEATURE_ORDER_AFTER pools: the same scores before and after
    const model = loadModel(DEFAULT_MODEL_FILE);
    const expected = scoreByCascade(e, rows, shipped.header.ranker.cascade);
    for (let k = 0; k < FEATURE_ORDER_AFTER + 2; k++) expect(model.scorePool(rows)).toEqual(expected);
    const { head, tail } = byFeature(e, shipped.header.ranker.cascade)!;
    for (const x of rows) expect(head(x) + tail(x)).toBe(walked(e, shipped.header.ranker.cascade).head(x) + walked(e, shipped.header.ranker.cascade).tail(x));
  });

  it("finds the leaf whatever order the file numbers leaves in, and declines a tree of more than 32 leaves", () => {
    // leaves numbered right to left: x0 <= 0.5 → 10, else 20
    const reversed = pack([{ f: [0], t: [0.5], l: [-2], r: [-1], v: [20, 10] }]);
    const q = quickScorer(reversed, 0, 1)!;
    expect(quickScore(q, Float32Array.of(0))).toBe(10);
    expect(quickScore(q, Float32Array.of(1))).toBe(20);
    // a chain of 33 leaves: node i sends x <= i left to leaf i, else on to node i + 1
    const n = 32;
    const chain = pack([{ f: Array(n).fill(0), t: Array.from({ length: n }, (_, i) => i), l: Array.from({ length: n }, (_, i) => ~i), r: Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : ~n)), v: Array.from({ length: n + 1 }, (_, i) => i) }]);
    expect(quickScorer(chain, 0, 1)).toBeNull();
    expect(byFeature(chain)).toBeNull();
  });
});

describe("the ranker's cascade", () => {
  const model = loadModel(DEFAULT_MODEL_FILE);
  const rows = checks.ranker.map((c) => Float32Array.from(c.x));
  const full = rows.map((x: Float32Array) => model.rank(x));
  const ensemble = shipped.ranker;

  it("gives the full score to its finalists and keeps every other candidate below them, walking the trees or not", () => {
    const cascade = { trees: 5, finalists: 3 };
    const { scores, best } = scoreByCascade(ensemble, rows, cascade);
    expect(scoreByCascade(ensemble, rows, cascade, byFeature(ensemble, cascade)!)).toEqual({ scores, best });
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
  const file = (name: string, bytes: string | Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const cases: [string, string, RegExp][] = [
    ["not a model", file("garbage.bin", "{ trees: "), /is not a storybot-answer-model v2 file \(a JSON model/],
    ["another format", variant("other.bin", (m) => { m.header.format = "xgboost"; }), /is not a storybot-answer-model v2 file$/],
    ["other features", variant("features.bin", (m) => { m.header.features = m.header.features.slice(1); }), /trained on other features .* retrain it with npm run train/],
    ["a tree pointing nowhere", variant("tree.bin", (m) => { m.ranker.left[0] = 10_000; }), /a tree is malformed/],
    ["a tree pointing back up", variant("loop.bin", (m) => { m.ranker.right[m.ranker.roots[1]! + 1] = m.ranker.roots[1]!; }), /a tree is malformed/],
    ["a feature index out of range", variant("index.bin", (m) => { m.abstainer.feature[0] = 9_999; }), /a tree is malformed/],
    ["a cascade of no trees", variant("cascade.bin", (m) => { m.header.ranker.cascade = { trees: 0, finalists: 4 }; }), /cascade must give whole numbers/],
    ["a threshold above 1", variant("threshold.bin", (m) => { m.header.threshold = 3; }), /threshold must be between 0 and 1/],
    ["a file cut short", file("short.bin", readFileSync(DEFAULT_MODEL_FILE).subarray(0, 50_000)), /is truncated/],
    ["a missing file", join(dir, "nowhere.bin"), /cannot read the answer model .*nowhere\.bin/],
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
    const copy = variant("copy.bin", () => {});
    process.env.STORYBOT_MODEL = copy;
    expect(answerModel().file).toBe(copy);
    process.env.STORYBOT_MODEL = join(dir, "absent.bin");
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
