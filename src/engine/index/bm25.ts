/**
 * Okapi BM25 over a compact inverted index of typed arrays, for many similar documents.
 *
 * Written for the cross-story router (router.ts) after measuring MiniSearch there: over 1,000
 * near-identical wire stories every question word has hundreds of postings, and MiniSearch,
 * which builds an object per posting, spent 2–3 ms a question and 11 MB of heap; this loop over
 * typed arrays takes a fraction of both. A term the index does not know may stand for close
 * words (a typo) or longer ones (a prefix) of its vocabulary, at a lower weight.
 */

const K1 = 1.2;
const B = 0.75;
const FUZZY_MIN_LENGTH = 6;
const PREFIX_MIN_LENGTH = 5;
const FUZZY_WEIGHT = 0.5;
const PREFIX_WEIGHT = 0.4;
const MAX_EXPANSIONS = 6;
const FORMAT = 1;

export type DocId = string | number;

const isWhole = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

export interface Scored<K extends DocId> {
  id: K;
  /** only comparable between documents ranked for the same terms */
  score: number;
}

/** As saved: the vocabulary, and per document its id and flat [term, count, term, count, …]. */
export interface Bm25JSON<K extends DocId> {
  format: number;
  vocabulary: string[];
  docs: [K, number[]][];
}

/**
 * An index as saved in the form it ranks in (a story's passage index cached with the story, a
 * library's router): its vocabulary, the document ids, and per term in turn how many documents
 * hold it, then those documents and counts. Loading it is a check of every number, not a build.
 */
export interface Bm25Postings<K extends DocId> {
  format: number;
  vocabulary: string[];
  ids: K[];
  /** documents per term, in vocabulary order */
  df: ArrayLike<number>;
  /** each term's documents (positions in ids), then their counts of the term, term after term */
  docs: ArrayLike<number>;
  counts: ArrayLike<number>;
}

const isUnsigned = (v: ArrayLike<number>): boolean => v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Uint32Array;

const isNumbers = (v: unknown): v is ArrayLike<number> => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

interface Doc {
  terms: Uint32Array;
  counts: Uint16Array;
  length: number;
}

/** The inverted index, built from the documents on the first ranking after a change. */
interface Postings<K> {
  ids: K[];
  lengths: Float64Array;
  averageLength: number;
  /** postings of term t: docs/counts[offsets[t] .. offsets[t + 1]) */
  offsets: Uint32Array;
  docs: Uint32Array;
  counts: Uint16Array;
}

/** Three rows of the distance table, reused: a question's unknown word is compared with every term of the router's vocabulary (tens of thousands), and rows allocated per comparison made that most of a question's routing. */
let rows = new Int32Array(3 * 32);

