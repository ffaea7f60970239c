/**
 * Each token of a sentence in lower case, made once and kept as long as the sentence is: matching
 * and the candidate features compare words case-blind many times a question, and lower-casing a
 * token each time was a fresh string each time.
 */
import type { Sentence } from "../types.js";

const cache = new WeakMap<Sentence, string[]>();

export function lowerTokens(sentence: Sentence): string[] {
  let lower = cache.get(sentence);
  if (!lower) {
    lower = sentence.tokens.map((t) => t.text.toLowerCase());
    cache.set(sentence, lower);
  }
  return lower;
}
