/**
 * A reproducible corpus of many stories for the scale benchmark, made from real articles (the
 * default story and the test fixtures), not lorem ipsum. Each generated story takes one source
 * article, keeps its title, credit and lead in place, shuffles the other paragraphs with a few
 * borrowed from other sources, gives its people other names from the sources' pool of names, and
 * moves every year by the same offset, so that no two stories are alike but all read as news.
 * The same variation applied to a question about the source gives a question about the story.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ingestText, storyIdFromFile } from "../src/engine/index.js";
import { pick, seededRandom, shuffle } from "./stats.js";

export interface SourceArticle {
  id: string;
  text: string;
  /** people named in full, as [given name, family name] */
  people: [string, string][];
}

export interface GeneratedStory {
  id: string;
  file: string;
  source: string;
  /** name parts replaced throughout: [from, to] */
  swaps: [string, string][];
  yearShift: number;
}

/** Paragraphs a generated story has at least (before a random few more), so 1,000 stories hold > 20,000. */
const MIN_PARAGRAPHS = 21;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]+$/u;

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:txt|md)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The default story and every article under test/fixtures/, with the people each names. */
export function loadSources(root: string): SourceArticle[] {
  const files = [...articleFiles(join(root, "data/stories")), ...articleFiles(join(root, "test/fixtures"))];
  return files.map((file) => {
    const text = readFileSync(file, "utf8");
    const id = storyIdFromFile(file);
    const people = ingestText(text, id)
      .entities.filter((e) => e.type === "person")
      .map((e) => e.name.split(/\s+/).slice(-2))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts.every((p) => CAPITALISED.test(p)));
    if (!text.trim()) throw new Error(`${relative(root, file)}: empty source article`);
    return { id, text, people };
  });
}

function blocksOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((b) => b.trim())
    .filter(Boolean);
}

const isProse = (block: string) => /[.!?]["”’]?$/.test(block) && block.split(/\s+/).length > 8;

/** Title, credit and lead stay first and trailer junk last; the paragraphs between may move. */
function partsOf(text: string): { head: string[]; middle: string[]; tail: string[] } {
  const blocks = blocksOf(text);
  const first = blocks.findIndex(isProse);
  const last = blocks.findLastIndex(isProse);
  if (first < 0) return { head: blocks, middle: [], tail: [] };
  return { head: blocks.slice(0, first + 1), middle: blocks.slice(first + 1, last + 1), tail: blocks.slice(last + 1) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The story's name swaps and year offset, applied to its text or to a question about its source. */
export function vary(text: string, story: Pick<GeneratedStory, "swaps" | "yearShift">): string {
  let out = text;
  if (story.swaps.length) {
    const to = new Map(story.swaps);
    // one pass, so that a name swapped in is never swapped again
    const names = new RegExp(`(?<![\\p{L}\\p{N}])(${story.swaps.map(([from]) => escape(from)).join("|")})(?![\\p{L}\\p{N}-])`, "gu");
    out = out.replace(names, (m) => to.get(m) ?? m);
  }
  if (story.yearShift) out = out.replace(/\b(1[89]\d\d|20\d\d)\b/g, (y) => String(Number(y) + story.yearShift));
  return out;
}

/** Writes `count` stories into outDir (plus corpus.json describing them) and returns their descriptions. */
export function generateCorpus(sources: SourceArticle[], options: { count: number; seed: number; outDir: string }): GeneratedStory[] {
  if (!sources.length) throw new Error("no source articles to build a corpus from");
  const random = seededRandom(options.seed);
  const parts = new Map(sources.map((s) => [s.id, partsOf(s.text)]));
  const givenNames = [...new Set(sources.flatMap((s) => s.people.map((p) => p[0])))];
  const familyNames = [...new Set(sources.flatMap((s) => s.people.map((p) => p[1])))];
  mkdirSync(options.outDir, { recursive: true });
  const stories: GeneratedStory[] = [];
  for (let i = 0; i < options.count; i++) {
    const source = sources[i % sources.length]!;
    const { head, middle, tail } = parts.get(source.id)!;
    const others = sources.filter((s) => s !== source);
    const borrowedCount = Math.max(0, MIN_PARAGRAPHS - head.length - middle.length) + Math.floor(random() * 6);
    const borrowed = others.length ? Array.from({ length: borrowedCount }, () => pick(parts.get(pick(others, random).id)!.middle.filter(isProse), random)).filter(Boolean) : [];
    const swaps = new Map<string, string>();
    for (const [given, family] of [...source.people, ...others.flatMap((o) => o.people)]) {
      if (!swaps.has(given) && givenNames.length) swaps.set(given, pick(givenNames, random));
      if (!swaps.has(family) && familyNames.length) swaps.set(family, pick(familyNames, random));
    }
    const yearShift = Math.floor(random() * 16) - 12 || 1;
    const id = `${String(i + 1).padStart(4, "0")}-${source.id}`;
    const story: GeneratedStory = { id, file: `${id}.txt`, source: source.id, swaps: [...swaps].filter(([a, b]) => a !== b), yearShift };
    const body = [...head, ...shuffle([...middle, ...borrowed], random), ...tail].join("\n\n");
    writeFileSync(join(options.outDir, story.file), vary(body, story) + "\n");
    stories.push(story);
  }
  writeFileSync(join(options.outDir, "corpus.json"), JSON.stringify({ seed: options.seed, stories }));
  return stories;
}
