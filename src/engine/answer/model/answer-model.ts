/**
 * The learned answer model: a ranker that orders a question's candidate spans and an abstainer
 * that gives P(the top span is right), calibrated, with the default threshold below which the
 * engine says the story doesn't say. Trained by `npm run train` (scripts/train/), stored as
 * model-file.ts writes it (docs/answering.md describes the format), read once on first use.
 * `STORYBOT_MODEL=<file>` answers with another model file.
 */
import { join, resolve } from "node:path";
import { MODEL_DIR } from "../../model-dir.js";
import { FEATURES } from "../features.js";
import { calibrate } from "./calibration.js";
import { ModelError, readModelFile, type Cascade, type ModelHeader } from "./model-file.js";
import { quickScore, quickScorer } from "./quick-scorer.js";
import { evaluate, type Ensemble } from "./trees.js";
import type { PoolView } from "../pool-view.js";

export { ModelError, type Cascade } from "./model-file.js";
/** What the abstainer sees beyond the top span's own features: the ranker's view of the pool. */
export const ABSTAINER_EXTRA = ["a_top", "a_margin", "a_share", "a_agree", "a_pool"] as const;

export const DEFAULT_MODEL_FILE = join(MODEL_DIR, "answer-model.bin");

export interface AnswerModel {
  file: string;
  /** the threshold chosen on held-out training questions */
  threshold: number;
  /** ranker score of each candidate's features */
  rank(x: Float32Array): number;
  /** ranker scores of a question's candidates, through the cascade (see scorePool) */
  scorePool(rows: readonly Float32Array[]): PoolScores;
  /** P(right) of the top candidate, from its features and how the ranker's scores fall over the pool */
  trust(top: Float32Array, pool: PoolView): number;
  /** P(right) from a whole abstainer row (the top candidate's features, then ABSTAINER_EXTRA) */
  probability(row: Float32Array): number;
}

export interface PoolScores {
  scores: number[];
  best: number;
}

/** What the trees do not check: the header agrees with this engine and holds usable numbers. */
function checkHeader(file: string, m: ModelHeader): void {
  if (JSON.stringify(m.features) !== JSON.stringify(FEATURES)) throw new ModelError(`${file} was trained on other features than this engine computes: retrain it with npm run train`);
  const extra = [...FEATURES, ...ABSTAINER_EXTRA];
  if (JSON.stringify(m.abstainer.features) !== JSON.stringify(extra)) throw new ModelError(`${file}: the abstainer's features differ from this engine's: retrain it with npm run train`);
  const c = m.abstainer.calibration;
  if (!c || c.x?.length !== c.y?.length || ![...c.x, ...c.y].every(Number.isFinite)) throw new ModelError(`${file}: the calibration is malformed`);
  const k = m.ranker.cascade;
  if (k !== undefined && !(Number.isInteger(k?.trees) && k.trees >= 1 && Number.isInteger(k.finalists) && k.finalists >= 1)) throw new ModelError(`${file}: the ranker's cascade must give whole numbers of trees and finalists, at least 1`);
  if (!(m.threshold >= 0 && m.threshold <= 1)) throw new ModelError(`${file}: the threshold must be between 0 and 1`);
}

/** Pools scored by walking the trees before the ranker is summed feature by feature (quick-scorer.ts). */
export const FEATURE_ORDER_AFTER = 200;

