/** The one place that talks to wink-nlp: sentence splitting, tokens, POS tags, lemmas. */
import winkNLP, { type ItemSentence } from "wink-nlp";
import stemmer from "wink-porter2-stemmer";
import { BoundedMemo } from "./bounded-memo.js";
import { englishModel } from "./wink-model.js";
import { isKnownVerb } from "./wordnet.js";
import type { Token } from "../types.js";

type Wink = ReturnType<typeof winkNLP>;
let cached: Wink | null = null;

/**
 * Sentence boundaries and tags, the only annotations the engine reads (with the values and lemmas
 * every pipe gives): wink's default pipe also finds its own entities, sentiment and negation, which
 * cost a third of the time of reading a text. Measured on the 38,644 paragraphs and questions of
 * the training data: the same sentences, tokens, tags and lemmas, in 3.5 s instead of 5.3.
 */
const PIPE = ["sbd", "pos"];

/** Loaded on first use so that paths which never read text (help, deploy) stay fast. */
function wink(): Wink {
  cached ??= winkNLP(englishModel(), PIPE);
  return cached;
}

/** Question words repeat and the stemmer runs several regular expressions a word: remember its stems. */
const stems = new BoundedMemo<string>(20000);

/**
 * English words are far shorter; a longer "word" is a pasted blob (base64, a hash, a URL) and the
 * Porter stemmer takes time quadratic in a word's length (30,000 letters: ~7 s). It is its own stem.
 */
export const MAX_STEMMED_LENGTH = 64;

export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > MAX_STEMMED_LENGTH) return lower;
  return stems.get(lower, () => stemmer(lower));
}

const LONG_RUN = new RegExp(`\\S{${MAX_STEMMED_LENGTH + 1},}`, "gu");
const PIECE = new RegExp(`\\S{1,${MAX_STEMMED_LENGTH}}`, "gu");

/**
 * wink splits "you're", "I've" and "it's" into a pronoun and a verb, but keeps "I'm" whole and
 * tags it a proper noun: a name, to every stage after it ("who is sorry?" → "I'm").
 */
