/** The ingest cache in the database: each article ingested once, damaged entries rebuilt and named, edits and new engines never served stale. */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadStoryFile, StoryLibrary, type IngestProgress } from "../src/engine/story/library.js";
import { engineFingerprint } from "../src/engine/story/story-cache.js";
import { openStorage, type Storage } from "../src/store/index.js";

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
let dbFile: string;
const opened: Storage[] = [];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "storybot-cache-"));
  stories = join(work, "stories");
  dbFile = join(work, "data", "storybot.db");
  cpSync(FIXTURES, stories, { recursive: true });
  cpSync(DEFAULT_STORY, join(stories, "korea-herald-2020-10-22.txt"));
});

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(work, { recursive: true, force: true });
});

/** Each open is a fresh connection to the file, as a new run of storybot would make. */
async function open(options: { keepInMemory?: number } = {}) {
  const storage = openStorage(dbFile);
  opened.push(storage);
  const progress = ingestCounter();
  const library = await StoryLibrary.fromDirectory(stories, { cache: storage.ingest, progress, ...options });
  return { library, ingested: progress.ingested };
}

/** Another connection to the same file, for tests that damage or inspect it by hand. */
function sql(): Database.Database {
  const db = new Database(dbFile);
  return db;
}

const count = (table: string, where = "1") => {
  const db = sql();
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("the ingest cache in the database", () => {
  it("ingests each article once, then serves the same stories from the database", async () => {
    const first = await open();
    expect(first.ingested).toHaveLength(3);
    expect(count("ingested")).toBe(3);

    const second = await open();
    expect(second.ingested).toEqual([]);
    expect(second.library.ids()).toEqual(first.library.ids());
    for (const id of first.library.ids()) expect(second.library.get(id)).toEqual(first.library.get(id));
    expect(second.library.card("ferry-strike-2022-03-04")).toMatchObject({ title: "Island ferry crews end nine-day strike after pay deal", paragraphCount: 8 });
  });

  it("stores entries as ASCII, and reads back the article's curly quotes and dashes as they were", async () => {
    const first = await open();
    const db = sql();
    try {
      const rows = db.prepare("SELECT data FROM ingested UNION ALL SELECT manifest FROM libraries").pluck().all() as string[];
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) expect(/^[\x00-\x7e]*$/.test(row)).toBe(true);
    } finally {
      db.close();
    }
    const text = first.library.get("korea-herald-2020-10-22")!.paragraphs[0]!.text;
    // the shipped story writes "Pyongyang’s" with a curly apostrophe
    expect(text).toContain("Pyongyang’s");
    const second = await open();
    expect(second.ingested).toEqual([]);
    expect(second.library.get("korea-herald-2020-10-22")!.paragraphs[0]!.text).toBe(text);
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

  it("does not ingest an article again when only its time changed", async () => {
    await open();
    const file = join(stories, "glacier-survey-2021-08-12.txt");
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect((await open()).ingested).toEqual([]);
    expect((await open()).ingested).toEqual([]);
  });

  it("keeps another engine version's entries apart, so two versions sharing a database do not undo each other", async () => {
    const first = await open();
    // another version of storybot, sharing the file, caches the same articles its own way
    const db = sql();
    db.prepare("INSERT INTO ingested (engine, hash, data) SELECT 'another-engine', hash, '{\"engine\":\"another-engine\"}' FROM ingested").run();
    db.close();
    const { library, ingested } = await open();
    expect(ingested).toEqual([]);
    for (const id of first.library.ids()) expect(library.get(id)).toEqual(first.library.get(id));
    expect(count("ingested", `engine = '${engineFingerprint()}'`)).toBe(3);
    expect(count("ingested", "engine = 'another-engine'")).toBe(3);
  });

  it("rebuilds damaged entries and names each one", async () => {
    const first = await open();
    const db = sql();
    const hashes = (db.prepare("SELECT hash FROM ingested ORDER BY hash").all() as { hash: string }[]).map((r) => r.hash);
    const set = db.prepare("UPDATE ingested SET data = ? WHERE hash = ?");
    set.run("not json at all", hashes[0]);
    const whole = (db.prepare("SELECT data FROM ingested WHERE hash = ?").get(hashes[1]) as { data: string }).data;
    set.run(whole.slice(0, 500), hashes[1]);
    // valid JSON, but not a story
    set.run(JSON.stringify({ title: "x", paragraphs: "no" }), hashes[2]);
    db.prepare("UPDATE libraries SET manifest = '{\"stories\":'").run();
    db.close();

    const second = await open();
    expect(second.ingested).toHaveLength(3);
    for (const id of first.library.ids()) expect(second.library.get(id)).toEqual(first.library.get(id));
    const notes = second.library.rebuilt.map((n) => n.message);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/the index of .*stories: its cached copy in .*storybot\.db was damaged \(not JSON\); ingested again/);
    for (const name of ["ferry-strike-2022-03-04.txt", "glacier-survey-2021-08-12.txt", "korea-herald-2020-10-22.txt"]) expect(notes.some((n) => n.includes(name) && /was damaged/.test(n))).toBe(true);
    const again = await open();
    expect(again.ingested).toEqual([]);
    expect(again.library.rebuilt).toEqual([]);
  });

  it("reads evicted stories back from the database when a question reaches them again", async () => {
    await open();
    const { library } = await open({ keepInMemory: 1 });
    const before = library.get("glacier-survey-2021-08-12");
    library.get("ferry-strike-2022-03-04");
    const after = library.get("glacier-survey-2021-08-12");
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it("rebuilds a story whose cached copy disappears after loading, and says which is lost when its article changed too", async () => {
    const first = await open();
    const { library } = await open({ keepInMemory: 1 });
    const db = sql();
    db.prepare("DELETE FROM ingested").run();
    db.close();
    expect(library.get("glacier-survey-2021-08-12")).toEqual(first.library.get("glacier-survey-2021-08-12"));
    expect(library.rebuilt.at(-1)?.message).toMatch(/glacier-survey-2021-08-12\.txt: its cached copy in .*storybot\.db is gone; ingested again/);
    writeFileSync(join(stories, "ferry-strike-2022-03-04.txt"), "Edited since\n\nOSLO, May 2, 2022 — Something else happened on Monday.\n");
    expect(library.get("ferry-strike-2022-03-04")).toBeUndefined();
    expect(library.errors.at(-1)?.message).toMatch(/ferry-strike-2022-03-04\.txt: its cached copy in .*storybot\.db is gone; load the stories again/);
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
    const storage = openStorage(dbFile);
    opened.push(storage);
    const fresh = await loadStoryFile(file, { cache: storage.ingest });
    expect(count("ingested")).toBe(1);
    expect(await loadStoryFile(file, { cache: storage.ingest })).toEqual(fresh);
  });

  it("reports unreadable articles and loads the rest", async () => {
    writeFileSync(join(stories, "empty.txt"), "   \n");
    writeFileSync(join(stories, "binary.md"), "a\u0000b");
    const { library } = await open();
    expect(library.size).toBe(3);
    expect(library.errors.map((e) => e.message)).toEqual([expect.stringMatching(/binary\.md: not a text file/), expect.stringMatching(/empty\.txt: the article is empty/)]);
    const storage = openStorage(dbFile);
    opened.push(storage);
    expect((await StoryLibrary.fromDirectory(join(work, "missing"), { cache: storage.ingest })).errors[0]?.message).toMatch(/cannot read the story directory/);
  });
});
