/**
 * Which stories a question is about: BM25 over whole stories (a document per story, bm25.ts), on
 * the same Porter stems as each story's own passage index (search-index.ts). The router only
 * shortlists; answer() on each shortlisted story decides (answer-across.ts).
 */
import { Bm25Index, type Bm25Postings, type Scored } from "./bm25.js";
import { questionTokens, stem } from "../language/nlp.js";
import { isContent } from "./search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "../language/stopwords.js";
import type { Story } from "../types.js";

export type RoutedStory = Scored<string>;

/**
 * The router as a library's manifest keeps it: its postings, the numbers as base64 of their
 * bytes. A thousand stories' router was 5 MB of JSON that every process parsed and indexed again
 * (~100 ms); this is read as it ranks, with each number checked.
 */
export interface RouterJSON extends Omit<Bm25Postings<string>, "df" | "docs" | "counts"> {
  /** Uint32 */
  df: string;
  /** Uint16, or Uint32 past 65,536 stories */
  docs: string;
  /** Uint16 */
  counts: string;
}

const bytesOf = (a: Uint16Array | Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

function numbersOf(text: unknown, Kind: typeof Uint16Array | typeof Uint32Array): Uint16Array | Uint32Array | null {
  if (typeof text !== "string") return null;
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % Kind.BYTES_PER_ELEMENT) return null;
  // copied: a small Buffer sits in a shared pool at any offset, and typed arrays must be aligned
  const out = new Kind(bytes.length / Kind.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const docsKind = (stories: number) => (stories > 65536 ? Uint32Array : Uint16Array);

function titleStems(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

/** The words a story is indexed under: its title and every content word of its body. */
export function storyStems(story: Story): string[] {
  return [...titleStems(story.title), ...story.sentences.flatMap((s) => s.tokens.filter(isContent).map((t) => t.stem))];
}

export function questionStems(question: string): string[] {
  // spaces normalised as the answer's reading of the question does, so that both share one tagging
  return questionTokens(question.replace(/\s+/g, " ").trim())
    .filter((t) => isContent(t) && !QUESTION_WORDS.has(t.text.toLowerCase()))
    .map((t) => t.stem);
}

const isStoryId = (v: unknown): v is string => typeof v === "string";

export class StoryRouter {
  private constructor(private readonly index: Bm25Index<string>) {}

  static empty(): StoryRouter {
    return new StoryRouter(new Bm25Index());
  }

  /** A router saved with toJSON(), or null when the data is not one. */
  static fromJSON(data: unknown): StoryRouter | null {
    if (typeof data !== "object" || data === null) return null;
    const saved = data as Partial<RouterJSON>;
    if (!Array.isArray(saved.ids)) return null;
    const postings = { ...saved, df: numbersOf(saved.df, Uint32Array), docs: numbersOf(saved.docs, docsKind(saved.ids.length)), counts: numbersOf(saved.counts, Uint16Array) };
    // changed only when the library's articles change: then it is unpacked for put and remove
    const index = Bm25Index.fromPostings(postings, isStoryId, { frozen: false });
    return index && new StoryRouter(index);
  }

  /** Adds the story, or replaces the one indexed under its id. */
  put(story: Story): void {
    this.index.put(story.id, storyStems(story));
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  get size(): number {
    return this.index.size;
  }

  /** Builds the inverted index now, as part of loading, rather than at the first question. */
  prepare(): void {
    this.index.prepare();
  }

  /** The stories that best match the question, best first; empty when no word matches. */
  route(question: string, limit: number): RoutedStory[] {
    return this.rankStems(questionStems(question), limit);
  }

  /** As route(), for a question already turned into its stems (questionStems). */
  rankStems(stems: string[], limit: number): RoutedStory[] {
    return this.index.rank(stems, limit);
  }

  toJSON(): RouterJSON {
    const p = this.index.toPostings();
    const pack = (numbers: ArrayLike<number>, Kind: typeof Uint16Array | typeof Uint32Array) => bytesOf(numbers instanceof Kind ? numbers : Kind.from(numbers));
    return { ...p, df: pack(p.df, Uint32Array), docs: pack(p.docs, docsKind(p.ids.length)), counts: pack(p.counts, Uint16Array) };
  }
}
