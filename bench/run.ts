/**
 * `npm run bench`: how fast storybot answers and how it scales (docs/scale.md).
 *
 *   node dist/bench/run.js [--json] [--sizes 1,100,1000] [--quick] [--seed N]
 *
 * Measures, in one run: per-answer latency on the default story over test/questions/, against a
 * bare fuse.js baseline on the same questions; ingest + index time; cold start of `storybot ask`;
 * peak RSS; a scale series over generated corpora (bench/corpus.ts); and on the largest, a cached
 * batch of questions spread over many stories through `storybot ask --jsonl` (cli-batch.ts), also
 * over real paragraphs with --paragraphs FILE.jsonl,… (paragraph-corpus.ts). Prints Markdown
 * tables, or with --json one JSON object. The targets are reported, never asserted: this is not a test.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { storyIdFromFile } from "../src/engine/index.js";
import { generateCorpus, loadSources, vary, type GeneratedStory } from "./corpus.js";
import { measureCliBatch, type CliBatchResult } from "./cli-batch.js";
import { measureColdStart, type ColdStart } from "./cold-start.js";
import { measureDefaultStory, type DefaultStoryResult } from "./default-story.js";
import { paragraphCorpus } from "./paragraph-corpus.js";
import { DEFAULT_STORY_QUESTIONS, FIXTURE_QUESTIONS, readQuestions, type BenchQuestion } from "./questions.js";
import type { BuildResult, LoadResult, WorkItem } from "./scale.js";
import { peakRssMb, pick, round, seededRandom } from "./stats.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
/** bench/ in the source tree under tsx, dist/bench/ when built: the project root is above either */
const ROOT = resolve(HERE, HERE.includes(`${join("dist", "bench")}`) ? "../.." : "..");
/** the story test/questions/default-story.jsonl is about */
const DEFAULT_STORY_FILE = join(ROOT, "data/stories/korea-herald-2020-10-22.txt");
const COLD_START_QUESTION = "Who sent a basket of flowers to the cemetery?";

export interface BenchOptions {
  sizes: number[];
  seed: number;
  /** measured ms per latency task (warm-up is a quarter of it) */
  time: number;
  coldStartRuns: number;
  /** questions asked across each scale corpus */
  workSize: number;
  /** the `storybot ask --jsonl` batch over the largest corpus: questions in a batch, and measured runs */
  batch: { questions: number; runs: number };
  /** JSONL files of real paragraphs (and questions about them) for a second batch corpus */
  paragraphs?: string[];
}

export const FULL: BenchOptions = { sizes: [1, 100, 1000], seed: 20201022, time: 2000, coldStartRuns: 7, workSize: 200, batch: { questions: 10, runs: 5 } };
export const QUICK: BenchOptions = { sizes: [1, 3], seed: 20201022, time: 40, coldStartRuns: 1, workSize: 8, batch: { questions: 2, runs: 1 } };

export interface Target {
  target: string;
  value: number;
  limit: number;
  met: boolean;
}

export interface BenchReport {
  machine: { node: string; cpus: number; cpu: string; loadAverage: number; date: string };
  defaultStory: DefaultStoryResult;
  coldStart: { json: ColdStart; text: ColdStart; steps: { step: string; ms: number }[]; peakRssMb: number };
  scale: { size: number; build: BuildResult; load: LoadResult }[];
  /** the cached batch over the largest corpus, and over real paragraphs when given */
  batch: { generated: CliBatchResult | null; paragraphs: CliBatchResult | null };
  peakRssMb: number;
  targets: Target[];
}

/** The same Node, with the same loader flags (tsx when run from source), on a sibling script. */
function nodeCommand(script: string): string[] {
  const fromSource = import.meta.url.endsWith(".ts");
  // under vitest the loader is not in execArgv: children then need tsx themselves
  const loader = fromSource && !process.execArgv.some((a) => a.includes("tsx")) ? ["--import", "tsx"] : [];
  return [process.execPath, ...process.execArgv, ...loader, fromSource ? script.replace(/\.js$/, ".ts") : script];
}

