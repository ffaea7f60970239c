/**
 * The default story: answer latency of the engine against a bare fuse.js search over the same
 * paragraphs (threshold 0.6, ignoreLocation, as fuse's issue tracker advises for long fields),
 * on the same questions, in the same process; and the cost of ingesting and indexing the story.
 */
import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { Bench } from "tinybench";
import { answer, ingestText } from "../src/engine/index.js";
import { indexOf } from "../src/engine/index/search-index.js";
import { answerMatches, type BenchQuestion } from "./questions.js";
import { percentile, round } from "./stats.js";

export interface Latency {
  /** wall-clock ms per call, from tinybench */
  p50: number;
  p99: number;
  mean: number;
  samples: number;
  /** CPU ms per call (this process, all threads): unlike wall time, not inflated when other processes take the CPU */
  cpu: { p50: number; p99: number; samples: number };
}

export interface DefaultStoryResult {
  questions: number;
  storybot: Latency & { correctAnswers: number; correctParagraphs: number };
  fuse: Latency & { correctParagraphs: number };
  /** storybot's latency over fuse.js's: below 1 is faster */
  ratio: { p50: number; p99: number };
  ingestAndIndex: Latency;
}

export interface TimeBudget {
  /** ms of measured iterations per task */
  time: number;
  /** ms of warm-up per task */
  warmupTime: number;
}

/** CPU time per call over another budget's worth of calls. */
function cpuLatency<T>(items: readonly T[], fn: (item: T) => unknown, time: number): Latency["cpu"] {
  const samples: number[] = [];
  const end = performance.now() + time;
  for (let i = 0; performance.now() < end || i < items.length; i++) {
    const before = process.cpuUsage();
    fn(items[i % items.length]!);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return { p50: round(percentile(samples, 50), 4), p99: round(percentile(samples, 99), 4), samples: samples.length };
}

/** Runs fn over the items in turn, as many times as the budget allows; latency per call in ms. */
export function measureLatency<T>(items: readonly T[], fn: (item: T) => unknown, budget: TimeBudget): Latency {
  let i = 0;
  const bench = new Bench({ time: budget.time, warmupTime: budget.warmupTime, iterations: Math.max(items.length, 10), warmupIterations: items.length });
  bench.add("task", () => {
    fn(items[i++ % items.length]!);
  });
  bench.runSync();
  const result = bench.tasks[0]!.result;
  if (!("latency" in result)) throw new Error(`benchmark task did not complete (${result.state})`);
  const { p50, p99, mean, samplesCount } = result.latency;
  return { p50: round(p50, 4), p99: round(p99, 4), mean: round(mean, 4), samples: samplesCount, cpu: cpuLatency(items, fn, budget.time / 2) };
}

export function measureDefaultStory(storyFile: string, questions: BenchQuestion[], budget: TimeBudget): DefaultStoryResult {
  const text = readFileSync(storyFile, "utf8");
  const story = ingestText(text, "default");
  indexOf(story);
  const fuse = new Fuse(
    story.paragraphs.map((p) => p.text),
    { threshold: 0.6, ignoreLocation: true, includeScore: true },
  );
  const fuseParagraph = (q: string) => {
    const best = fuse.search(q, { limit: 1 })[0];
    return best ? story.paragraphs[best.refIndex]!.number : null;
  };

  let correctAnswers = 0;
  let correctParagraphs = 0;
  let fuseCorrect = 0;
  for (const q of questions) {
    const a = answer(q.question, story);
    if (answerMatches(a.answer, q.answers)) correctAnswers++;
    if (q.paragraph !== null && a.answer !== null && a.paragraph === q.paragraph) correctParagraphs++;
    if (q.paragraph !== null && fuseParagraph(q.question) === q.paragraph) fuseCorrect++;
  }

  const engine = measureLatency(questions, (q) => answer(q.question, story), budget);
  const baseline = measureLatency(questions, (q) => fuseParagraph(q.question), budget);
  let n = 0;
  const ingestAndIndex = measureLatency([text], (t) => indexOf(ingestText(t, `ingest-${n++}`)), { time: budget.time, warmupTime: budget.warmupTime });
  return {
    questions: questions.length,
    storybot: { ...engine, correctAnswers, correctParagraphs },
    fuse: { ...baseline, correctParagraphs: fuseCorrect },
    ratio: { p50: round(engine.p50 / baseline.p50, 3), p99: round(engine.p99 / baseline.p99, 3) },
    ingestAndIndex,
  };
}
