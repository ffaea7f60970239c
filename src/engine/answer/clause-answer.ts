/**
 * "How did …?" asks for a manner or a process, which no span of one type names: the answer is the
 * part of the evidence sentence, between commas, that holds most of the question's matched words,
 * weighed as support weighs them (its verb above a noun), without the conjunction that opens it.
 * "How did the war end?" of "The war began as …, and unofficially ended in an armistice in July
 * 1953" is the clause with "ended", not the one with "war".
 */
import type { Support } from "./support.js";
import type { Sentence } from "../types.js";

const OPENING_CONJUNCTION = /^(?:and|but|or|then|so)\s+/i;
const CLOSING_MARK = /[,;:—.]$/;

export function clauseAnswer(sentence: Sentence, s: Support): string {
  const parts = sentence.text.split(/(?<=[,;:—])\s+/);
  if (parts.length === 1) return sentence.text;
  let best = sentence.text;
  let bestScore = -1;
  let offset = 0;
  for (const part of parts) {
    const from = sentence.text.indexOf(part, offset);
    offset = from + part.length;
    let score = 0;
    for (const m of s.matches) {
      const tok = sentence.tokens[m.pos]!;
      if (tok.start >= from && tok.end <= offset) score += m.weight;
    }
    if (score > bestScore) {
      bestScore = score;
      best = part;
    }
  }
  return best.replace(CLOSING_MARK, "").replace(OPENING_CONJUNCTION, "");
}
