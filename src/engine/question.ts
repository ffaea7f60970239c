/** What a question asks: its kind, the type of answer it expects, and the words that must be supported. */
import { analyse, stem } from "./nlp.js";
import type { StoryIndex } from "./search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "./stopwords.js";
import type { EntityType, QuestionKind, Token } from "./types.js";
import { ORG_HEADS, PLACE_HEADS } from "./lexicon.js";

export type Expected = EntityType | "clause";

export interface QuestionTerm {
  word: string;
  stem: string;
  lemma: string;
  /** proper nouns and numbers: constraints the evidence must meet */
  specific: boolean;
}

export interface ParsedQuestion {
  text: string;
  kind: QuestionKind;
  expected: Expected[];
  terms: QuestionTerm[];
  tokens: Token[];
}

const WHEN_NOUNS = /^(?:year|years|date|day|month|time|century|decade|era|period|season)$/;
const WHERE_NOUNS = /^(?:country|countries|city|cities|town|place|places|location|region|state|province|county|area|continent|island|village|nation|site|venue|street|river|capital)$/;
const WHO_NOUNS = /^(?:person|people|man|woman|men|women|leader|president|agency|organisation|organization|group|company|team|party|newspaper|paper|outlet|player|official|officials|country|nation)$/;

function kindOf(words: string[]): { kind: QuestionKind; expected: Expected[] } {
  const wh = words.findIndex((w) => QUESTION_WORDS.has(w));
  const w = words[wh] ?? "";
  const next = words[wh + 1] ?? "";
  const nextTwo = words.slice(wh + 1, wh + 4);
  if (w === "who" || w === "whom" || w === "whose") return { kind: "who", expected: ["person", "organisation"] };
  if (w === "when") return { kind: "when", expected: ["date"] };
  if (w === "where") return { kind: "where", expected: ["place"] };
  if (w === "why") return { kind: "why", expected: ["clause"] };
  if (w === "how") {
    if (/^(?:many|much)$/.test(next)) return { kind: "how", expected: ["number"] };
    if (/^(?:long|old|often|far)$/.test(next)) return { kind: "how", expected: ["number", "date"] };
    return { kind: "how", expected: ["clause"] };
  }
  if (w === "what" || w === "which") {
    const noun = nextTwo.find((x) => !STOPWORDS.has(x)) ?? "";
    if (WHEN_NOUNS.test(noun)) return { kind: "when", expected: ["date"] };
    if (WHERE_NOUNS.test(noun) || PLACE_HEADS.has(cap(noun))) return { kind: "where", expected: ["place"] };
    if (WHO_NOUNS.test(noun) || ORG_HEADS.has(cap(noun))) return { kind: "who", expected: /agency|organi|group|company|team|party|newspaper|paper|outlet/.test(noun) ? ["organisation", "person"] : ["person", "organisation"] };
    return { kind: "what", expected: ["clause"] };
  }
  return { kind: "other", expected: ["clause"] };
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).replace(/s$/, "");
}

export function parseQuestion(question: string, index: StoryIndex): ParsedQuestion {
  const text = question.replace(/\s+/g, " ").trim();
  const tokens = analyse(text).flatMap((s) => s.tokens);
  const words = tokens.map((t) => t.text.toLowerCase());
  const { kind, expected } = kindOf(words);
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(lower) || STOPWORDS.has(lower) || QUESTION_WORDS.has(lower)) return;
    // "what year", "which country": the noun after the question word names the answer, not a constraint
    if (i > 0 && QUESTION_WORDS.has(words[i - 1]!) && (WHEN_NOUNS.test(lower) || WHERE_NOUNS.test(lower) || WHO_NOUNS.test(lower))) return;
    const corrected = index.correct(lower);
    const word = corrected ?? lower;
    const st = corrected ? stem(word) : t.stem;
    if (seen.has(st)) return;
    seen.add(st);
    const specific = (/^\p{Lu}/u.test(t.text) && i > 0 && t.pos === "PROPN") || /\d/.test(t.text);
    terms.push({ word, stem: st, lemma: corrected ? word : t.lemma, specific });
  });
  return { text, kind, expected, terms, tokens };
}
