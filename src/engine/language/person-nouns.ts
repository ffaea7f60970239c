/** Nouns for people ("investigators", "firefighter"): the heads of role phrases that can answer who. */
import { PERSON_NOUNS } from "./lexicon.js";
import type { Sentence, Token } from "../types.js";
import { isPersonNoun } from "./wordnet.js";

/** A noun, or a sentence's capitalised first word, which the tagger may take for a proper noun ("Investigators from …"). */
export function isNounSlot(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.pos === "NOUN" || (i === 0 && t.pos === "PROPN");
}

/**
 * Which of the story's nouns name people, lower case: decided once at ingest (by WordNet, which
 * answering would otherwise have to read for every noun of every candidate sentence).
 */
export function personNounsIn(sentences: Sentence[]): string[] {
  const found = new Set<string>();
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (!isNounSlot(s.tokens, i)) return;
      const lower = t.text.toLowerCase();
      if (!found.has(lower) && (PERSON_NOUNS.has(t.lemma) || isPersonNoun(lower))) found.add(lower);
    });
  }
  return [...found].sort();
}
