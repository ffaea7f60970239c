/**
 * Which stories a question is about: one BM25 index (MiniSearch) over a whole library, a document
 * per story, on the same Porter stems as each story's own passage index (search-index.ts).
 * A document per story rather than per paragraph keeps a search over 1,000 near-identical wire
 * stories near 1 ms (per paragraph it took ~20 ms); the router only shortlists, and answer() on
 * each shortlisted story decides (answer-across.ts).
 */
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import { analyse, stem } from "./nlp.js";
import { isContent } from "./search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "./stopwords.js";
import type { Story } from "./types.js";

interface RouterDoc {
  id: string;
  stems: string;
}

const OPTIONS: Options<RouterDoc> = {
  fields: ["stems"],
  storeFields: [],
  tokenize: (s) => s.split(" "),
  processTerm: (t) => t || null,
  // vacuuming runs on timers; compact() does it when the library is saved instead
  autoVacuum: false,
};

const SEARCH = { fuzzy: (t: string) => (t.length > 5 ? 0.2 : false), prefix: (t: string) => t.length > 4, combineWith: "OR" } as const;

function titleStems(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

/** The words a story is indexed under: its title and every content word of its body. */
export function storyStems(story: Story): string {
  const body = story.sentences.flatMap((s) => s.tokens.filter(isContent).map((t) => t.stem));
  return [...titleStems(story.title), ...body].join(" ");
}

export function questionStems(question: string): string[] {
  return analyse(question)
    .flatMap((s) => s.tokens)
    .filter((t) => isContent(t) && !QUESTION_WORDS.has(t.text.toLowerCase()))
    .map((t) => t.stem);
}

export class StoryRouter {
  private constructor(private readonly search: MiniSearch<RouterDoc>) {}

  static empty(): StoryRouter {
    return new StoryRouter(new MiniSearch(OPTIONS));
  }

  /** A router saved with toJSON(), or null when the data is not one. */
  static fromJSON(data: unknown): StoryRouter | null {
    try {
      return new StoryRouter(MiniSearch.loadJS(data as AsPlainObject, OPTIONS));
    } catch {
      return null;
    }
  }

  /** Adds the story, or replaces the one indexed under its id. */
  put(story: Story): void {
    const doc = { id: story.id, stems: storyStems(story) };
    if (this.search.has(story.id)) this.search.replace(doc);
    else this.search.add(doc);
  }

  remove(id: string): void {
    if (this.search.has(id)) this.search.discard(id);
  }

  has(id: string): boolean {
    return this.search.has(id);
  }

  get size(): number {
    return this.search.documentCount;
  }

  /** Ids of the stories that best match the question, best first; empty when no word matches. */
  route(question: string, limit: number): string[] {
    const stems = questionStems(question);
    if (!stems.length) return [];
    return this.search
      .search(stems.join(" "), SEARCH)
      .slice(0, limit)
      .map((r) => r.id as string);
  }

  /** Drops what remove() and put() left behind, before the router is saved. */
  async compact(): Promise<void> {
    if (this.search.dirtCount > 0) await this.search.vacuum();
  }

  toJSON(): AsPlainObject {
    return this.search.toJSON();
  }
}
