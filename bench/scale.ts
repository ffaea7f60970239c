/**
 * One size of the scale series, in phases that run in fresh processes (scale-worker.ts) so that
 * times and memory are those of a real start:
 *  - build: ingest every article of the corpus into an empty database (what a first start costs);
 *  - load: open the same library from the database (what every later start costs), then answer the
 *    workload across all stories: once cold (each story parsed and indexed on first use), then
 *    warm, with tinybench.
 */
import { answerAcross, StoryLibrary, type IngestProgress } from "../src/engine/index.js";
import { questionStems } from "../src/engine/index/router.js";
import { openStorage } from "../src/store/index.js";
import { measureLatency, type Latency, type TimeBudget } from "./default-story.js";
import { percentile, peakRssMb, round } from "./stats.js";

export interface WorkItem {
  question: string;
  /** the generated story the question was written for */
  story: string;
}

export interface BuildResult {
  stories: number;
  paragraphs: number;
  errors: number;
  buildMs: number;
  peakRssMb: number;
}

export interface LoadResult {
  stories: number;
  /** articles ingested again while loading; 0 when the cache served them all */
  ingested: number;
  loadMs: number;
  /** the first time each question is asked: stories parsed from the cache and indexed on demand */
  firstTouch: { p50: number; p99: number };
  warm: Latency;
  /** one-time start of the NLP model by the first question, kept out of firstTouch */
  modelStartMs: number;
  /** share of questions answered from the story they were written for (near-twins share most words) */
  routedToOwnStory: number;
  /** share of questions answered at all, rather than "the story doesn't say" */
  answered: number;
  peakRssMb: number;
}

export async function buildPhase(dir: string, dbFile: string): Promise<BuildResult> {
  const start = performance.now();
  const library = await StoryLibrary.fromDirectory(dir, { cache: openStorage(dbFile).ingest });
  const buildMs = performance.now() - start;
  const paragraphs = library.ids().reduce((n, id) => n + (library.card(id)?.paragraphCount ?? 0), 0);
  return { stories: library.size, paragraphs, errors: library.errors.length, buildMs: round(buildMs, 1), peakRssMb: round(peakRssMb(), 1) };
}

export async function loadPhase(dir: string, dbFile: string, work: WorkItem[], budget: TimeBudget): Promise<LoadResult> {
  let ingested = 0;
  const counter: IngestProgress = { start: (n) => void (ingested = n), advance: () => undefined, stop: () => undefined };
  const start = performance.now();
  const library = await StoryLibrary.fromDirectory(dir, { cache: openStorage(dbFile).ingest, progress: counter });
  const loadMs = performance.now() - start;

  const modelStart = performance.now();
  questionStems("start the model");
  const modelStartMs = performance.now() - modelStart;

  const firstTouch: number[] = [];
  let own = 0;
  let answered = 0;
  for (const item of work) {
    const t = performance.now();
    const a = answerAcross(item.question, library);
    firstTouch.push(performance.now() - t);
    if (a.story === item.story) own++;
    if (a.answer !== null) answered++;
  }
  const warm = measureLatency(work, (item) => answerAcross(item.question, library), budget);
  return {
    stories: library.size,
    ingested,
    loadMs: round(loadMs, 1),
    firstTouch: { p50: round(percentile(firstTouch, 50), 3), p99: round(percentile(firstTouch, 99), 3) },
    warm,
    modelStartMs: round(modelStartMs, 1),
    routedToOwnStory: work.length ? round(own / work.length, 3) : 0,
    answered: work.length ? round(answered / work.length, 3) : 0,
    peakRssMb: round(peakRssMb(), 1),
  };
}
