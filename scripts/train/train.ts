/**
 * `npm run train -- [--data DIR|FILE] [--out FILE] [--limit N] [--quick]`: trains the answer model.
 *
 * The engine extracts the features of every candidate of every question (extract.ts), LightGBM
 * fits the ranker, the abstainer and its calibration (fit.py, python3 with lightgbm and
 * scikit-learn) and writes their trees as JSON, and that is packed into the model file answering
 * reads (src/engine/answer/model/model-file.ts). Answering needs Node only: the model is evaluated
 * in TypeScript (src/engine/answer/model/).
 *
 * The data defaults to ../shared/train (SQuAD 2.0 and SQuADShifts; see its README); it is read in
 * place and never copied into the repository.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { DEFAULT_MODEL_FILE } from "../../src/engine/answer/model/answer-model.js";
import { modelFromTraining, writeModelFile, type TrainingModel } from "../../src/engine/answer/model/model-file.js";
import { extract } from "./extract.js";
import { readRows, sample } from "./qa-data.js";
import { askedForms } from "./stories.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(HERE, "../..");

export interface TrainOptions {
  data: string;
  out: string;
  /** use N questions spread over the data (a tiny model for tests) */
  limit?: number;
  /** few, small trees: for a test of the pipeline, not for answering */
  quick?: boolean;
  /** keep the extracted features in this folder, and fit again from them if they are there */
  work?: string;
  log?: (line: string) => void;
}

export function train(options: TrainOptions): void {
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const python = spawnSync("python3", ["-c", "import lightgbm, sklearn"], { encoding: "utf8" });
  if (python.status !== 0) throw new Error("training needs python3 with lightgbm and scikit-learn: pip install -r scripts/train/requirements.txt");
  const started = Date.now();
  const work = options.work ?? mkdtempSync(join(tmpdir(), "storybot-train-"));
  try {
    if (options.work && existsSync(join(work, "features.f32"))) log(`fitting again from the features in ${work}`);
    else {
      mkdirSync(work, { recursive: true });
      const rows = sample(readRows(options.data), options.limit);
      const asked = askedForms(rows);
      log(`${rows.length} questions from ${options.data}, ${asked.length} with their story forms`);
      const extracted = extract(asked, work, log);
      const { answerable, f1, exact } = extracted.ceiling;
      log(`${extracted.questions} questions, ${extracted.candidates} candidates; ceiling: some candidate has F1 >= 0.5 for ${((100 * f1) / answerable).toFixed(1)}%, exact for ${((100 * exact) / answerable).toFixed(1)}% (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const trees = join(work, "model.json");
    const fit = spawnSync("python3", [join(HERE, "fit.py"), work, trees, ...(options.quick ? ["--quick"] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (fit.status !== 0) throw new Error(`fit.py failed with status ${fit.status}`);
    writeModelFile(resolve(options.out), modelFromTraining(JSON.parse(readFileSync(trees, "utf8")) as TrainingModel, trees));
    log(fit.stdout.trim());
    log(`model written to ${options.out} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    if (!options.work) rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  const program = new Command("train")
    .description("train the answer ranker and abstainer")
    .option("--data <path>", "training questions: a .jsonl file or a folder of them", join(ROOT, "../shared/train"))
    .option("--out <file>", "where to write the model", DEFAULT_MODEL_FILE)
    .option("--limit <n>", "use N questions spread over the data", (v) => Number.parseInt(v, 10))
    .option("--quick", "few, small trees: a test of the pipeline")
    .option("--work <dir>", "keep the extracted features here, and fit again from them if they are there")
    .parse();
  const o = program.opts<{ data: string; out: string; limit?: number; quick?: boolean; work?: string }>();
  train({ data: o.data, out: o.out, limit: o.limit, quick: o.quick, work: o.work });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
