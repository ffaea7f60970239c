/**
 * How central each sentence is to its story: TextRank (PageRank over a sentence-similarity
 * graph), with similarity the cosine of wink-nlp's BM25 vectors of the sentences' content stems.
 */
import bm25Vectorizer from "wink-nlp/utilities/bm25-vectorizer.js";
import similarity from "wink-nlp/utilities/similarity.js";
import { isContent } from "./search-index.js";
import type { Sentence } from "./types.js";

const DAMPING = 0.85;
const ITERATIONS = 60;

function contentStems(s: Sentence): string[] {
  return s.tokens.filter(isContent).map((t) => t.stem);
}

/** Symmetric cosine similarity of every pair of sentences (the diagonal is 0). */
export function similarityMatrix(sentences: Sentence[]): number[][] {
  const n = sentences.length;
  const matrix = sentences.map(() => new Array<number>(n).fill(0));
  const docs = sentences.map(contentStems);
  if (n < 2 || docs.every((d) => d.length === 0)) return matrix;
  const bm25 = bm25Vectorizer();
  for (const d of docs) bm25.learn(d);
  const bows = docs.map((d) => bm25.bowOf(d));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sim = docs[i]!.length && docs[j]!.length ? similarity.bow.cosine(bows[i]!, bows[j]!) : 0;
      matrix[i]![j] = sim;
      matrix[j]![i] = sim;
    }
  }
  return matrix;
}

/** PageRank scores over a weighted undirected graph, scaled so the largest is 1. */
export function textRank(matrix: number[][]): number[] {
  const n = matrix.length;
  if (n === 0) return [];
  const outWeight = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      // a sentence sharing no words with any other spreads its rank evenly, as PageRank does for dangling nodes
      const w = outWeight[j]!;
      for (let i = 0; i < n; i++) next[i]! += DAMPING * rank[j]! * (w > 0 ? matrix[j]![i]! / w : 1 / n);
    }
    rank = next;
  }
  const top = Math.max(...rank);
  return rank.map((r) => (top > 0 ? r / top : 0));
}
