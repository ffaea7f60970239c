/**
 * Passage ranking: BM25 over the story's sentences, on Porter stems of lemmas. BM25 was chosen over
 * fuse.js by measurement (docs/ranking.md); the compact index in bm25.ts ranks as MiniSearch did at
 * a third of its memory (docs/scale.md). fuse.js serves the fuzzy side: mapping a misspelt question
 * word to a word the story uses.
 */
import type Fuse from "fuse.js";
import { lazy, require } from "../lazy-require.js";
import { Bm25Index, editDistance, type Bm25Postings } from "./bm25.js";
import { stem } from "../language/nlp.js";
import { STOPWORDS } from "../language/stopwords.js";
import { verbDistance, verbReach, type VerbReach } from "../language/wordnet.js";
import { LIGHT_VERBS } from "../language/lexicon.js";
import type { Story, Token } from "../types.js";

const FuseClass = lazy<typeof Fuse>(() => require("fuse.js"));

export interface Hit {
  sentence: number;
  score: number;
}

/** A verb of the story, with its stem and what WordNet says of it. */
export interface StoryVerb extends VerbReach {
  stem: string;
}

/** What the cache keeps of a story's index (story-encoding.ts): its postings and its verbs. */
export interface SavedIndex {
  postings: Bm25Postings<number>;
  verbs: StoryVerb[];
}

export class StoryIndex {
  private readonly search: Bm25Index<number>;
  /** built on the first misspelling: most questions use the story's own words, and 1,000 stories' worth costs memory */
  private words: { vocabulary: Set<string>; fuse: Fuse<string> | null } | null = null;
  private verbList: StoryVerb[] | null = null;
  private readonly related = new Map<string, string[]>();

  /** `saved`: the story's index as cached with it; otherwise it is built from the sentences */
  constructor(readonly story: Story, saved?: { search: Bm25Index<number>; verbs: StoryVerb[] }) {
    if (saved) {
      this.search = saved.search;
      this.verbList = saved.verbs;
      return;
    }
    const built = new Bm25Index<number>();
    for (const sent of story.sentences) built.put(sent.id, sent.tokens.filter(isContent).map((t) => t.stem));
    this.search = built.freeze();
  }

  /** The index as the cache keeps it with the story. */
  saved(): SavedIndex {
    return { postings: this.search.toPostings(), verbs: this.verbs() };
  }

  /** The story's verbs, in order of first use; a light verb ("made") relates to everything and so supports nothing. */
  private verbs(): StoryVerb[] {
    if (!this.verbList) {
      const stems = new Map<string, string>();
      for (const s of this.story.sentences) for (const t of s.tokens) if (t.pos === "VERB" && !LIGHT_VERBS.has(t.lemma)) stems.set(t.lemma, t.stem);
      this.verbList = [...stems].map(([lemma, st]) => ({ ...verbReach(lemma), stem: st }));
    }
    return this.verbList;
  }

  /** Stems of the story's verbs that WordNet relates to a verb the story does not use ("sing" → "perform"). */
  relatedVerbs(lemma: string): string[] {
    let found = this.related.get(lemma);
    if (!found) {
      found = this.verbs()
        .filter((v) => verbDistance(lemma, v) !== null)
        .map((v) => v.stem);
      this.related.set(lemma, found);
    }
    return found;
  }

  has(stemmed: string): boolean {
    return this.search.hasTerm(stemmed);
  }

  /** The story's own spelling of a misspelt word ("cemetry" → "cemetery"), if one is close enough. */
  correct(word: string): string | null {
    const lower = word.toLowerCase();
    // short words are too easily mistaken for other short words ("begn" may be "began", "bean" or "been")
    if (lower.length < 5 || this.has(stem(lower))) return null;
    this.words ??= { vocabulary: this.vocabularyOf(), fuse: null };
    const { vocabulary } = this.words;
    if (vocabulary.has(lower)) return null;
    // no word near enough to be a correction (a name from another story, say): no fuzzy index needed
    const edits = Math.ceil(lower.length * FUZZY_THRESHOLD) + 1;
    const near = (w: string) => w[0] === lower[0] && Math.abs(w.length - lower.length) <= 2 && editDistance(lower, w, edits) <= edits;
    if (![...vocabulary].some(near)) return null;
    this.words.fuse ??= fuzzySearch([...vocabulary]);
    const best = this.words.fuse.search(lower, { limit: 1 })[0];
    if (!best || (best.score ?? 1) > FUZZY_THRESHOLD) return null;
    // a correction keeps the word's first letter and about its length; fuzzy matching alone maps "justly" to "july"
    if (best.item[0] !== lower[0] || Math.abs(best.item.length - lower.length) > (lower.length >= 8 ? 2 : 1)) return null;
    return best.item;
  }

  /** every word of 4 letters or more the story uses, as written (lower case) */
  private vocabularyOf(): Set<string> {
    const vocabulary = new Set<string>();
    for (const s of this.story.sentences) {
      for (const t of s.tokens) {
        const lower = t.text.toLowerCase();
        if (lower.length >= 4 && isContent(t)) vocabulary.add(lower);
      }
    }
    return vocabulary;
  }

  /** BM25's inverse document frequency over the story's sentences (the rarer the stem, the more it tells). */
  idfOf(stemmed: string): number {
    const n = this.story.sentences.length;
    const d = this.search.documentFrequency(stemmed);
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  }

  rank(stems: string[], limit: number): Hit[] {
    if (stems.length === 0) return [];
    return this.search.rank(stems, limit).map((r) => ({ sentence: r.id, score: r.score }));
  }
}

/**
 * fuse.js's score for a correction: about the share of the word's letters that differ. A word
 * more edits away than that cannot be one, so fuse.js is built only when some word is nearer.
 */
const FUZZY_THRESHOLD = 0.34;

function fuzzySearch(words: string[]): Fuse<string> {
  // required on first use: most questions use the story's own words, and `storybot ask` starts faster without it
  return new (FuseClass())(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true, minMatchCharLength: 3 });
}

export function isContent(t: Token): boolean {
  const lower = t.text.toLowerCase();
  return /\p{L}|\d/u.test(lower) && !STOPWORDS.has(lower);
}

const cache = new WeakMap<Story, StoryIndex>();

const isSynsetList = (v: unknown): boolean => Array.isArray(v) && v.every(Number.isInteger);

function isStoryVerb(v: unknown): v is StoryVerb {
  if (typeof v !== "object" || v === null) return false;
  const { lemma, stem: st, senses, opposed, reach } = v as Partial<StoryVerb>;
  return typeof lemma === "string" && typeof st === "string" && isSynsetList(senses) && isSynsetList(opposed) && Array.isArray(reach) && reach.every(isSynsetList);
}

/**
 * Gives a story read back from the cache the index cached with it, so that its first question
 * need not index it (~1–3 ms) nor look its verbs up in WordNet (~4 ms); false when `saved` is not
 * an index of its sentences.
 */
export function adoptIndex(story: Story, saved: SavedIndex): boolean {
  const n = story.sentences.length;
  const search = Bm25Index.fromPostings(saved.postings, (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n);
  if (!search || search.size !== n || !Array.isArray(saved.verbs) || !saved.verbs.every(isStoryVerb)) return false;
  cache.set(story, new StoryIndex(story, { search, verbs: saved.verbs }));
  return true;
}

export function indexOf(story: Story): StoryIndex {
  let index = cache.get(story);
  if (!index) {
    index = new StoryIndex(story);
    cache.set(story, index);
  }
  return index;
}
