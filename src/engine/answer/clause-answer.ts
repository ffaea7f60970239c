/**
 * "How did …?" asks for a manner or a process, which no span of one type names: the answer is the
 * part of the evidence sentence, between commas, that holds most of the question's matched words.
 */
import type { Support } from "./support.js";
import type { Sentence } from "../types.js";

export function clauseAnswer(sentence: Sentence, s: Support): string {
  const parts = sentence.text.split(/(?<=[,;:—])\s+/);
  if (parts.length === 1) return sentence.text;
  let best = sentence.text;
  let bestScore = -1;
  let offset = 0;
  for (const part of parts) {
    const from = sentence.text.indexOf(part, offset);
    offset = from + part.length;
    const score = s.matches.filter((m) => {
      const tok = sentence.tokens[m.pos]!;
      return tok.start >= from && tok.end <= offset;
    }).length;
    if (score > bestScore) {
      bestScore = score;
      best = part;
    }
  }
  return best.replace(/[,;:—]$/, "");
}
