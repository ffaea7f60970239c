/** The database: created on first start, WAL, versioned migrations, clear refusals, servers' stories and settings. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseError, IN_MEMORY, openDatabase, openStorage, type Migration, type NewServerStory } from "../src/store/index.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";

let work: string;
beforeEach(() => void (work = mkdtempSync(join(tmpdir(), "storybot-db-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

const story = (over: Partial<NewServerStory> = {}): NewServerStory => ({
  guildId: "111",
  id: "harbour-fire",
  title: "Fire at the harbour",
  hash: "abc",
  sourceUrl: "https://news.example/fire",
  fileName: "fire.txt",
  addedBy: "42",
  addedAt: "2026-12-01T10:00:00.000Z",
  text: "Fire at the harbour\n\nA fire broke out on Monday.",
  ...over,
});

describe("the database file", () => {
  it("is created on first start, with its directory, in WAL mode, at the latest schema version", () => {
    const file = join(work, "nested", "dir", "storybot.db");
    const db = openDatabase(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const versions = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
    // a second start applies nothing again
    const again = openDatabase(file);
    expect((again.prepare("SELECT count(*) AS n FROM schema_migrations").get() as { n: number }).n).toBe(MIGRATIONS.length);
    again.close();
  });

  it("applies only the migrations a file is missing, in order, each in a transaction", () => {
    const file = join(work, "s.db");
    const first: Migration = { version: 1, name: "one", up: "CREATE TABLE a (x)" };
    openDatabase(file, { migrations: [first] }).close();
    const broken: Migration = { version: 2, name: "broken", up: "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1)" };
    expect(() => openDatabase(file, { migrations: [first, broken] })).toThrow(DatabaseError);
    // the failed migration left nothing behind
    const raw = new Database(file);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    raw.close();
    const second: Migration = { version: 2, name: "two", up: "CREATE TABLE b (y)" };
    const db = openDatabase(file, { migrations: [first, second] });
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all()).toEqual([1, 2]);
    db.close();
  });

  it("refuses a database newer than this storybot, and migrations with gaps", () => {
    const file = join(work, "s.db");
    openDatabase(file).close();
    expect(() => openDatabase(file, { migrations: MIGRATIONS.slice(0, 0) })).toThrow(`schema version ${MIGRATIONS.length}, newer than this storybot knows (0)`);
    expect(() => openDatabase(join(work, "t.db"), { migrations: [{ version: 2, name: "x", up: "" }] })).toThrow(/expected 1/);
  });

  it("says clearly when the path cannot hold a database", () => {
    writeFileSync(join(work, "a-file"), "");
    expect(() => openDatabase(join(work, "a-file", "storybot.db"))).toThrow(/a-file\/storybot\.db: cannot open the database/);
    mkdirSync(join(work, "a-dir"));
    expect(() => openDatabase(join(work, "a-dir"))).toThrow(/a-dir: cannot open the database/);
    writeFileSync(join(work, "text.db"), "this is not a database, only some text that is long enough to have a header");
    expect(() => openDatabase(join(work, "text.db"))).toThrow(/text\.db: .*not a SQLite database|text\.db: .*file is not a database/);
  });

  it("says clearly when the directory is not writable", () => {
    // root writes into any directory whatever its mode: as root (as in CI) the directory is /proc,
    // where no one can create a file
    const asRoot = process.getuid?.() === 0;
    const dir = asRoot ? "/proc" : join(work, "locked");
    if (!asRoot) {
      mkdirSync(dir);
      chmodSync(dir, 0o500);
    }
    expect(() => openDatabase(join(dir, "storybot.db"))).toThrow(`${join(dir, "storybot.db")}: cannot open the database`);
  });
});

describe("servers' stories and settings", () => {
  it("keeps each server's stories to itself", async () => {
    const { servers, close } = openStorage(IN_MEMORY);
    expect(await servers.addStory(story())).toBe("added");
    await servers.addStory(story({ guildId: "222", id: "budget-vote", title: "Budget vote" }));
    expect((await servers.listStories("111")).map((s) => s.id)).toEqual(["harbour-fire"]);
    expect((await servers.listStories("222")).map((s) => s.id)).toEqual(["budget-vote"]);
    expect(await servers.storyText("222", "harbour-fire")).toBeNull();
    expect(await servers.storyText("111", "harbour-fire")).toContain("A fire broke out");
    const [listed] = await servers.listStories("111");
    expect(listed).toEqual({ guildId: "111", id: "harbour-fire", title: "Fire at the harbour", hash: "abc", sourceUrl: "https://news.example/fire", fileName: "fire.txt", addedBy: "42", addedAt: "2026-12-01T10:00:00.000Z" });
    close();
  });

  it("replaces a story added again under the same id, and says so", async () => {
    const { servers, close } = openStorage(IN_MEMORY);
    await servers.addStory(story());
    expect(await servers.addStory(story({ text: "Fire\n\nNew text.", hash: "def" }))).toBe("replaced");
    expect(await servers.listStories("111")).toHaveLength(1);
    expect(await servers.storyText("111", "harbour-fire")).toBe("Fire\n\nNew text.");
    close();
  });

  it("keeps a default story per server, and forgets it when that story is removed", async () => {
    const { servers, close } = openStorage(IN_MEMORY);
    await servers.addStory(story());
    expect(await servers.defaultStory("111")).toBeNull();
    await servers.setDefaultStory("111", "harbour-fire");
    await servers.setDefaultStory("222", "korea-herald-2020-10-22");
    expect(await servers.defaultStory("111")).toBe("harbour-fire");
    expect(await servers.removeStory("111", "harbour-fire")).toBe(true);
    expect(await servers.removeStory("111", "harbour-fire")).toBe(false);
    expect(await servers.defaultStory("111")).toBeNull();
    expect(await servers.defaultStory("222")).toBe("korea-herald-2020-10-22");
    close();
  });

  it("keeps what was written across connections to the same file", async () => {
    const file = join(work, "storybot.db");
    const a = openStorage(file);
    await a.servers.addStory(story());
    await a.servers.setDefaultStory("111", "harbour-fire");
    const b = openStorage(file);
    expect((await b.servers.listStories("111")).map((s) => s.id)).toEqual(["harbour-fire"]);
    expect(await b.servers.defaultStory("111")).toBe("harbour-fire");
    a.close();
    b.close();
  });
});
