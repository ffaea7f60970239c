/**
 * Which stories a question is about: BM25 over whole stories (a document per story), on the same
 * Porter stems as each story's own passage index (search-index.ts). The router only shortlists;
 * answer() on each shortlisted story decides (answer-across.ts).
 *
 * A compact inverted index of typed arrays rather than MiniSearch: over 1,000 near-identical wire
 * stories every question word has hundreds of postings, and MiniSearch, which builds an object
 * per posting, spent 2–3 ms a question and 11 MB of heap on them; this loop over typed arrays
 * takes a fraction of that. Misspelt words fall back to close or longer words of the vocabulary.
 */
import { analyse, stem } from "./nlp.js";
import { isContent } from "./search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "./stopwords.js";
import type { Story } from "./types.js";

/** BM25 constants, the usual ones */
const K1 = 1.2;
const B = 0.75;
/** an unknown question word may stand for a vocabulary word this close (it is a typo) or this long (a prefix) */
const FUZZY_MIN_LENGTH = 6;
const PREFIX_MIN_LENGTH = 5;
const FUZZY_WEIGHT = 0.5;
const PREFIX_WEIGHT = 0.4;
const MAX_EXPANSIONS = 6;
const FORMAT = 1;

interface Doc {
  terms: Uint32Array;
  counts: Uint16Array;
  length: number;
}

/** The inverted index, built from the documents on the first route() after a change. */
interface Postings {
  ids: string[];
  lengths: Float64Array;
  averageLength: number;
  /** postings of term t: docs/counts[offsets[t] .. offsets[t + 1]) */
  offsets: Uint32Array;
  docs: Uint32Array;
  counts: Uint16Array;
}

export interface RoutedStory {
  id: string;
  /** BM25 score: only comparable between stories routed for the same question */
  score: number;
}

/** As saved: the vocabulary, and per story its id and flat [term, count, term, count, …]. */
export interface RouterJSON {
  format: number;
  vocabulary: string[];
  docs: [string, number[]][];
}

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
  const stems = analyse(question)
    .flatMap((s) => s.tokens)
    .filter((t) => isContent(t) && !QUESTION_WORDS.has(t.text.toLowerCase()))
    .map((t) => t.stem);
  return [...new Set(stems)];
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function isRouterJSON(v: unknown): v is RouterJSON {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Partial<RouterJSON>;
  return r.format === FORMAT && Array.isArray(r.vocabulary) && Array.isArray(r.docs) && r.docs.every((d) => Array.isArray(d) && typeof d[0] === "string" && Array.isArray(d[1]) && d[1].length % 2 === 0);
}

export class StoryRouter {
  private readonly vocabulary: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly docs = new Map<string, Doc>();
  private postings: Postings | null = null;

  static empty(): StoryRouter {
    return new StoryRouter();
  }

