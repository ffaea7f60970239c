/**
 * Which stories a question is about: BM25 over whole stories (a document per story, bm25.ts), on
 * the same Porter stems as each story's own passage index (search-index.ts). The router only
 * shortlists; answer() on each shortlisted story decides (answer-across.ts).
 */
import { Bm25Index, type Bm25JSON, type Scored } from "./bm25.js";
import { analyse, stem } from "../language/nlp.js";
import { isContent } from "./search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "../language/stopwords.js";
import type { Story } from "../types.js";

export type RoutedStory = Scored<string>;
export type RouterJSON = Bm25JSON<string>;

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
  return analyse(question)
    .flatMap((s) => s.tokens)
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
    const index = Bm25Index.fromJSON(data, isStoryId);
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
    return this.index.rank(questionStems(question), limit);
  }

  toJSON(): RouterJSON {
    return this.index.toJSON();
  }
}