const I_AM = /^(i)(['’]m)$/i;

function splitIAm(values: string[], pos: string[], lemmas: string[]): void {
  for (let i = values.length - 1; i >= 0; i--) {
    const m = I_AM.exec(values[i]!);
    if (!m) continue;
    values.splice(i, 1, m[1]!, m[2]!);
    pos.splice(i, 1, "PRON", "AUX");
    lemmas.splice(i, 1, "i", "be");
  }
}

/** Latin letters NFD cannot take apart: the plain letter each is read as. */
const PLAIN: Record<string, string> = {
  Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ĳ: "I", ĳ: "i", ĸ: "k", Ŀ: "L", ŀ: "l", Ł: "L", ł: "l", ŉ: "n",
  Ŋ: "N", ŋ: "n", Œ: "O", œ: "o", Ŧ: "T", ŧ: "t", ſ: "s", ƒ: "f", ẞ: "S", ʻ: "'", ʼ: "'",
};
const BEYOND_LATIN_1 = /(?![\u0000-\u00ff])[\p{Script=Latin}\u02bb\u02bc]/gu;

/**
 * wink's tokenizer knows Latin letters up to U+00FF only: "Erdoğan", "Łódź", "Whangārei" fall apart
 * at ğ, Ł and ā into pieces tagged as unknown words. It reads each such letter as the plain letter
 * it is built on, one UTF-16 unit for one, so offsets stay those of the text, which keeps its letters.
 */
function plainLetters(text: string): string {
  return text.replace(BEYOND_LATIN_1, (c) => {
    const base = PLAIN[c] ?? c.normalize("NFD")[0]!;
    if (base.length === c.length && base.charCodeAt(0) <= 0xff) return base;
    return (c === c.toLowerCase() ? "x" : "X").repeat(c.length);
  });
}

export interface AnalysedSentence {
  text: string;
  tokens: Token[];
}

/** Splits text into sentences and tokens, with offsets into each sentence's text. */
export function analyse(text: string): AnalysedSentence[] {
  const nlp = wink();
  const its = nlp.its;
  // wink's tokenizer looks for an e-mail address at every character of a run without spaces: time
  // quadratic in its length (a 30,000-character blob: ~3 s). It gets such runs in pieces; offsets
  // are found in the original text below, so sentences keep their exact text.
  const read = plainLetters(text);
  const doc = nlp.readDoc(read.replace(LONG_RUN, (run) => run.match(PIECE)!.join(" ")));
  const out: (AnalysedSentence & { at: number })[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const values = s.tokens().out(its.value) as string[];
    const pos = s.tokens().out(its.pos) as string[];
    // its.lemma is typed for single tokens only, but wink applies it to a token collection too
    const lemmas = s.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    splitIAm(values, pos, lemmas);
    const located: { start: number; end: number }[] = [];
    for (const v of values) {
      const at = read.indexOf(v, cursor);
      // wink normalises a few characters; fall back to the cursor so offsets stay monotonic
      const start = at >= 0 && at - cursor < 64 ? at : cursor;
      const end = at >= 0 && at - cursor < 64 ? at + v.length : cursor;
      located.push({ start, end });
      cursor = end;
    }
    if (located.length === 0) return;
    const previous = out[out.length - 1];
    // “Why now?” he asked. — wink ends a sentence at a quoted question; a lower-case word after it continues it
    if (previous && /[?!]["”’]$/.test(previous.text) && /^\p{Ll}/u.test(values[0] ?? "")) {
      const from = previous.at;
      const merged = text.slice(from, located[located.length - 1]!.end);
      previous.tokens.push(...tokensOf(values, pos, lemmas, located, merged, from, read));
      previous.text = merged;
      return;
    }
    const sStart = located[0]!.start;
    const sEnd = located[located.length - 1]!.end;
    const sentenceText = text.slice(sStart, sEnd);
    out.push({ text: sentenceText, at: sStart, tokens: tokensOf(values, pos, lemmas, located, sentenceText, sStart, read) });
  });
  return out.map(({ text: t, tokens }) => ({ text: t, tokens }));
}

function tokensOf(values: string[], pos: string[], lemmas: string[], located: { start: number; end: number }[], sentenceText: string, sStart: number, read: string): Token[] {
  return values.map((v, i) => {
    const text = sentenceText.slice(located[i]!.start - sStart, located[i]!.end - sStart) || v;
    let lemma = lemmas[i] ?? v;
    // a word wink read in plain letters is its own lemma with its own letters ("Erdoğan" → "erdoğan")
    if (text !== v && read.slice(located[i]!.start, located[i]!.end) === v && lemma.toLowerCase() === v.toLowerCase()) lemma = text;
    return {
      text,
      lemma: lemma.toLowerCase(),
      // stems of lemmas, so that irregular forms meet ("began" and "begin")
      stem: stem(lemma),
      pos: pos[i] ?? "X",
      start: located[i]!.start - sStart,
      end: located[i]!.end - sStart,
    };
  });
}

/**
 * A question's tokens depend on its text alone: routed across a library and read against each story
 * it reaches, it is tagged once (and its parse, keyed by this array, made once). Frozen, since every
 * reader shares them.
 */
const shortTexts = new BoundedMemo<readonly Token[]>(512);

export function questionTokens(text: string): Token[] {
  return shortTexts.get(text, () => Object.freeze(namesWhole(askedVerb(analyse(text).flatMap((s) => s.tokens))))) as Token[];
}

/**
 * "When did Eloise Parry die?", "… model for Tom Ford?", "… from Holy Cross": wink tags a
 * capitalised word after a name's word as a verb when it spells one, and the question then asks
 * about "parry" rather than "die" (133 of the training data's 33,075 questions). After a proper
 * noun, a capitalised word that is not the question's first is more of the name.
 */
function namesWhole(tokens: Token[]): Token[] {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.pos === "VERB" || t.pos === "AUX") && tokens[i - 1]!.pos === "PROPN" && /^\p{Lu}\p{Ll}/u.test(t.text)) tokens[i] = { ...t, pos: "PROPN" };
  }
  return tokens;
}

/** "beheaded" → "behead", "colonized" → "colonize", "starred" → "star": the verb a past form is of, if WordNet has one. */
function pastTenseBase(word: string): string | null {
  if (!/^\p{Ll}{4,}ed$/u.test(word)) return null;
  const doubled = /([b-df-hj-np-tv-z])\1ed$/.test(word) ? word.slice(0, -3) : null;
  const tried = [word.slice(0, -1), word.slice(0, -2), doubled, word.endsWith("ied") ? `${word.slice(0, -3)}y` : null];
  return tried.find((b): b is string => b !== null && isKnownVerb(b)) ?? null;
}

/**
 * "Who beheaded 21 Christians?", "Who sculpted the tombstone?": wink tags a rarer past form right
 * after "who" as an adjective or a noun, and the question then has no verb to match. There, before
 * its object, it can only be the verb.
 */
function askedVerb(tokens: Token[]): Token[] {
  const next = tokens[1];
  if (tokens[0]?.text.toLowerCase() !== "who" || !next || (next.pos !== "ADJ" && next.pos !== "NOUN")) return tokens;
  const base = pastTenseBase(next.text);
  if (!base) return tokens;
  tokens[1] = { ...next, pos: "VERB", lemma: base, stem: stem(base) };
  return tokens;
}
