/**
 * A cache entry stamped right (this engine, this article's hash) but damaged inside: the library's
 * manifest still lists the story, so nothing is re-read at load; the damage shows when a question
 * reaches the story. Every field is validated on read, the story is ingested again from its
 * unchanged article, the rebuild is named, and the commands that touch the damaged part answer.
 * Written against the IngestStore interface, so that it holds whatever keeps the entries.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { Stories } from "../commands/stories-service.js";
import { preloadIngest, StoryLibrary } from "../src/engine/index.js";
import { engineFingerprint, type IngestStore } from "../src/engine/story/story-cache.js";
import { toDiscordMessage } from "../src/render/discord-message.js";
import { runCommand } from "./props/drive-commands.js";

const DEFAULT_STORY = new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url);
const ID = "korea-herald-2020-10-22";

/** The simplest IngestStore: two maps. */
function memoryStore(): IngestStore & { stories: Map<string, string> } {
  const stories = new Map<string, string>();
  const libraries = new Map<string, string>();
  return {
    location: "the test's memory store",
    stories,
    getStory: (engine, hash) => stories.get(`${engine}:${hash}`) ?? null,
    putStory: (engine, hash, data) => void stories.set(`${engine}:${hash}`, data),
    getLibrary: (engine, dir) => libraries.get(`${engine}:${dir}`) ?? null,
    putLibrary: (engine, dir, data) => void libraries.set(`${engine}:${dir}`, data),
  };
}

/** Ways an entry can be damaged and still look like a story at a glance. */
const DAMAGE: Record<string, (story: any) => void> = {
  "an entity without its mentions": (s) => delete s.entities[0].mentions,
  "a token without its stem": (s) => delete s.sentences[3].tokens[2].stem,
  "a date of the wrong precision": (s) => (s.dates[0].precision = 12),
  "a paragraph pointing past the last sentence": (s) => s.paragraphs[1].sentenceIds.push(10_000),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "storybot-cache-damage-"));
  cpSync(DEFAULT_STORY, join(dir, `${ID}.txt`));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a stamped but damaged cache entry", () => {
  it.for(Object.keys(DAMAGE))("with %s is found when a question reaches it, rebuilt and named, and the commands answer", async (kind, { expect }) => {
    await preloadIngest();
    const store = memoryStore();
    const first = await StoryLibrary.fromDirectory(dir, { cache: store });
    const intact = first.get(ID)!;
    const key = [...store.stories.keys()].find((k) => k.startsWith(`${engineFingerprint()}:`))!;
    const damaged = JSON.parse(store.stories.get(key)!);
    DAMAGE[kind]!(damaged);
    store.stories.set(key, JSON.stringify(damaged));

    const library = await StoryLibrary.fromDirectory(dir, { cache: store });
    const notes: string[] = [];
    library.onRebuilt = (note) => notes.push(note.message);
    expect(library.rebuilt).toEqual([]);
    expect(library.get(ID)).toEqual(intact);
    expect(notes).toEqual([expect.stringMatching(new RegExp(`${ID}\\.txt: its cached copy in the test's memory store is damaged \\(.+\\); ingested again`))]);
    expect(library.errors).toEqual([]);
    // the entry is whole again: the next library reads it without a rebuild
    expect(JSON.parse(store.stories.get(key)!)).toEqual(JSON.parse(JSON.stringify((({ id: _i, file: _f, ...rest }) => rest)(intact))));

    const stories = new Stories(library);
    for (const [name, values] of [["who", { subject: "Mao Anying" }], ["timeline", {}], ["facts", {}], ["ask", { question: "When did the war begin?" }]] as const) {
      const run = await runCommand(commands.find((c) => c.name === name)!, values, "discord", stories);
      expect(run.slips, name).toEqual([]);
      expect(toDiscordMessage(run.replies[0]!).embeds.length, name).toBe(1);
    }
  });
});
