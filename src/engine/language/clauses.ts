/**
 * Clauses of a sentence from part-of-speech tags alone (no parser): the sentence is cut at
 * commas, at "and"/"but" that start a new verb phrase, at "that" after a verb and at relative
 * words; a verbless opening phrase ("In 2012,") belongs to the clause after it. Good enough to
 * name the event a date belongs to; not a grammar.
 */
import type { Sentence, Token } from "../types.js";

export interface Clause {
  /** token indices of the sentence, in order (a clause may skip a relative clause inside it) */
  tokens: number[];
}

const RELATIVE = /^(?:who|whom|whose|which|where)$/i;
const QUOTE = /^["“”‘’'«»]$/;

export function isVerb(t: Token | undefined): boolean {
  return !!t && (t.pos === "VERB" || t.pos === "AUX");
}

/** "and paid tribute", "but work stopped": a coordinated verb phrase; a bare infinitive ("to safeguard peace and resist aggression") continues the one before. */
function startsVerbPhrase(tokens: Token[], i: number): boolean {
  let k = i;
  while (tokens[k]?.pos === "ADV") k++;
  const verb = tokens[k];
  return isVerb(verb) && (verb!.pos === "AUX" || verb!.text.toLowerCase() !== verb!.lemma);
}

const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"]);

/** "and the first trams are due": a new subject and its verb after a conjunction. */
function startsClause(tokens: Token[], i: number): boolean {
  let k = i;
  while (NP_POS.has(tokens[k]?.pos ?? "")) k++;
  return k > i && startsVerbPhrase(tokens, k);
}

/** Relative "that" ("a debate that began"), as opposed to "said that …" or "that year". */
function relativeThat(tokens: Token[], i: number): boolean {
  return tokens[i]!.text.toLowerCase() === "that" && tokens[i - 1]?.pos === "NOUN" && startsVerbPhrase(tokens, i + 1);
}

/** Where a new clause starts: the index of its first token. */
function boundaries(tokens: Token[]): Set<number> {
  const cuts = new Set<number>();
  let verbSinceCut = false;
  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    const before = cuts.size;
    if (t.text === "," || t.text === ";" || t.text === ":") cuts.add(i + 1);
    else if (t.pos === "CCONJ" && (startsVerbPhrase(tokens, i + 1) || (verbSinceCut && startsClause(tokens, i + 1)))) cuts.add(i);
    else if (lower === "that" && t.pos === "SCONJ" && i > 0) cuts.add(i);
    else if (i > 0 && ((RELATIVE.test(lower) && ["NOUN", "PROPN", "PUNCT"].includes(tokens[i - 1]!.pos)) || relativeThat(tokens, i))) cuts.add(i);
    verbSinceCut = cuts.size > before ? false : verbSinceCut || isVerb(t);
  });
  return cuts;
}

function hasVerb(tokens: Token[], clause: number[]): boolean {
  return clause.some((i) => isVerb(tokens[i]));
}

/** The sentence's clauses in order; punctuation at their edges is dropped. */
export function clausesOf(sentence: Sentence): Clause[] {
  const t = sentence.tokens;
  const cuts = boundaries(t);
  const pieces: number[][] = [];
  let current: number[] = [];
  t.forEach((_, i) => {
    if (cuts.has(i) && current.length) {
      pieces.push(current);
      current = [];
    }
    current.push(i);
  });
  if (current.length) pieces.push(current);
  const trimmed = pieces
    .map((p) => {
      let a = 0;
      let b = p.length;
      while (a < b && t[p[a]!]!.pos === "PUNCT") a++;
      while (b > a && t[p[b - 1]!]!.pos === "PUNCT" && !QUOTE.test(t[p[b - 1]!]!.text)) b--;
      return p.slice(a, b);
    })
    .filter((p) => p.length > 0);
  const merged: number[][] = [];
  for (let i = 0; i < trimmed.length; i++) {
    const piece = trimmed[i]!;
    const next = trimmed[i + 1];
    const previous = merged[merged.length - 1];
    // a verbless phrase that opens with a preposition ("In July 2015,") is an adverbial of the next clause
    if (next && !hasVerb(t, piece) && t[piece[0]!]!.pos === "ADP") trimmed[i + 1] = [...piece, ...next];
    // ", respectively" and other lone adverbs close the clause before them
    else if (previous && piece.every((k) => t[k]!.pos === "ADV")) previous.push(...piece);
    else merged.push(piece);
  }
  return merged.map((tokens) => ({ tokens }));
}

/** The clause's words with the article's own spacing; `replace` swaps a token's text ("anniversaries" → "anniversary"). */
export function clauseText(sentence: Sentence, indices: number[], replace: Map<number, string> = new Map()): string {
  const t = sentence.tokens;
  let out = "";
  indices.forEach((idx, k) => {
    const tok = t[idx]!;
    const prev = k > 0 ? t[indices[k - 1]!]! : null;
    const glued = prev && idx === indices[k - 1]! + 1 && prev.end === tok.start;
    out += (k === 0 || glued ? "" : " ") + (replace.get(idx) ?? tok.text);
  });
  return dropUnpairedQuotes(out).replace(/\s+([,.;:!?])/g, "$1").replace(/\s{2,}/g, " ").trim();
}

/** A phrase cut out of a quotation keeps its quotation marks only when they still pair up. */
function dropUnpairedQuotes(text: string): string {
  let s = text;
  if ((s.match(/“/g) ?? []).length !== (s.match(/”/g) ?? []).length) s = s.replace(/[“”]/g, "");
  if ((s.match(/"/g) ?? []).length % 2 === 1) s = s.replace(/"/g, "");
  return s;
}

/** A relative word opening a clause: "who", "which", "where", or "that" right after its noun. */
export function isRelativeWord(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && (RELATIVE.test(t.text) || relativeThat(tokens, i));
}
