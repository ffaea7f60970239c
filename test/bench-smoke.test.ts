/** The benchmark runs end to end at tiny sizes, and its corpus is reproducible. No timing is asserted. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, loadSources, vary } from "../bench/corpus.js";
import { readQuestions, DEFAULT_STORY_QUESTIONS } from "../bench/questions.js";
import { QUICK, runBenchmark, toMarkdown } from "../bench/run.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "storybot-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const storyFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".txt")).sort();
const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");

describe("the scale corpus", () => {
  const sources = loadSources(ROOT);

  it("is the same for the same seed, and differs for another", () => {
    const a = join(work, "a");
    const b = join(work, "b");
    const c = join(work, "c");
    generateCorpus(sources, { count: 6, seed: 7, outDir: a });
    generateCorpus(sources, { count: 6, seed: 7, outDir: b });
    generateCorpus(sources, { count: 6, seed: 8, outDir: c });
    expect(storyFiles(a)).toHaveLength(6);
    expect(storyFiles(a).map((n) => read(a, n))).toEqual(storyFiles(b).map((n) => read(b, n)));
    expect(storyFiles(a).map((n) => read(a, n))).not.toEqual(storyFiles(c).map((n) => read(c, n)));
  });

  it("makes stories that differ from each other and from their source, each with 21 paragraphs or more", () => {
    const dir = join(work, "d");
    const stories = generateCorpus(sources, { count: sources.length * 2, seed: 1, outDir: dir });
    const texts = stories.map((s) => read(dir, s.file));
    expect(new Set(texts).size).toBe(texts.length);
    for (const [i, s] of stories.entries()) {
      expect(texts[i]).not.toBe(sources.find((x) => x.id === s.source)!.text);
      expect(texts[i]!.split(/\n\s*\n/).length).toBeGreaterThanOrEqual(21);
    }
  });

  it("varies a question about the source the way it varied the story", () => {
    const story = { swaps: [["Kim", "Dana"], ["Jong-un", "Whitfield"]] as [string, string][], yearShift: -3 };
    expect(vary("When did Kim Jong-un send a wreath in July 2015?", story)).toBe("When did Dana Whitfield send a wreath in July 2012?");
    expect(vary("Did Kimberly visit?", story)).toBe("Did Kimberly visit?");
  });
});

describe("npm run bench, at tiny sizes", () => {
  it("measures every figure and checks every target", { timeout: 240_000 }, async () => {
    const report = await runBenchmark({ ...QUICK, sizes: [2], coldStartRuns: 1 });
    const latencies = [report.defaultStory.storybot, report.defaultStory.fuse, report.defaultStory.ingestAndIndex, report.scale[0]!.load.warm];
    for (const l of latencies) {
      expect(l.samples).toBeGreaterThan(0);
      expect(l.p50).toBeGreaterThan(0);
      expect(l.p99).toBeGreaterThanOrEqual(l.p50);
      expect(l.cpu.samples).toBeGreaterThan(0);
    }
    expect(report.defaultStory.questions).toBe(readQuestions(ROOT, DEFAULT_STORY_QUESTIONS).length);
    expect(report.coldStart.json.answerPrintedMs.median).toBeGreaterThan(0);
    expect(report.coldStart.steps.map((s) => s.step)).toContain("open the story library (cached)");

    const [scale] = report.scale;
    expect(scale).toMatchObject({ size: 2, build: { stories: 2, errors: 0 }, load: { stories: 2, ingested: 0 } });
    expect(scale!.build.paragraphs).toBeGreaterThanOrEqual(2 * 15);
    for (const share of [scale!.load.answered, scale!.load.routedToOwnStory]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }

    const batch = report.batch.generated!;
    expect(batch).toMatchObject({ stories: 2, questions: 2, runs: 1, answered: expect.any(Number) });
    for (const v of [batch.wallMs, batch.cpuMs, batch.peakRssMb, batch.oneQuestion.wallMs, batch.perAnswer.betweenLinesMs]) expect(v).toBeGreaterThanOrEqual(0);
    expect(batch.wallMs).toBeGreaterThan(0);
    expect(report.batch.paragraphs).toBeNull();

    expect(report.targets).toHaveLength(10);
    for (const t of report.targets) expect(typeof t.met).toBe("boolean");
    const table = toMarkdown(report);
    expect(table).toContain("| bare fuse.js over paragraphs |");
    expect(table).toContain("| 2 | ");
    expect(table).toContain("| generated (bench/corpus.ts) | 2 | 2 |");
  });
});
