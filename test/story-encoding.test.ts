/**
 * The cache's compact form of a story (story-encoding.ts): what is read back is the story ingest
 * made, and the passage index and verbs cached with it rank and relate exactly as an index built
 * from the story would. Real articles of the repository's own, every reader (text, Markdown, HTML).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestText, type Story } from "../src/engine/index.js";
import { adoptIndex, indexOf, isContent, StoryIndex } from "../src/engine/index/search-index.js";
import { verbDistance, verbReach } from "../src/engine/language/wordnet.js";
import { decodeStory, encodeStory } from "../src/engine/story/story-encoding.js";
import { dependencyParser } from "../src/engine/language/parser/parser.js";
import { encodeParse } from "../src/engine/language/parser/parse-code.js";
import { MAX_PARSED_TOKENS, sentenceTree } from "../src/engine/language/parser/sentence-parse.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const articles = [join(ROOT, "data/stories/korea-herald-2020-10-22.txt"), ...(readdirSync(join(ROOT, "test/fixtures"), { recursive: true }) as string[]).filter((n) => /\.(?:txt|md|html)$/.test(n)).map((n) => join(ROOT, "test/fixtures", n))];

/** Through the cache's encoding and JSON and back, as the cache reads it. */
function roundTrip(story: Story): { story: Story; index: StoryIndex } {
  const { id, file, ...content } = story;
  const decoded = decodeStory(JSON.parse(JSON.stringify(encodeStory(content, indexOf(story).saved()))))!;
  const back: Story = { ...decoded.story, id, file };
  expect(adoptIndex(back, decoded.index)).toBe(true);
  return { story: back, index: indexOf(back) };
}

describe("a story through the cache's encoding", () => {
  it.for(articles.map((a) => [a.slice(ROOT.length)]))("%s reads back as ingest made it, with the same index", ([file]) => {
    const story = ingestText(readFileSync(join(ROOT, file!), "utf8"), "s", file!);
    const { story: back, index } = roundTrip(story);
    expect(back).toEqual(story);
    const built = new StoryIndex(story);
    for (const s of story.sentences) {
      const stems = s.tokens.filter(isContent).map((t) => t.stem);
      expect(index.rank(stems, 5)).toEqual(built.rank(stems, 5));
      for (const st of stems) expect(index.idfOf(st)).toBe(built.idfOf(st));
    }
    for (const verb of ["perform", "begin", "visit", "win", "lose", "repair", "announce", "die"]) expect(index.relatedVerbs(verb), verb).toEqual(built.relatedVerbs(verb));
  });

  it("writes out what is not what the shortcuts say: a token's text, a sentence's, a paragraph's sentences, a mention's text", () => {
    const story = ingestText("Storm hits the coast\n\nOSLO, May 2, 2022 — The storm hit the coast on Monday, officials said. Roads closed.\n\nSchools stay shut, Mayor Ann Berg said.", "s", "s.txt");
    // as wink may normalise a character, and as another reader may lay a story out
    story.sentences[0]!.tokens[1]!.text = "STORM";
    story.sentences[1]!.text = "Roads were closed.";
    story.paragraphs[0]!.sentenceIds = [0];
    const mention = story.entities.find((e) => e.mentions.length)!.mentions[0]!;
    mention.text = `${mention.text} (as named)`;
    expect(roundTrip(story).story).toEqual(story);
  });
});

describe("each sentence's parse, cached with its story", () => {
  const story = ingestText(readFileSync(articles[0]!, "utf8"), "s", "s.txt");
  const { id: _id, file: _file, ...content } = story;
  const encoded = () => JSON.parse(JSON.stringify(encodeStory(content, indexOf(story).saved())));

  it("reads back as the parser makes it", () => {
    const back = decodeStory(encoded()).story;
    const parsed = back.sentences.filter((s) => s.tokens.length <= MAX_PARSED_TOKENS);
    expect(parsed.length).toBeGreaterThan(10);
    for (const s of parsed) {
      const { heads, labels } = sentenceTree(s);
      expect({ heads, labels }).toEqual(dependencyParser().parse(s.tokens));
    }
  });

  it("is what a sentence read back uses, and one that does not fit its sentence is parsed again", () => {
    const entry = encoded();
    const n = story.sentences[0]!.tokens.length;
    // every word hanging from the first: no parse the parser would make
    entry.parses[0] = encodeParse({ heads: Array.from({ length: n }, (_, k) => (k === 0 ? -1 : 0)), labels: Array.from({ length: n }, (_, k) => (k === 0 ? "root" : "dep")) });
    entry.parses[1] = entry.parses[1].slice(2);
    const back = decodeStory(entry).story;
    expect(sentenceTree(back.sentences[0]!).heads).toEqual(Array.from({ length: n }, (_, k) => (k === 0 ? -1 : 0)));
    expect(sentenceTree(back.sentences[1]!).heads).toEqual(dependencyParser().parse(back.sentences[1]!.tokens).heads);
  });
});

describe("a verb's reach, as the index keeps it", () => {
  it("holds what relates it to other verbs: its senses, the nouns it derives, its opposites", () => {
    expect(verbDistance("sing", verbReach("perform"))).toBe(2);
    expect(verbDistance("start", verbReach("begin"))).toBe(0);
    // through "restitution" and "reconstruction", kinds of "repair"
    expect(verbDistance("renovate", verbReach("remodel"))).toBe(2);
    expect(verbDistance("win", verbReach("lose"))).toBeNull();
    expect(verbDistance("bear", verbReach("visit"))).toBeNull();
    expect(verbReach("zzzz")).toEqual({ lemma: "zzzz", senses: [], opposed: [], reach: [[], [], []] });
  });
});