export function loadModel(file: string): AnswerModel {
  const width = FEATURES.length;
  const { header: m, ranker, abstainer } = readModelFile(file, { ranker: width, abstainer: width + ABSTAINER_EXTRA.length });
  checkHeader(file, m);
  const row = new Float32Array(width + ABSTAINER_EXTRA.length);
  const cascade = m.ranker.cascade;
  let stages = walked(ranker, cascade);
  let pools = 0;
  return {
    file,
    threshold: m.threshold,
    rank: (x) => evaluate(ranker, x),
    scorePool(rows) {
      // building it takes ~20 ms (code that runs once runs cold) and saves ~0.1 ms a pool: worth it
      // to a bot or a long batch, not to a run of a few questions
      if (++pools === FEATURE_ORDER_AFTER) stages = byFeature(ranker, cascade) ?? stages;
      return scoreByCascade(ranker, rows, cascade, stages);
    },
    trust(top, pool) {
      row.set(top);
      row.set([pool.top, pool.margin, pool.share, pool.agree, pool.size], width);
      return this.probability(row);
    },
    probability(x) {
      // LightGBM's binary objective: the trees sum to a log-odds
      const raw = 1 / (1 + Math.exp(-evaluate(abstainer, x)));
      return calibrate(m.abstainer.calibration, raw);
    },
  };
}

/** A cap a hair below the lowest finalist, so that it stays above every other candidate. */
const BELOW = 1e-6;

/** The cascade's two sums: its first trees, and the rest. */
export interface Stages {
  first: number;
  head(x: Float32Array): number;
  tail(x: Float32Array): number;
}

const firstOf = (e: Ensemble, cascade?: Cascade) => Math.min(cascade?.trees ?? e.roots.length, e.roots.length);

/** Each tree walked from its root. */
export function walked(e: Ensemble, cascade?: Cascade): Stages {
  const first = firstOf(e, cascade);
  return { first, head: (x) => evaluate(e, x, 0, first), tail: (x) => evaluate(e, x, first, e.roots.length) };
}

/** The same sums, feature by feature (quick-scorer.ts); null when a tree is too big for it. */
export function byFeature(e: Ensemble, cascade?: Cascade): Stages | null {
  const first = firstOf(e, cascade);
  const head = quickScorer(e, 0, first);
  const tail = quickScorer(e, first, e.roots.length);
  return head && tail ? { first, head: (x) => quickScore(head, x), tail: (x) => quickScore(tail, x) } : null;
}

/**
 * Scoring every candidate with every tree is most of the time an answer takes, and the first trees
 * already tell the few contenders from the rest: all candidates get the first `trees` trees of the
 * cascade, the `finalists` best of them the whole ensemble. The others keep their partial score
 * shifted by how much the finalists' scores grew on average, capped just below the lowest finalist,
 * so the best is always a finalist and the abstainer still sees how the scores fall over the pool.
 * fit.py scores the pools it trains the abstainer on the same way.
 */
export function scoreByCascade(e: Ensemble, rows: readonly Float32Array[], cascade?: Cascade, stages: Stages = walked(e, cascade)): PoolScores {
  const all = e.roots.length;
  const first = stages.first;
  const scores = rows.map((x) => stages.head(x));
  // finalists: the best partial scores, the earlier candidate first on a tie
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const finalists = first === all ? order : order.slice(0, cascade!.finalists);
  let growth = 0;
  let best = finalists[0] ?? 0;
  let lowest = Infinity;
  for (const i of finalists) {
    const full = scores[i]! + stages.tail(rows[i]!);
    growth += full - scores[i]!;
    scores[i] = full;
    lowest = Math.min(lowest, full);
    if (full > scores[best]! || (full === scores[best]! && i < best)) best = i;
  }
  if (finalists.length < rows.length) {
    const shift = growth / finalists.length;
    const chosen = new Set(finalists);
    for (let i = 0; i < scores.length; i++) if (!chosen.has(i)) scores[i] = Math.min(scores[i]! + shift, lowest - BELOW);
  }
  return { scores, best };
}

let cached: { file: string; model: AnswerModel } | null = null;

/** The model answering uses: STORYBOT_MODEL's file, else the one the repository ships. */
export function answerModel(): AnswerModel {
  const file = resolve(process.env.STORYBOT_MODEL || DEFAULT_MODEL_FILE);
  if (cached?.file !== file) cached = { file, model: loadModel(file) };
  return cached.model;
}
