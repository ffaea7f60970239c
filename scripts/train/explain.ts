/**
 * `npx tsx scripts/train/explain.ts FILE "question"`: why the engine answers what it does: the
 * question as parsed, the ranker's best candidates with their scores and the features that mostly
 * decide, and the abstainer's probability. For developers reading the model's mistakes.
 */
import { readFileSync } from "node:fs";
import { answerModel, ingestText } from "../../src/engine/index.js";
import { analyseQuestion, parse } from "../../src/engine/answer/analysis.js";
import { F, type FeatureName } from "../../src/engine/answer/features.js";
import { poolView } from "../../src/engine/answer/pool-view.js";

const SHOWN: FeatureName[] = ["s_rank", "s_own", "c_dep_nsubj", "c_dep_obj", "c_dep_obl", "c_role_match", "c_gov_verb", "c_tree_verb", "c_side_fit", "c_kind_fit", "c_proximity", "c_echo"];

const [file, ...words] = process.argv.slice(2);
if (!file || !words.length) {
  process.stderr.write("usage: explain.ts STORY_FILE QUESTION...\n");
  process.exit(2);
}
const story = ingestText(readFileSync(file, "utf8"), "explained");
const q = parse(words.join(" "), story);
console.log(`kind ${q.kind}, form ${q.form}, expects ${q.expected.join("/")}; terms ${q.terms.map((t) => t.word + (t.verb ? " (verb)" : "") + (t.specific ? " (name)" : "")).join(", ")}`);
const { pool } = analyseQuestion(q, story);
const model = answerModel();
const { scores, best } = model.scorePool(pool.map((p) => p.features));
const scored = pool.map((p, i) => ({ p, score: scores[i]! })).sort((a, b) => b.score - a.score);
for (const { p, score } of scored.slice(0, 8)) {
  const shown = SHOWN.map((n) => `${n}=${+p.features[F[n]]!.toFixed(2)}`).join(" ");
  console.log(`${score.toFixed(2).padStart(6)}  ${JSON.stringify(p.c.text)} (${p.c.type}, ¶${p.evidence.sentence.paragraph})  ${shown}`);
}
if (pool.length) {
  const view = poolView(pool, scores, best);
  console.log(`P(right) = ${model.trust(pool[best]!.features, view).toFixed(2)}, threshold ${model.threshold}; margin ${view.margin.toFixed(2)}, share ${view.share.toFixed(2)}, agree ${view.agree}`);
}