function runJson<T>(command: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) return fail(new Error(`${command.slice(-4).join(" ")} failed (${code}): ${err.trim()}`));
      try {
        done(JSON.parse(out.trim().split("\n").at(-1)!) as T);
      } catch {
        fail(new Error(`${command.slice(-4).join(" ")} printed no JSON: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** `n` questions of the workload, first those that each reach a story none before it did (a small corpus has too few). */
function spreadOver(items: WorkItem[], n: number): string[] {
  const stories = new Set<string>();
  const first = items.filter((item) => !stories.has(item.story) && !!stories.add(item.story));
  return [...first, ...items.filter((item) => !first.includes(item))].slice(0, n).map((item) => item.question);
}

/** Questions about each generated story: its source's questions, varied as the story was. */
function workload(stories: GeneratedStory[], questions: Map<string, BenchQuestion[]>, size: number, seed: number): WorkItem[] {
  const all = stories.flatMap((s) => (questions.get(s.source) ?? []).filter((q) => q.answers !== null).map((q) => ({ question: vary(q.question, s), story: s.id })));
  const random = seededRandom(seed);
  return all.length <= size ? all : Array.from({ length: size }, () => pick(all, random));
}

function checkTargets(r: Omit<BenchReport, "targets">): Target[] {
  const t = (target: string, value: number, limit: number, met = value < limit): Target => ({ target, value, limit, met });
  const d = r.defaultStory;
  const out = [t("default story: p99 per answer (ms)", d.storybot.p99, 1), t("default story: p99 vs bare fuse.js (ratio, ≤ 1)", d.ratio.p99, 1, d.ratio.p99 <= 1), t("cold start `storybot ask --json` (median ms)", r.coldStart.json.answerPrintedMs.median, 300), t("cold start `storybot ask` text (median ms)", r.coldStart.text.answerPrintedMs.median, 300)];
  const largest = r.scale.at(-1);
  if (largest) {
    const n = `${largest.size.toLocaleString("en")} stories`;
    out.push(t(`${n}: warm p99 per answer across all stories (ms)`, largest.load.warm.p99, 10), t(`${n}: cached load (ms)`, largest.load.loadMs, 1000), t(`${n}: peak RSS, load and answers (MB)`, largest.load.peakRssMb, 200));
  }
  const batch = r.batch.paragraphs ?? r.batch.generated;
  if (batch) {
    const n = `${batch.stories.toLocaleString("en")} stories${r.batch.paragraphs ? " of real paragraphs" : ""}, cached \`storybot ask --jsonl\` of ${batch.questions} questions`;
    out.push(t(`${n}: the run, wall (ms)`, batch.wallMs, 1500), t(`${n}: per answer, wall (ms)`, batch.perAnswer.wallMs, 10), t(`${n}: peak RSS (MB)`, batch.peakRssMb, 200));
  }
  return out;
}

export async function runBenchmark(options: BenchOptions, log: (m: string) => void = () => {}): Promise<BenchReport> {
  const work = mkdtempSync(join(tmpdir(), "storybot-bench-"));
  try {
    log("default story: engine vs fuse.js, ingest");
    const defaultQuestions = readQuestions(ROOT, DEFAULT_STORY_QUESTIONS);
    const budget = { time: options.time, warmupTime: options.time / 4 };
    const defaultStory = measureDefaultStory(DEFAULT_STORY_FILE, defaultQuestions, budget);

    log("cold start");
    const cliEnv = { ...process.env, STORY_DIR: join(ROOT, "data/stories"), STORYBOT_DB: join(work, "cli.db"), STORY: "" };
    const bin = nodeCommand(join(ROOT, import.meta.url.endsWith(".ts") ? "bin/storybot.js" : "dist/bin/storybot.js"));
    const json = await measureColdStart([...bin, "ask", "--json", COLD_START_QUESTION], { cwd: ROOT, env: cliEnv }, options.coldStartRuns);
    const text = await measureColdStart([...bin, "ask", COLD_START_QUESTION], { cwd: ROOT, env: cliEnv }, options.coldStartRuns);
    const { steps, peakRssMb: probeRss } = await runJson<{ steps: { step: string; ms: number }[]; peakRssMb: number }>([...nodeCommand(join(HERE, "startup-probe.js")), COLD_START_QUESTION], cliEnv);

    const sources = loadSources(ROOT);
    const questions = new Map<string, BenchQuestion[]>([[storyIdFromFile(DEFAULT_STORY_FILE), defaultQuestions]]);
    for (const q of readQuestions(ROOT, FIXTURE_QUESTIONS)) questions.set(q.story!, [...(questions.get(q.story!) ?? []), q]);

    const scale: BenchReport["scale"] = [];
    for (const size of options.sizes) {
      log(`scale: ${size} stories`);
      const dir = join(work, `corpus-${size}`);
      const cache = join(work, `corpus-${size}.db`);
      const stories = generateCorpus(sources, { count: size, seed: options.seed, outDir: dir });
      const workFile = join(work, `work-${size}.json`);
      writeFileSync(workFile, JSON.stringify(workload(stories, questions, options.workSize, options.seed)));
      const worker = nodeCommand(join(HERE, "scale-worker.js"));
      const build = await runJson<BuildResult>([...worker, "build", dir, cache]);
      const load = await runJson<LoadResult>([...worker, "load", dir, cache, workFile, String(options.time)]);
      scale.push({ size, build, load });
    }

    const batch: BenchReport["batch"] = { generated: null, paragraphs: null };
    const last = options.sizes.at(-1);
    const batchSetup = (dir: string, stories: number, questions: string[]) => ({ command: bin, dir, stories, questions, cwd: ROOT, env: { ...cliEnv, STORYBOT_DB: join(work, `corpus-${stories}.db`) }, runs: options.batch.runs, preload: pathToFileURL(join(HERE, `rusage-at-exit.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`)).href });
    if (last) {
      log(`batch: storybot ask --jsonl over ${last} stories`);
      const items = JSON.parse(readFileSync(join(work, `work-${last}.json`), "utf8")) as WorkItem[];
      batch.generated = await measureCliBatch(batchSetup(join(work, `corpus-${last}`), last, spreadOver(items, options.batch.questions)));
      if (options.paragraphs) {
        log(`batch: storybot ask --jsonl over ${last} stories of real paragraphs`);
        const dir = join(work, "paragraphs");
        const corpus = paragraphCorpus(options.paragraphs, { count: last, questions: options.batch.questions, outDir: dir });
        await runJson<BuildResult>([...nodeCommand(join(HERE, "scale-worker.js")), "build", dir, join(work, `paragraphs-${last}.db`)]);
        batch.paragraphs = await measureCliBatch({ ...batchSetup(dir, last, corpus.questions), env: { ...cliEnv, STORYBOT_DB: join(work, `paragraphs-${last}.db`) } });
      }
    }

    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", loadAverage: round(loadavg()[0] ?? 0, 2), date: new Date().toISOString().slice(0, 10) };
    const report = { machine, defaultStory, coldStart: { json, text, steps, peakRssMb: probeRss }, scale, batch, peakRssMb: round(peakRssMb(), 1) };
    return { ...report, targets: checkTargets(report) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const cpu = (l: { cpu: { p50: number; p99: number } }) => `${ms(l.cpu.p50)} / ${ms(l.cpu.p99)}`;
const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString("en"));

function batchTable(r: BenchReport): string[] {
  const rows = (["generated", "paragraphs"] as const).flatMap((k) => {
    const b = r.batch[k];
    if (!b) return [];
    const corpus = k === "generated" ? "generated (bench/corpus.ts)" : "real paragraphs (--paragraphs)";
    return [`| ${corpus} | ${b.stories.toLocaleString("en")} | ${b.questions} | ${ms(b.wallMs)} | ${ms(b.cpuMs)} | ${b.peakRssMb} | ${ms(b.oneQuestion.wallMs)} / ${ms(b.oneQuestion.cpuMs)} | ${ms(b.perAnswer.wallMs)} / ${ms(b.perAnswer.cpuMs)} | ${ms(b.perAnswer.betweenLinesMs)} | ${b.answered}/${b.questions} |`];
  });
  if (!rows.length) return [];
  const runs = (r.batch.paragraphs ?? r.batch.generated)!.runs;
  return [
    `A cached batch through \`storybot ask --jsonl --story DIR\`, questions spread over the stories (fresh processes; medians of ${runs} runs, and of as many runs of the first question alone):`,
    "",
    "| corpus | stories | questions | run wall ms | run CPU ms | peak RSS MB | first question alone, wall / CPU ms | per answer after it, wall / CPU ms | between answer lines ms | answered |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
  ];
}

export function toMarkdown(r: BenchReport): string {
  const d = r.defaultStory;
  const lines = [
    `storybot benchmark, ${r.machine.date}: Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpu}, load average ${r.machine.loadAverage}`,
    "",
    `Default story, ${d.questions} questions (test/questions/default-story.jsonl), latency per answer:`,
    "",
    "| | p50 ms | p99 ms | mean ms | samples | CPU p50 / p99 ms | right |",
    "|---|---:|---:|---:|---:|---:|---|",
    `| storybot answer() | ${ms(d.storybot.p50)} | ${ms(d.storybot.p99)} | ${ms(d.storybot.mean)} | ${d.storybot.samples} | ${cpu(d.storybot)} | answer ${d.storybot.correctAnswers}/${d.questions}, paragraph ${d.storybot.correctParagraphs} |`,
    `| bare fuse.js over paragraphs | ${ms(d.fuse.p50)} | ${ms(d.fuse.p99)} | ${ms(d.fuse.mean)} | ${d.fuse.samples} | ${cpu(d.fuse)} | paragraph ${d.fuse.correctParagraphs} |`,
    `| ratio storybot / fuse.js | ${d.ratio.p50} | ${d.ratio.p99} | | | | |`,
    `| ingest + index the story | ${ms(d.ingestAndIndex.p50)} | ${ms(d.ingestAndIndex.p99)} | ${ms(d.ingestAndIndex.mean)} | ${d.ingestAndIndex.samples} | ${cpu(d.ingestAndIndex)} | |`,
    "",
    `Cold start (cached story, ${r.coldStart.json.runs} runs; median [min–max] ms, spawn → answer printed / → exit):`,
    "",
    "| command | answer printed | exit |",
    "|---|---:|---:|",
    ...(["json", "text"] as const).map((k) => {
      const c = r.coldStart[k];
      return `| \`storybot ask${k === "json" ? " --json" : ""} "…"\` | ${ms(c.answerPrintedMs.median)} [${ms(c.answerPrintedMs.min)}–${ms(c.answerPrintedMs.max)}] | ${ms(c.exitMs.median)} |`;
    }),
    "",
    "Where the cold start goes (one fresh process, modules imported step by step):",
    "",
    "| step | ms |",
    "|---|---:|",
    ...r.coldStart.steps.map((s) => `| ${s.step} | ${ms(s.ms)} |`),
    "",
    `Peak RSS of that process after the second answer (what \`ask\` loads): ${r.coldStart.peakRssMb} MB`,
    "",
    "Scale series (generated corpora; each phase in a fresh process):",
    "",
    "| stories | paragraphs | build ms | cached load ms | re-ingested | first-touch p50 / p99 ms | warm p50 / p99 ms | warm CPU p50 / p99 ms | answered / from own story | peak RSS MB (build / load) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...r.scale.map((s) => `| ${s.size.toLocaleString("en")} | ${s.build.paragraphs.toLocaleString("en")} | ${ms(s.build.buildMs)} | ${ms(s.load.loadMs)} | ${s.load.ingested} | ${ms(s.load.firstTouch.p50)} / ${ms(s.load.firstTouch.p99)} | ${ms(s.load.warm.p50)} / ${ms(s.load.warm.p99)} | ${cpu(s.load.warm)} | ${pct(s.load.answered)} / ${pct(s.load.routedToOwnStory)} | ${s.build.peakRssMb} / ${s.load.peakRssMb} |`),
    "",
    ...batchTable(r),
    `First question of a process: starting wink-nlp's model took ${r.scale.map((s) => ms(s.load.modelStartMs)).join(" / ")} ms (not counted in first-touch).`,
    "",
    `Peak RSS of the benchmark process (default story, fuse.js, ingest): ${r.peakRssMb} MB`,
    "",
    "| target | value | limit | met |",
    "|---|---:|---:|---|",
    ...r.targets.map((t) => `| ${t.target} | ${ms(t.value)} | ${t.limit} | ${t.met ? "yes" : "**no**"} |`),
  ];
  return lines.join("\n");
}

function parseArgs(args: string[]): { options: BenchOptions; json: boolean } {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const options = { ...(args.includes("--quick") ? QUICK : FULL) };
  const sizes = value("--sizes");
  if (sizes !== undefined) {
    options.sizes = sizes.split(",").map(Number);
    if (!options.sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--sizes: expected positive whole numbers, like 1,100,1000 (got "${sizes}")`);
  }
  const seed = value("--seed");
  if (seed !== undefined) {
    options.seed = Number(seed);
    if (!Number.isInteger(options.seed)) throw new Error(`--seed: expected a whole number (got "${seed}")`);
  }
  const paragraphs = value("--paragraphs");
  if (paragraphs !== undefined) options.paragraphs = paragraphs.split(",").filter(Boolean);
  return { options, json: args.includes("--json") };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const report = await runBenchmark(parsed.options, (m) => process.stderr.write(`… ${m}\n`));
  process.stdout.write((parsed.json ? JSON.stringify(report, null, 2) : toMarkdown(report)) + "\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
