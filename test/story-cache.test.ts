import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadStoryFile, StoryLibrary, type IngestProgress } from "../src/engine/story/library.js";
import { engineFingerprint } from "../src/engine/story/story-cache.js";

const ids = (routed: { id: string }[]) => routed.map((r) => r.id);

const DEFAULT_STORY = new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url);
const FIXTURES = new URL("./fixtures/scale/", import.meta.url);

/** Records how many articles each load had to ingest (the cache misses). */
function ingestCounter(): IngestProgress & { ingested: string[] } {
  const ingested: string[] = [];
  return { ingested, start: () => undefined, advance: (file) => void ingested.push(file), stop: () => undefined };
}

let work: string;
let stories: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "storybot-cache-"));
  stories = join(work, "stories");
  cacheDir = join(work, "cache");
  cpSync(FIXTURES, stories, { recursive: true });
  cpSync(DEFAULT_STORY, join(stories, "korea-herald-2020-10-22.txt"));
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

async function open(options: { keepInMemory?: number } = {}) {
  const progress = ingestCounter();
  const library = await StoryLibrary.fromDirectory(stories, { cacheDir, progress, ...options });
  return { library, ingested: progress.ingested };
}

/** The files of this engine's part of the cache (one directory per engine fingerprint). */
function cacheFiles(sub: string): string[] {
  const own = join(cacheDir, engineFingerprint(), sub);
  return readdirSync(own).map((n) => join(own, n));
}

describe("the story cache", () => {
  it("ingests each article once, then serves the same stories from disk", async () => {
    const first = await open();
    expect(first.ingested).toHaveLength(3);
    expect(cacheFiles("stories")).toHaveLength(3);

    const second = await open();
    expect(second.ingested).toEqual([]);
    expect(second.library.ids()).toEqual(first.library.ids());
    for (const id of first.library.ids()) expect(second.library.get(id)).toEqual(first.library.get(id));
    expect(second.library.card("ferry-strike-2022-03-04")).toMatchObject({ title: "Island ferry crews end nine-day strike after pay deal", paragraphCount: 8 });
  });

  it("rebuilds only the article whose text changed, and serves the new text", async () => {
    await open();
    const file = join(stories, "ferry-strike-2022-03-04.txt");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("Graham Oyelaran", "Nadia Brennan"));

    const { library, ingested } = await open();
    expect(ingested).toEqual([file]);
    const text = library.get("ferry-strike-2022-03-04")!.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("Nadia Brennan");
    expect(text).not.toContain("Graham Oyelaran");
    expect(ids(library.route("Who is Nadia Brennan?", 1))).toEqual(["ferry-strike-2022-03-04"]);
  });

  it("keeps another engine version's files apart, so two versions sharing a cache do not undo each other", async () => {
    const first = await open();
    const names = cacheFiles("stories").map((f) => f.split(/[\\/]/).pop()!);
    // another version of storybot, sharing the directory, writes the same articles' stories
    const other = join(cacheDir, "another-engine", "stories");
    cpSync(join(cacheDir, engineFingerprint(), "stories"), other, { recursive: true });
    for (const n of names) writeFileSync(join(other, n), '{"engine":"another-engine"}');
    const { library, ingested } = await open();
    expect(ingested).toEqual([]);
    for (const id of first.library.ids()) expect(library.get(id)).toEqual(first.library.get(id));
    expect(readdirSync(cacheDir).sort()).toEqual(["another-engine", engineFingerprint()].sort());
  });

  it("ignores damaged cache files and rebuilds them", async () => {
    const first = await open();
    const [damaged, truncated, foreign] = cacheFiles("stories");
    writeFileSync(damaged!, "not json at all");
    writeFileSync(truncated!, readFileSync(truncated!, "utf8").slice(0, 500));
    // valid JSON from another engine version
    writeFileSync(foreign!, JSON.stringify({ ...JSON.parse(readFileSync(foreign!, "utf8")), engine: "older" }));
    for (const manifest of cacheFiles("libraries")) writeFileSync(manifest, '{"engine":');

    const second = await open();
    expect(second.ingested).toHaveLength(3);
    for (const id of first.library.ids()) expect(second.library.get(id)).toEqual(first.library.get(id));
    expect((await open()).ingested).toEqual([]);
  });

  it("reads evicted stories back from the cache when a question reaches them again", async () => {
    await open();
    const { library } = await open({ keepInMemory: 1 });
    const before = library.get("glacier-survey-2021-08-12");
    library.get("ferry-strike-2022-03-04");
    const after = library.get("glacier-survey-2021-08-12");
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it("says which story is lost when its cached copy disappears after loading", async () => {
    await open();
    const { library } = await open({ keepInMemory: 1 });
    for (const f of cacheFiles("stories")) rmSync(f);
    expect(library.get("glacier-survey-2021-08-12")).toBeUndefined();
    expect(library.errors.at(-1)?.message).toMatch(/glacier-survey-2021-08-12\.txt: its cached copy .* is gone or damaged/);
  });

  it("forgets deleted articles and picks up new ones", async () => {
    await open();
    rmSync(join(stories, "glacier-survey-2021-08-12.txt"));
    cpSync(join(stories, "ferry-strike-2022-03-04.txt"), join(stories, "ferry-copy.txt"));
    const { library, ingested } = await open();
    expect(ingested).toEqual([]);
    expect(library.ids()).toEqual(["ferry-copy", "ferry-strike-2022-03-04", "korea-herald-2020-10-22"]);
    expect(ids(library.route("Who led the survey of the Tessin Glacier?", 3))).not.toContain("glacier-survey-2021-08-12");
  });

  it("caches a single article file too", async () => {
    const file = join(stories, "glacier-survey-2021-08-12.txt");
    const fresh = await loadStoryFile(file, { cacheDir });
    expect(cacheFiles("stories")).toHaveLength(1);
    expect(await loadStoryFile(file, { cacheDir })).toEqual(fresh);
  });

  it("reports unreadable articles and loads the rest", async () => {
    writeFileSync(join(stories, "empty.txt"), "   \n");
    writeFileSync(join(stories, "binary.md"), "a\u0000b");
    const { library } = await open();
    expect(library.size).toBe(3);
    expect(library.errors.map((e) => e.message)).toEqual([expect.stringMatching(/binary\.md: not a text file/), expect.stringMatching(/empty\.txt: the article is empty/)]);
    expect((await StoryLibrary.fromDirectory(join(work, "missing"), { cacheDir })).errors[0]?.message).toMatch(/cannot read the story directory/);
  });
});