  /** A router saved with toJSON(), or null when the data is not one. */
  static fromJSON(data: unknown): StoryRouter | null {
    if (!isRouterJSON(data)) return null;
    const router = new StoryRouter();
    for (const term of data.vocabulary) router.termId(String(term));
    for (const [id, flat] of data.docs) {
      const terms = new Uint32Array(flat.length / 2);
      const counts = new Uint16Array(flat.length / 2);
      let length = 0;
      for (let i = 0; i < terms.length; i++) {
        terms[i] = flat[2 * i]!;
        counts[i] = flat[2 * i + 1]!;
        length += counts[i]!;
        if (terms[i]! >= router.vocabulary.length || !(counts[i]! > 0)) return null;
      }
      router.docs.set(id, { terms, counts, length });
    }
    return router;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.vocabulary.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Adds the story, or replaces the one indexed under its id. */
  put(story: Story): void {
    const tf = new Map<number, number>();
    const stems = storyStems(story);
    for (const s of stems) {
      const id = this.termId(s);
      tf.set(id, Math.min(65535, (tf.get(id) ?? 0) + 1));
    }
    this.docs.set(story.id, { terms: Uint32Array.from(tf.keys()), counts: Uint16Array.from(tf.values()), length: stems.length });
    this.postings = null;
  }

  remove(id: string): void {
    if (this.docs.delete(id)) this.postings = null;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  get size(): number {
    return this.docs.size;
  }

  private prepared(): Postings {
    if (this.postings) return this.postings;
    const ids = [...this.docs.keys()];
    const docs = [...this.docs.values()];
    const offsets = new Uint32Array(this.vocabulary.length + 1);
    for (const d of docs) for (const t of d.terms) offsets[t + 1]!++;
    for (let t = 0; t < this.vocabulary.length; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, -1);
    const postingDocs = new Uint32Array(offsets[this.vocabulary.length]!);
    const postingCounts = new Uint16Array(postingDocs.length);
    const lengths = new Float64Array(docs.length);
    docs.forEach((d, i) => {
      lengths[i] = d.length;
      d.terms.forEach((t, k) => {
        const at = fill[t]!++;
        postingDocs[at] = i;
        postingCounts[at] = d.counts[k]!;
      });
    });
    const averageLength = docs.length ? lengths.reduce((a, b) => a + b, 0) / docs.length : 1;
    this.postings = { ids, lengths, averageLength: averageLength || 1, offsets, docs: postingDocs, counts: postingCounts };
    return this.postings;
  }

  /** Builds the inverted index now rather than on the first question. */
  prepare(): void {
    this.prepared();
  }

  /** The vocabulary terms a question word counts as, with their weights. */
  private expand(word: string): [number, number][] {
    const exact = this.termIds.get(word);
    if (exact !== undefined) return [[exact, 1]];
    if (word.length < PREFIX_MIN_LENGTH) return [];
    const maxEdits = word.length >= 9 ? 2 : 1;
    const out: [number, number][] = [];
    for (let t = 0; t < this.vocabulary.length && out.length < MAX_EXPANSIONS; t++) {
      const term = this.vocabulary[t]!;
      if (term.startsWith(word)) out.push([t, PREFIX_WEIGHT]);
      else if (word.length >= FUZZY_MIN_LENGTH && editDistance(word, term, maxEdits) <= maxEdits) out.push([t, FUZZY_WEIGHT]);
    }
    return out;
  }

  /** The stories that best match the question, best first; empty when no word matches. */
  route(question: string, limit: number): RoutedStory[] {
    return this.rank(questionStems(question), limit);
  }

  /** The stories that best match these stems (BM25), best first. */
  rank(stems: readonly string[], limit: number): RoutedStory[] {
    const p = this.prepared();
    const n = p.ids.length;
    if (!n || limit < 1) return [];
    const scores = new Float64Array(n);
    for (const word of stems) {
      for (const [t, weight] of this.expand(word)) {
        const from = p.offsets[t]!;
        const to = p.offsets[t + 1]!;
        if (from === to) continue;
        const idf = weight * Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
        for (let i = from; i < to; i++) {
          const d = p.docs[i]!;
          const tf = p.counts[i]!;
          scores[d]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.lengths[d]!) / p.averageLength));
        }
      }
    }
    // the best `limit` documents; ties keep the library's order
    const best: number[] = [];
    for (let d = 0; d < n; d++) {
      const s = scores[d]!;
      if (s <= 0 || (best.length === limit && s <= scores[best[limit - 1]!]!)) continue;
      let at = best.length;
      while (at > 0 && scores[best[at - 1]!]! < s) at--;
      best.splice(at, 0, d);
      if (best.length > limit) best.pop();
    }
    return best.map((d) => ({ id: p.ids[d]!, score: scores[d]! }));
  }

  /** Keeps only the vocabulary the stories still use: for saving after removals. */
  toJSON(): RouterJSON {
    const used = new Map<number, number>();
    const vocabulary: string[] = [];
    const docs: [string, number[]][] = [];
    for (const [id, d] of this.docs) {
      const flat: number[] = [];
      d.terms.forEach((t, k) => {
        let u = used.get(t);
        if (u === undefined) {
          u = vocabulary.length;
          vocabulary.push(this.vocabulary[t]!);
          used.set(t, u);
        }
        flat.push(u, d.counts[k]!);
      });
      docs.push([id, flat]);
    }
    return { format: FORMAT, vocabulary, docs };
  }
}
