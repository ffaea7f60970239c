/** The conversation memory in the database: per user and channel, expiring, bounded, user ids hashed, kept across a restart. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewTurn } from "../src/conversation/memory.js";
import { SqliteConversationStore } from "../src/store/conversation-store.js";
import { IN_MEMORY, openDatabase, openStorage } from "../src/store/index.js";

let work: string;
beforeEach(() => void (work = mkdtempSync(join(tmpdir(), "storybot-convo-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

const turn = (question: string): NewTurn => ({
  story: "s",
  question,
  asked: question,
  answer: "Ingrid Halvorsen",
  kind: "who",
  confidence: 0.9,
  paragraph: 1,
  answerReferent: { name: "Ingrid Halvorsen", type: "person", gender: "female" },
  subjects: [{ name: "the Storvik Bridge", type: "place" }],
  earlier: [],
  pending: null,
});

const USER = "301234567890123456";
const here = { guild: "111111111111111111", channel: "222222222222222222", user: USER };

describe("the conversation memory", () => {
  it("gives each user in each channel their own latest turn, with what it named", async () => {
    const { conversations } = openStorage(IN_MEMORY);
    await conversations.remember(here, turn("first"));
    const id = await conversations.remember(here, turn("second"));
    await conversations.remember({ ...here, user: "309999999999999999" }, turn("someone else's"));
    await conversations.remember({ ...here, channel: "233333333333333333" }, turn("another channel"));
    const last = await conversations.last(here);
    expect(last).toMatchObject({ id, question: "second", answerReferent: { name: "Ingrid Halvorsen", gender: "female" }, subjects: [{ name: "the Storvik Bridge" }] });
    expect(await conversations.last({ ...here, user: "308888888888888888" })).toBeNull();
    // a turn is found by id in its own server only (a reply, a vote)
    expect((await conversations.turn(id, here.guild))?.question).toBe("second");
    expect(await conversations.turn(id, "199999999999999999")).toBeNull();
  });

  it("stops following a turn after some minutes, and forgets it after some days", async () => {
    let now = 1_000_000;
    const db = openDatabase(IN_MEMORY);
    const memory = new SqliteConversationStore(db, { followMs: 60_000, keepMs: 3_600_000, maxTurns: 100 }, () => now);
    const id = await memory.remember(here, turn("old"));
    now += 61_000;
    expect(await memory.last(here)).toBeNull();
    // a reply to that answer still finds it
    expect((await memory.turn(id, here.guild))?.question).toBe("old");
    now += 3_600_000;
    expect(await memory.turn(id, here.guild)).toBeNull();
  });

  it("keeps at most its maximum number of turns, the newest", async () => {
    const db = openDatabase(IN_MEMORY);
    const memory = new SqliteConversationStore(db, { followMs: 60_000, keepMs: 3_600_000, maxTurns: 5 });
    for (let i = 0; i < 101; i++) await memory.remember(here, turn(`q${i}`));
    const rows = db.prepare("SELECT question FROM conversation_turns ORDER BY id").pluck().all();
    expect(rows).toEqual(["q96", "q97", "q98", "q99", "q100"]);
  });

  it("stores a keyed hash of the user id, never the id, and remembers across a restart", async () => {
    const file = join(work, "storybot.db");
    const first = openStorage(file);
    await first.conversations.remember(here, turn("before the restart"));
    first.close();
    const raw = new Database(file, { readonly: true });
    const dump = JSON.stringify(raw.prepare("SELECT * FROM conversation_turns").all());
    raw.close();
    expect(dump).not.toContain(USER);
    const second = openStorage(file);
    expect((await second.conversations.last(here))?.question).toBe("before the restart");
    second.close();
  });
});
