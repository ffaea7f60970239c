/**
 * Summaries and timeline of very large stories (`npm run bench:summary`): a 1 MB story of real
 * prose (the test articles' paragraphs, over and over) and a story of 100,000 one-line paragraphs.
 * Each runs in its own process, so that its peak RSS is its own; ingest is timed apart.
 *
 *   node dist/bench/summary-scale.js            # both, as a table
 *   node dist/bench/summary-scale.js prose|tiny  # one, as JSON (what the table runs)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { ingestText, summarize, timeline } from "../src/engine/index.js";
import { longProse } from "../test/helpers/long-prose.js";

const TARGET_BYTES = 1024 * 1024;
const TINY_PARAGRAPHS = 100_000;

function tinyStory(): string {
  return ["Ten thousand ticks", ...Array.from({ length: TINY_PARAGRAPHS }, (_, i) => `Tick ${i}.`)].join("\n\n");
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

function measure(kind: "prose" | "tiny"): Record<string, number> {
  const text = kind === "prose" ? longProse(TARGET_BYTES) : tinyStory();
  const [story, ingestMs] = time(() => ingestText(text, kind));
  const [, shortMs] = time(() => summarize(story, { length: "short" }));
  const [, mediumMs] = time(() => summarize(story, { length: "medium" }));
  const [, longMs] = time(() => summarize(story, { length: "long" }));
  const [, timelineMs] = time(() => timeline(story));
  return {
    bytes: Buffer.byteLength(text),
    paragraphs: story.paragraphs.length,
    sentences: story.sentences.length,
    ingestMs,
    // the first summary builds the candidates' graph; the others reuse it
    summaryMs: shortMs + mediumMs + longMs,
    timelineMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const arg = process.argv[2];
if (arg === "prose" || arg === "tiny") {
  process.stdout.write(JSON.stringify(measure(arg)) + "\n");
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = (["prose", "tiny"] as const).map((kind) => {
    const run = spawnSync(process.execPath, [...process.execArgv, self, kind], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${kind}: ${run.stderr}`);
    return { kind, ...(JSON.parse(run.stdout) as Record<"bytes" | "paragraphs" | "sentences" | "ingestMs" | "summaryMs" | "timelineMs" | "peakRssMb", number>) };
  });
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  process.stdout.write("| story | bytes | paragraphs | sentences | ingest | summaries (short+medium+long) | timeline | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const r of rows) {
    process.stdout.write(`| ${r.kind === "prose" ? "1 MB of real prose" : "100,000 one-line paragraphs"} | ${r.bytes} | ${r.paragraphs} | ${r.sentences} | ${f(r.ingestMs)} ms | ${f(r.summaryMs)} ms | ${f(r.timelineMs)} ms | ${f(r.peakRssMb)} MB |\n`);
  }
}