/** Edit distance counting a swap of neighbours as one edit (the commonest typo), or max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  // rows i - 2, i - 1 and i of the table, turn about
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    rows[current] = i;
    let best = i;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = rows[previous + j - 1]! + (ai === bj ? 0 : 1);
      const up = rows[previous + j]! + 1;
      const left = rows[current + j - 1]! + 1;
      if (up < d) d = up;
      if (left < d) d = left;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj && rows[before + j - 2]! + 1 < d) d = rows[before + j - 2]! + 1;
      rows[current + j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return rows[previous + b.length]!;
}

export class Bm25Index<K extends DocId> {
  private readonly vocabulary: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly docs = new Map<K, Doc>();
  private postings: Postings<K> | null = null;
  /** read-only: the postings are all it keeps (see freeze()) */
  private frozen = false;
  /** false while an index loaded from its postings has not needed its per-document form */
  private unpacked = true;

  /** An index saved with toJSON(), or null when the data is not one (or its ids fail isId). */
  static fromJSON<K extends DocId>(data: unknown, isId: (v: unknown) => v is K): Bm25Index<K> | null {
    if (typeof data !== "object" || data === null) return null;
    const { format, vocabulary, docs } = data as Partial<Bm25JSON<K>>;
    if (format !== FORMAT || !Array.isArray(vocabulary) || !Array.isArray(docs)) return null;
    const index = new Bm25Index<K>();
    for (const term of vocabulary) index.termId(String(term));
    for (const entry of docs) {
      if (!Array.isArray(entry) || !isId(entry[0]) || !Array.isArray(entry[1]) || entry[1].length % 2) return null;
      const flat = entry[1] as unknown[];
      const doc: Doc = { terms: new Uint32Array(flat.length / 2), counts: new Uint16Array(flat.length / 2), length: 0 };
      for (let i = 0; i < doc.terms.length; i++) {
        const term = flat[2 * i];
        const count = flat[2 * i + 1];
        if (typeof term !== "number" || typeof count !== "number" || !Number.isInteger(term) || term < 0 || term >= vocabulary.length || !Number.isInteger(count) || count < 1) return null;
        doc.terms[i] = term;
        doc.counts[i] = count;
        doc.length += count;
      }
      index.docs.set(entry[0], doc);
    }
    return index;
  }

  /**
   * A frozen index saved with toPostings(), or null when the data is not one: every number is
   * checked to point inside the index, since a damaged cache entry must not rank with garbage.
   */
  static fromPostings<K extends DocId>(data: unknown, isId: (v: unknown) => v is K, options: { frozen?: boolean } = {}): Bm25Index<K> | null {
    if (typeof data !== "object" || data === null) return null;
    const { format, vocabulary, ids, df, docs, counts } = data as Partial<Bm25Postings<K>>;
    if (format !== FORMAT || !Array.isArray(vocabulary) || !Array.isArray(ids) || !isNumbers(df) || !isNumbers(docs) || !isNumbers(counts)) return null;
    if (df.length !== vocabulary.length || docs.length !== counts.length || !ids.every(isId) || !vocabulary.every((t) => typeof t === "string")) return null;
    const index = new Bm25Index<K>();
    for (const term of vocabulary) index.termId(term);
    if (index.vocabulary.length !== vocabulary.length) return null;
    const offsets = new Uint32Array(df.length + 1);
    for (let t = 0; t < df.length; t++) {
      const n: unknown = df[t];
      if (!isWhole(n, 0, docs.length)) return null;
      offsets[t + 1] = offsets[t]! + n;
    }
    if (offsets[df.length] !== docs.length) return null;
    const lengths = new Float64Array(ids.length);
    const postingDocs = new Uint32Array(docs.length);
    const postingCounts = new Uint16Array(docs.length);
    if (isUnsigned(docs) && isUnsigned(counts)) {
      // whole numbers from 0 by their type: only the bounds are left to check, in a loop the JIT makes tight at once (a library's router has ~700,000 postings)
      const last = ids.length - 1;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const c = counts[i]!;
        if (d > last || c < 1 || c > 65535) return null;
        postingDocs[i] = d;
        postingCounts[i] = c;
        lengths[d]! += c;
      }
    } else {
      for (let i = 0; i < docs.length; i++) {
        const d: unknown = docs[i];
        const c: unknown = counts[i];
        if (!isWhole(d, 0, ids.length - 1) || !isWhole(c, 1, 65535)) return null;
        postingDocs[i] = d;
        postingCounts[i] = c;
        lengths[d]! += c;
      }
    }
    const averageLength = ids.length ? lengths.reduce((a, b) => a + b, 0) / ids.length : 1;
    index.postings = { ids: [...ids], lengths, averageLength: averageLength || 1, offsets, docs: postingDocs, counts: postingCounts };
    if (options.frozen ?? true) index.frozen = true;
    else index.unpacked = false;
    return index;
  }

  /** The per-document form, made again from the postings of an index loaded with fromPostings: before its first change or save. */
  private unpack(): void {
    if (this.unpacked) return;
    const p = this.postings!;
    const terms: number[][] = p.ids.map(() => []);
    const counts: number[][] = p.ids.map(() => []);
    for (let t = 0; t < this.vocabulary.length; t++) {
      for (let i = p.offsets[t]!; i < p.offsets[t + 1]!; i++) {
        terms[p.docs[i]!]!.push(t);
        counts[p.docs[i]!]!.push(p.counts[i]!);
      }
    }
    p.ids.forEach((id, d) => this.docs.set(id, { terms: Uint32Array.from(terms[d]!), counts: Uint16Array.from(counts[d]!), length: p.lengths[d]! }));
    this.unpacked = true;
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

  private mutable(): void {
    if (this.frozen) throw new Error("this BM25 index is frozen: it keeps no documents to change or save");
    this.unpack();
  }

  /** Adds the document, or replaces the one under its id. */
  put(id: K, terms: readonly string[]): void {
    this.mutable();
    const tf = new Map<number, number>();
    for (const t of terms) {
      const term = this.termId(t);
      tf.set(term, Math.min(65535, (tf.get(term) ?? 0) + 1));
    }
    this.docs.set(id, { terms: Uint32Array.from(tf.keys()), counts: Uint16Array.from(tf.values()), length: terms.length });
    this.postings = null;
  }

  remove(id: K): void {
    this.mutable();
    if (this.docs.delete(id)) this.postings = null;
  }

  has(id: K): boolean {
    return this.frozen || !this.unpacked ? this.prepared().ids.includes(id) : this.docs.has(id);
  }

  get size(): number {
    return this.frozen || !this.unpacked ? this.prepared().ids.length : this.docs.size;
  }

  /**
   * Builds the postings and lets go of the per-document copies, which hold the same counts a
   * second time: for an index that is built once and only ranked (a story's sentences), about a
   * third less memory. put, remove and toJSON throw from then on.
   */
  freeze(): this {
    this.prepared();
    this.docs.clear();
    this.frozen = true;
    return this;
  }

  /** True when some document contains the term (exactly). */
  hasTerm(term: string): boolean {
    return this.documentFrequency(term) > 0;
  }

  /** How many documents contain the term (exactly). */
  documentFrequency(term: string): number {
    const t = this.termIds.get(term);
    if (t === undefined) return 0;
    const p = this.prepared();
    return p.offsets[t + 1]! - p.offsets[t]!;
  }

  private prepared(): Postings<K> {
    if (this.postings) return this.postings;
    const ids = [...this.docs.keys()];
    const docs = [...this.docs.values()];
    const terms = this.vocabulary.length;
    const offsets = new Uint32Array(terms + 1);
    for (const d of docs) for (const t of d.terms) offsets[t + 1]!++;
    for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, -1);
    const postingDocs = new Uint32Array(offsets[terms]!);
    const postingCounts = new Uint16Array(postingDocs.length);
    const lengths = new Float64Array(docs.length);
    docs.forEach((d, i) => {
      lengths[i] = d.length;
      d.terms.forEach((t, k) => {
        const at = next[t]!++;
        postingDocs[at] = i;
        postingCounts[at] = d.counts[k]!;
      });
    });
    const averageLength = docs.length ? lengths.reduce((a, b) => a + b, 0) / docs.length : 1;
    this.postings = { ids, lengths, averageLength: averageLength || 1, offsets, docs: postingDocs, counts: postingCounts };
    return this.postings;
  }

  /** Builds the inverted index now rather than at the first ranking. */
  prepare(): void {
    this.prepared();
  }

  /** The vocabulary terms a query term counts as, with their weights. */
  private expand(word: string): [number, number][] {
    const exact = this.termIds.get(word);
    if (exact !== undefined) return [[exact, 1]];
    if (word.length < PREFIX_MIN_LENGTH) return [];
    const maxEdits = word.length >= 9 ? 2 : 1;
    const out: [number, number][] = [];
    for (let t = 0; t < this.vocabulary.length && out.length < MAX_EXPANSIONS; t++) {
      const term = this.vocabulary[t]!;
      if (term.startsWith(word)) out.push([t, PREFIX_WEIGHT]);
      else if (word.length >= FUZZY_MIN_LENGTH && Math.abs(term.length - word.length) <= maxEdits && editDistance(word, term, maxEdits) <= maxEdits) out.push([t, FUZZY_WEIGHT]);
    }
    return out;
  }

  /** The `limit` documents that best match the terms, best first; ties keep insertion order. */
  rank(terms: readonly string[], limit: number): Scored<K>[] {
    const p = this.prepared();
    const n = p.ids.length;
    if (!n || limit < 1) return [];
    const scores = new Float64Array(n);
    for (const word of new Set(terms)) {
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

  /** The postings as they are ranked, frozen or not, without terms no document uses any more (read back with fromPostings). */
  toPostings(): Bm25Postings<K> {
    const p = this.prepared();
    const used = this.vocabulary.map((_, t) => t).filter((t) => p.offsets[t + 1]! > p.offsets[t]!);
    return { format: FORMAT, vocabulary: used.map((t) => this.vocabulary[t]!), ids: [...p.ids], df: used.map((t) => p.offsets[t + 1]! - p.offsets[t]!), docs: p.docs, counts: p.counts };
  }

  /** Only the vocabulary the documents still use is saved. */
  toJSON(): Bm25JSON<K> {
    this.mutable();
    const renumbered = new Map<number, number>();
    const vocabulary: string[] = [];
    const docs: [K, number[]][] = [];
    for (const [id, d] of this.docs) {
      const flat: number[] = [];
      d.terms.forEach((t, k) => {
        let u = renumbered.get(t);
        if (u === undefined) {
          u = vocabulary.length;
          vocabulary.push(this.vocabulary[t]!);
          renumbered.set(t, u);
        }
        flat.push(u, d.counts[k]!);
      });
      docs.push([id, flat]);
    }
    return { format: FORMAT, vocabulary, docs };
  }
}
