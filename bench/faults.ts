/**
 * Heavy input against a serving bot (`npm run bench:faults`), the figures behind docs/reliability.md:
 *
 * - a 30,000-character token (one word of letters; and base64) pasted into a story: ingest time;
 * - a 1 MB story of real prose summarised through the bot's worker pool (src/workers/), while the
 *   main thread answers another user's questions every 10 ms: the summary's time (a cold worker,
 *   then a warm one), the process's peak RSS (worker included), and how long those questions and the
 *   event loop waited meanwhile.
 *
 * The 1 MB story is ingested and cached in one process, then summarised in a second one, so that the
 * second one's peak RSS is the serving bot's, not ingest's.
 *
 *   npm run bench:faults            # everything, as a table
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { answer, ingestText, StoryLibrary, summarize } from "../src/engine/index.js";
import { openStorage } from "../src/store/index.js";
import { HeavyWork } from "../src/workers/heavy-work.js";
import { longProse } from "../test/helpers/long-prose.js";
import { percentile, round } from "./stats.js";

const ONE_MB = 1024 * 1024;
const QUESTIONS = ["Who won the vote?", "When did the fire start?", "Where is the tram line?", "Who led the study?", "How many seats did the coalition win?"];

function tokenFigures(): Record<string, number> {
  // the engine's libraries load on the first ingest: not part of the figure
  ingestText("Warm-up\n\nOSLO, May 2, 2022 — The city opened a library on Monday.\n", "warm");
  const letters = Array.from({ length: 30_000 }, (_, i) => "QmFzZTY0aGVyZQ"[(i * 7) % 14]).join("");
  const base64 = randomBytes(22_500).toString("base64");
  const time = (blob: string) => {
    const t = performance.now();
    ingestText(`A pasted key\n\nOSLO, May 2, 2022 — The key she read out was ${blob} in full, the mayor said on Monday.\n`, "blob");
    return performance.now() - t;
  };
  return { lettersMs: time(letters), base64Ms: time(base64) };
}

async function ingestPhase(dir: string, db: string): Promise<Record<string, number>> {
  writeFileSync(join(dir, "one-megabyte.txt"), longProse(ONE_MB));
  const storage = openStorage(db);
  const t = performance.now();
  const library = await StoryLibrary.fromDirectory(dir, { cache: storage.ingest });
  const ingestMs = performance.now() - t;
  const story = library.get("one-megabyte")!;
  storage.close();
  return { ingestMs, sentences: story.sentences.length, paragraphs: story.paragraphs.length };
}

async function summaryPhase(dir: string, db: string): Promise<Record<string, number>> {
  const storage = openStorage(db);
  const library = await StoryLibrary.fromDirectory(dir, { cache: storage.ingest });
  const story = library.get("one-megabyte")!;
  const heavy = new HeavyWork({ dbFile: db, threads: 1 });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const waits: number[] = [];
  let asking = true;
  // another user's questions, every 10 ms, answered on the main thread as the bot does
  const others = (async () => {
    for (let i = 0; asking; i++) {
      const t = performance.now();
      answer(QUESTIONS[i % QUESTIONS.length]!, story);
      waits.push(performance.now() - t);
      await new Promise((done) => setTimeout(done, 10));
    }
  })();
  delay.enable();
  let t = performance.now();
  await heavy.summarize(story, { length: "long", about: null });
  const coldMs = performance.now() - t;
  t = performance.now();
  await heavy.summarize(story, { length: "medium", about: null });
  const warmMs = performance.now() - t;
  delay.disable();
  asking = false;
  await others;
  await heavy.close();
  // the same summary in place, as before the pool: the event loop is held for all of it
  t = performance.now();
  summarize(story, { length: "long" });
  const inlineMs = performance.now() - t;
  storage.close();
  return {
    inlineMs,
    coldMs,
    warmMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    questions: waits.length,
    questionP99Ms: percentile(waits, 99),
    loopDelayMaxMs: delay.max / 1e6,
    loopDelayP99Ms: delay.percentile(99) / 1e6,
  };
}

const [phase, dir, db] = process.argv.slice(2);
if (phase === "tokens") process.stdout.write(JSON.stringify(tokenFigures()) + "\n");
else if (phase === "ingest") process.stdout.write(JSON.stringify(await ingestPhase(dir!, db!)) + "\n");
else if (phase === "summary") process.stdout.write(JSON.stringify(await summaryPhase(dir!, db!)) + "\n");
else {
  const self = fileURLToPath(import.meta.url);
  const run = (...args: string[]) => {
    const child = spawnSync(process.execPath, [...process.execArgv, self, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`${args[0]}: ${child.stderr}`);
    return JSON.parse(child.stdout) as Record<string, number>;
  };
  const work = mkdtempSync(join(tmpdir(), "storybot-bench-faults-"));
  try {
    const tokens = run("tokens");
    const db = join(work, "storybot.db");
    const ingest = run("ingest", work, db);
    const summary = run("summary", work, db);
    process.stdout.write(`30,000-character token: ingest ${round(tokens.lettersMs!, 0)} ms (one word of letters), ${round(tokens.base64Ms!, 0)} ms (base64)\n`);
    process.stdout.write(`1 MB story (${ingest.paragraphs} paragraphs, ${ingest.sentences} sentences): ingest and cache ${round(ingest.ingestMs! / 1000, 1)} s\n`);
    process.stdout.write("| summary in the worker | cold worker | warm worker | peak RSS | other user's questions | their p99 | event-loop delay p99 / max | the same in place (loop held) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    process.stdout.write(`| 1 MB, long then medium | ${round(summary.coldMs!, 0)} ms | ${round(summary.warmMs!, 0)} ms | ${round(summary.peakRssMb!, 0)} MB | ${summary.questions} | ${round(summary.questionP99Ms!, 1)} ms | ${round(summary.loopDelayP99Ms!, 1)} / ${round(summary.loopDelayMaxMs!, 1)} ms | ${round(summary.inlineMs!, 0)} ms |\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
