/**
 * A cache entry stamped right (this engine, this article's hash) but damaged inside: the library's
 * manifest still lists the story, so nothing is re-read at load; the damage shows when a question
 * reaches the story. The entry's bytes no longer match the digest written with them, the story is
 * ingested again from its unchanged article, the rebuild is named, and the commands that touch the
 * damaged part answer.
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
import { decodeStory, encodeStory, type EncodedStory } from "../src/engine/story/story-encoding.js";
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

/** Ways an entry can be damaged and still look like a story at a glance: in the story, encoded again, or in its encoding; the digest before it left as it was. */
const DAMAGE: Record<string, (entry: EncodedStory) => EncodedStory> = {
  "an entity without its mentions": (e) => (delete (e.entities[0] as Partial<EncodedStory["entities"][number]>).mentions, e),
  "a token without its stem": inStory((s) => delete s.sentences[3].tokens[2].stem),
  "a date of the wrong precision": inStory((s) => (s.dates[0].precision = 12)),
  "a paragraph pointing past the last sentence": inStory((s) => s.paragraphs[1].sentenceIds.push(10_000)),
  "a token pointing past the lexicon": (e) => ((tokensOf(e, 2)[5] = e.lexicon.length), e),
  "a token's offsets cut short": (e) => (tokensOf(e, 2).pop(), e),
  "a token starting before its sentence": (e) => ((tokensOf(e, 2)[0] = -5), e),
  "one letter of a paragraph changed": (e) => ((e.paragraphs[2]![1] = e.paragraphs[2]![1].replace(/[a-z]/, (c) => (c === "e" ? "a" : "e"))), e),
  "a lexicon entry that is not text": (e) => ((e.lexicon as unknown[])[4] = 7, e),
  "a passage index pointing past the last sentence": (e) => (e.passages.docs[3] = 10_000, e),
  "a passage index missing a term": (e) => (e.passages.vocabulary.pop(), e),
  "a verb without its senses": (e) => ((e.verbs[0] as unknown[])[1] = null, e),
};

/** An entry as stored: its digest, then its JSON. */
const jsonOf = (stored: string) => stored.slice(stored.indexOf("{"));
const digestOf = (stored: string) => stored.slice(0, stored.indexOf("{"));

/** A sentence's tokens as encoded: the one list of numbers among its fields. */
const tokensOf = (entry: EncodedStory, sentence: number) => (entry.sentences[sentence] as unknown[]).find((f) => Array.isArray(f)) as number[];

function inStory(damage: (story: any) => void): (entry: EncodedStory) => EncodedStory {
  return (entry) => {
    const { story, index } = decodeStory(entry)!;
    damage(story);
    return encodeStory(story, index);
  };
}

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
    const stored = store.stories.get(key)!;
    store.stories.set(key, digestOf(stored) + JSON.stringify(DAMAGE[kind]!(JSON.parse(jsonOf(stored)))));

    const library = await StoryLibrary.fromDirectory(dir, { cache: store });
    const notes: string[] = [];
    library.onRebuilt = (note) => notes.push(note.message);
    expect(library.rebuilt).toEqual([]);
    expect(library.get(ID)).toEqual(intact);
    expect(notes).toEqual([expect.stringMatching(new RegExp(`${ID}\\.txt: its cached copy in the test's memory store is damaged \\(.+\\); ingested again`))]);
    expect(library.errors).toEqual([]);
    // the entry is whole again: the next library reads it without a rebuild
    expect(decodeStory(JSON.parse(jsonOf(store.stories.get(key)!)))?.story).toEqual((({ id: _i, file: _f, ...rest }) => rest)(intact));

    const stories = new Stories(library);
    for (const [name, values] of [["who", { subject: "Mao Anying" }], ["timeline", {}], ["facts", {}], ["ask", { question: "When did the war begin?" }]] as const) {
      const run = await runCommand(commands.find((c) => c.name === name)!, values, "discord", stories);
      expect(run.slips, name).toEqual([]);
      expect(toDiscordMessage(run.replies[0]!).embeds.length, name).toBe(1);
    }
  });
});
