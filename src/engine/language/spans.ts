/** Conversions between character offsets and token ranges inside one sentence. */
import type { Token } from "../types.js";

/** Token range [start, end) covering the characters [from, to), or null if none. */
export function tokenRange(tokens: Token[], from: number, to: number): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  tokens.forEach((t, i) => {
    if (t.end > from && t.start < to) {
      if (start < 0) start = i;
      end = i + 1;
    }
  });
  return start < 0 ? null : { start, end };
}

/** The sentence text covered by tokens [start, end). */
export function spanText(sentence: string, tokens: Token[], start: number, end: number): string {
  const first = tokens[start];
  const last = tokens[end - 1];
  if (!first || !last) return "";
  return sentence.slice(first.start, last.end);
}

/** Position of the word before token `start`, past an article: "in" of "in the Saxon Garden". */
export function beforeArticle(tokens: Token[], start: number): number {
  return tokens[start - 1]?.pos === "DET" ? start - 2 : start - 1;
}
