/**
 * What a candidate span answers with: a short form of a person's name gives the full name the story
 * uses ("Kim" → "Kim Jong-un"), and a relative date its calendar date in brackets
 * ("Thursday (22 Oct 2020)"); a title or description ending in a name answers with the name ("Mayor
 * Ana Costa" → "Ana Costa": the sentence quoted under it keeps the title). Training labels a candidate by its name (without the bracket) so that
 * the ranker learns to choose what the reader will see.
 */
import type { Candidate } from "./candidates.js";

export function answerName(c: Candidate): string {
  if (c.named) return c.named;
  return c.canonical && c.type === "person" ? c.canonical : c.text;
}

export function answerText(c: Candidate): string {
  const name = answerName(c);
  return c.note ? `${name} (${c.note})` : name;
}
