/** The ingest cache keeps the newest engines' entries only: an upgraded bot does not keep a copy of every story per version. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, openStorage } from "../src/store/index.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import { ENGINES_KEPT } from "../src/store/ingest-store.js";

let work: string;
beforeEach(() => void (work = mkdtempSync(join(tmpdir(), "storybot-engines-"))));
afterEach(() => {
  vi.useRealTimers();
  rmSync(work, { recursive: true, force: true });
});

/** One process of engine `engine` at `at`: writes a story and a directory manifest. */
function runEngine(file: string, engine: string, at: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  const storage = openStorage(file);
  storage.ingest.putStory(engine, "h1", `story by ${engine}`);
  storage.ingest.putLibrary(engine, "/stories", `manifest by ${engine}`);
  storage.close();
  vi.useRealTimers();
}

const held = (file: string, engine: string) => {
  const storage = openStorage(file);
  const both = [storage.ingest.getStory(engine, "h1"), storage.ingest.getLibrary(engine, "/stories")];
  storage.close();
  return both;
};

describe("the ingest cache across engine upgrades", () => {
  it(`keeps the ${ENGINES_KEPT} engines that first wrote last, and deletes the entries of older ones`, () => {
    const file = join(work, "storybot.db");
    // names in the reverse of their order in time: the order kept is the writes', not the names'
    runEngine(file, "engine-c", "2026-01-01T00:00:00Z");
    runEngine(file, "engine-b", "2026-02-01T00:00:00Z");
    expect(held(file, "engine-c")).toEqual(["story by engine-c", "manifest by engine-c"]);
    runEngine(file, "engine-a", "2026-03-01T00:00:00Z");
    expect(held(file, "engine-c")).toEqual([null, null]);
    expect(held(file, "engine-b")).toEqual(["story by engine-b", "manifest by engine-b"]);
    expect(held(file, "engine-a")).toEqual(["story by engine-a", "manifest by engine-a"]);
  });

  it("an older engine writing again (a rollback) keeps its place and prunes nothing of the newer", () => {
    const file = join(work, "storybot.db");
    runEngine(file, "old", "2026-01-01T00:00:00Z");
    runEngine(file, "new", "2026-02-01T00:00:00Z");
    runEngine(file, "old", "2026-03-01T00:00:00Z");
    expect(held(file, "new")).toEqual(["story by new", "manifest by new"]);
    expect(held(file, "old")).toEqual(["story by old", "manifest by old"]);
  });

  it("records the engines a database held before the upgrade, so the next engines prune them", () => {
    const file = join(work, "storybot.db");
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    const put = before.prepare("INSERT INTO ingested (engine, hash, data) VALUES (?, 'h1', ?)");
    for (const engine of ["v1", "v2", "v3"]) put.run(engine, `story by ${engine}`);
    before.close();
    runEngine(file, "v4", "2030-01-01T00:00:00Z");
    const kept = ["v1", "v2", "v3"].filter((engine) => held(file, engine)[0] !== null);
    expect(kept).toHaveLength(ENGINES_KEPT - 1);
    expect(held(file, "v4")[0]).toBe("story by v4");
  });

  it("reads never prune: a read-only run leaves every engine's entries", () => {
    const file = join(work, "storybot.db");
    runEngine(file, "e1", "2026-01-01T00:00:00Z");
    runEngine(file, "e2", "2026-02-01T00:00:00Z");
    const storage = openStorage(file);
    expect(storage.ingest.getStory("e3", "h1")).toBeNull();
    storage.close();
    expect(held(file, "e1")[0]).toBe("story by e1");
    expect(held(file, "e2")[0]).toBe("story by e2");
  });
});
