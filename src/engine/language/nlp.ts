/** The one place that talks to wink-nlp: sentence splitting, tokens, POS tags, lemmas. */
import winkNLP, { type ItemSentence } from "wink-nlp";
import stemmer from "wink-porter2-stemmer";
import { BoundedMemo } from "./bounded-memo.js";
import { englishModel } from "./wink-model.js";
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
  const doc = nlp.readDoc(text.replace(LONG_RUN, (run) => run.match(PIECE)!.join(" ")));
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
      const at = text.indexOf(v, cursor);
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
      previous.tokens.push(...tokensOf(values, pos, lemmas, located, merged, from));
      previous.text = merged;
      return;
    }
    const sStart = located[0]!.start;
    const sEnd = located[located.length - 1]!.end;
    const sentenceText = text.slice(sStart, sEnd);
    out.push({ text: sentenceText, at: sStart, tokens: tokensOf(values, pos, lemmas, located, sentenceText, sStart) });
  });
  return out.map(({ text: t, tokens }) => ({ text: t, tokens }));
}

function tokensOf(values: string[], pos: string[], lemmas: string[], located: { start: number; end: number }[], sentenceText: string, sStart: number): Token[] {
  return values.map((v, i) => ({
    text: sentenceText.slice(located[i]!.start - sStart, located[i]!.end - sStart) || v,
    lemma: (lemmas[i] ?? v).toLowerCase(),
    // stems of lemmas, so that irregular forms meet ("began" and "begin")
    stem: stem(lemmas[i] ?? v),
    pos: pos[i] ?? "X",
    start: located[i]!.start - sStart,
    end: located[i]!.end - sStart,
  }));
}

/**
 * A question's tokens depend on its text alone: routed across a library and read against each story
 * it reaches, it is tagged once (and its parse, keyed by this array, made once). Frozen, since every
 * reader shares them.
 */
const shortTexts = new BoundedMemo<readonly Token[]>(512);

export function questionTokens(text: string): Token[] {
  return shortTexts.get(text, () => Object.freeze(analyse(text).flatMap((s) => s.tokens))) as Token[];
}
