/**
 * How a story is written into the cache: everything ingest derived, without repeating what can be
 * read off something else. Written out as objects, a 20-paragraph story took ~350 KB (tokens alone
 * ~290), and reading it back was most of what a question reaching a story not in memory cost.
 *
 * - A token is three numbers: the gap since the previous token, its length, and an entry of the
 *   story's lexicon (lemma, stem or 0 when it is the lemma, part of speech as a number); its text
 *   is its sentence's text at those offsets, except where wink normalised a character.
 * - A sentence's text is its paragraph's text between two offsets; a paragraph's sentence ids,
 *   and an entity mention's text, are written only when they are not what the sentences say.
 * - The story's passage index and its verbs (search-index.ts) go with it, as lexicon entries and
 *   numbers: indexing a story took 1–3 ms and looking its verbs up in WordNet ~4 ms.
 * - So does each sentence's dependency parse, two characters a token (parse-code.ts): parsing the
 *   sentences a question reads was the largest part of answering from a story first read.
 *
 * Where the shortcut does not hold, the field is written out, so any story reads back exactly.
 * Decoding checks no field: the cache reads an entry only when its bytes are those written with its
 * digest (story-cache.ts), so what it decodes is what this engine encoded. A sentence's tokens are
 * made when they are first read.
 */
import type { SavedIndex } from "../index/search-index.js";
import { rememberParse, storedParse } from "../language/parser/sentence-parse.js";
import type { Entity, Paragraph, Sentence, Span, Story, Token } from "../types.js";

/** A story as cached: everything ingest derives from the text, without the file name it came from. */
export type CachedStory = Omit<Story, "id" | "file">;

/** [number, text] or, when they are not the sentences' own, [number, text, sentence ids] */
type EncodedParagraph = [number, string, number[]?];
/** [paragraph, start, end in its text, tokens] or [paragraph, text, tokens]; then [token, text] where its text is not the slice */
type EncodedSentence = [number, number, number, number[], [number, string][]?] | [number, string, number[], [number, string][]?];
/** [sentence, first token, end token] or, when its text is not those tokens', [sentence, start, end, text] */
type EncodedSpan = [number, number, number, string?];
type EncodedEntity = Omit<Entity, "mentions"> & { mentions: EncodedSpan[] };
/** [lexicon entry, synsets of its senses, of the senses it opposes, then reached in 0, 1, 2… steps], synsets as places in `synsets` */
type EncodedVerb = [number, ...number[][]];

export interface EncodedStory extends Omit<CachedStory, "paragraphs" | "sentences" | "entities"> {
  /** lemma, stem (0: the lemma itself), part of speech (its place in `tags`) of each distinct token */
  lexicon: (string | number)[];
  tags: string[];
  paragraphs: EncodedParagraph[];
  sentences: EncodedSentence[];
  entities: EncodedEntity[];
  /** the passage index, each vocabulary term as a lexicon entry with that stem */
  passages: Pick<SavedIndex["postings"], "format" | "ids"> & { vocabulary: number[]; df: number[]; docs: number[]; counts: number[] };
  synsets: number[];
  verbs: EncodedVerb[];
  /** each sentence's parse, as parse-code.ts writes it ("" when it has none) */
  parses: string[];
}

const SAME_AS_LEMMA = 0;

function spanText(s: Sentence, span: Pick<Span, "start" | "end">): string | undefined {
  const first = s.tokens[span.start];
  const last = s.tokens[span.end - 1];
  return first && last ? s.text.slice(first.start, last.end) : undefined;
}

export function encodeStory(story: CachedStory, index: SavedIndex): EncodedStory {
  const lexicon: (string | number)[] = [];
  const tags: string[] = [];
  const entries = new Map<string, number>();
  const entryOf = (t: Pick<Token, "lemma" | "stem" | "pos">): number => {
    const key = `${t.lemma}\0${t.stem}\0${t.pos}`;
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = entries.size;
      entries.set(key, entry);
      let tag = tags.indexOf(t.pos);
      if (tag < 0) tag = tags.push(t.pos) - 1;
      lexicon.push(t.lemma, t.stem === t.lemma ? SAME_AS_LEMMA : t.stem, tag);
    }
    return entry;
  };
  const cursors = new Map<number, number>();
  const sentences = story.sentences.map((s): EncodedSentence => {
    const flat: number[] = [];
    const texts: [number, string][] = [];
    let end = 0;
    s.tokens.forEach((t, i) => {
      flat.push(t.start - end, t.end - t.start, entryOf(t));
      end = t.end;
      if (s.text.slice(t.start, t.end) !== t.text) texts.push([i, t.text]);
    });
    const tail = texts.length ? [texts] : [];
    const paragraph = story.paragraphs[s.paragraph - 1];
    const at = paragraph?.number === s.paragraph ? paragraph.text.indexOf(s.text, cursors.get(s.paragraph) ?? 0) : -1;
    if (at < 0) return [s.paragraph, s.text, flat, ...tail] as EncodedSentence;
    cursors.set(s.paragraph, at + s.text.length);
    return [s.paragraph, at, at + s.text.length, flat, ...tail] as EncodedSentence;
  });
  const ownIds = (p: Paragraph) => story.sentences.filter((s) => s.paragraph === p.number).map((s) => s.id);
  const paragraphs = story.paragraphs.map((p): EncodedParagraph => (sameIds(ownIds(p), p.sentenceIds) ? [p.number, p.text] : [p.number, p.text, p.sentenceIds]));
  const entities = story.entities.map((e) => ({
    ...e,
    mentions: e.mentions.map((m): EncodedSpan => {
      const s = story.sentences[m.sentence];
      return s && spanText(s, m) === m.text ? [m.sentence, m.start, m.end] : [m.sentence, m.start, m.end, m.text];
    }),
  }));
  const entryOfStem = new Map<string, number>();
  for (let e = lexicon.length / 3 - 1; e >= 0; e--) {
    const st = lexicon[3 * e + 1]!;
    entryOfStem.set(st === SAME_AS_LEMMA ? (lexicon[3 * e] as string) : (st as string), e);
  }
  // every term is a stem of some token, every verb a token's lemma: the index is made of the story's own tokens
  const vocabulary = index.postings.vocabulary.map((term) => entryOfStem.get(term)!);
  const synsets: number[] = [];
  const synsetPlaces = new Map<number, number>();
  const placesOf = (list: number[]) =>
    list.map((synset) => {
      let place = synsetPlaces.get(synset);
      if (place === undefined) synsetPlaces.set(synset, (place = synsets.push(synset) - 1));
      return place;
    });
  const verbs = index.verbs.map((v): EncodedVerb => [entryOf({ lemma: v.lemma, stem: v.stem, pos: "VERB" }), placesOf(v.senses), placesOf(v.opposed), ...v.reach.map(placesOf)]);
  const { format, ids, df, docs, counts } = index.postings;
  const passages = { format, ids, vocabulary, df: Array.from(df), docs: Array.from(docs), counts: Array.from(counts) };
  return { ...story, lexicon, tags, paragraphs, sentences, entities, passages, synsets, verbs, parses: story.sentences.map(storedParse) };
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

class Damaged extends Error {}

function list<T = unknown>(v: unknown): T[] {
  if (!Array.isArray(v)) throw new Damaged();
  return v as T[];
}

/** Where a sentence read back from the cache keeps what makes its tokens, then the tokens made. */
const LAZY_TOKENS = Symbol("tokens when read");
type LazySentence = Sentence & { [LAZY_TOKENS]: Token[] | (() => Token[]) };

function readTokens(this: LazySentence): Token[] {
  const held = this[LAZY_TOKENS];
  if (typeof held !== "function") return held;
  const tokens = held();
  this[LAZY_TOKENS] = tokens;
  return tokens;
}

function writeTokens(this: LazySentence, tokens: Token[]): void {
  this[LAZY_TOKENS] = tokens;
}

/** One getter and setter for every such sentence: see sentenceWithTokensWhenRead. */
const TOKENS_WHEN_READ: PropertyDescriptor = { get: readTokens, set: writeTokens, enumerable: true, configurable: true };

/**
 * A sentence whose tokens are made when something first reads them: a question reads those of
 * the few sentences its passage index ranks high, and making every token of every story a
 * question reaches was a third of reading it, and much of the garbage. `tokens` is an own
 * enumerable property, so that spreading, JSON, structured cloning and equality see the tokens
 * like any other field; what makes them sits in a non-enumerable symbol property beside it. The
 * accessor is the same pair of functions for every sentence: an object literal with its own getter
 * and setter closures put each sentence in V8's dictionary mode (~450 bytes of property table a
 * sentence, and a slow lookup for each `text` or `tokens` read while answering).
 */
function sentenceWithTokensWhenRead(id: number, paragraph: number, text: string, make: () => Token[]): Sentence {
  const sentence = { id, paragraph, text } as LazySentence;
  Object.defineProperty(sentence, LAZY_TOKENS, { value: make, writable: true, enumerable: false, configurable: false });
  Object.defineProperty(sentence, "tokens", TOKENS_WHEN_READ);
  return sentence;
}

/**
 * The story an encoded entry holds and its index as saved; throws on a value it cannot read.
 * Indexed loops, no destructuring or spread of lists: a `storybot ask` process decodes a few dozen
 * stories before the JIT has warmed up, where iterators run several times slower than reads by index.
 */
export function decodeStory(value: unknown): { story: CachedStory; index: SavedIndex } {
  if (typeof value !== "object" || value === null) throw new Damaged();
  const { lexicon: rawLexicon, tags: rawTags, paragraphs: rawParagraphs, sentences: rawSentences, entities: rawEntities, passages, synsets: rawSynsets, verbs: rawVerbs, parses: rawParses, ...rest } = value as EncodedStory;
  const parses = list<string>(rawParses);
  const lexicon = list<string | number>(rawLexicon);
  const tags = list<string>(rawTags);
  const lemmaOf = (e: number) => lexicon[3 * e] as string;
  const stemOf = (e: number) => {
    const st = lexicon[3 * e + 1];
    return st === SAME_AS_LEMMA ? lemmaOf(e) : (st as string);
  };
  const encodedParagraphs = list<EncodedParagraph>(rawParagraphs);
  const paragraphs: Paragraph[] = new Array(encodedParagraphs.length);
  for (let i = 0; i < paragraphs.length; i++) {
    const p = list<unknown>(encodedParagraphs[i]);
    paragraphs[i] = { number: p[0] as number, text: p[1] as string, sentenceIds: (p[2] as number[] | undefined) ?? [] };
  }
  const encodedSentences = list<EncodedSentence>(rawSentences);
  const sentences: Sentence[] = new Array(encodedSentences.length);
  const flatOf = (s: unknown[]) => list<number>(typeof s[1] === "number" ? s[3] : s[2]);
  /**
   * Every sentence's tokens as encoded, one after another (sentence i's from `codeStart[i]`): what
   * the tokens are made from when first read, and a mention's text without making them. One
   * Int32Array, off the heap the collector copies: the parsed JSON arrays took ~8 bytes a number
   * (~75 KB a story of 20 paragraphs), and an Int32Array a sentence ~180 bytes of heads each.
   */
  const codeStart = new Int32Array(encodedSentences.length + 1);
  for (let id = 0; id < encodedSentences.length; id++) codeStart[id + 1] = codeStart[id]! + flatOf(list<unknown>(encodedSentences[id])).length;
  const codes = new Int32Array(codeStart[encodedSentences.length]!);
  for (let id = 0; id < sentences.length; id++) {
    const s = list<unknown>(encodedSentences[id]);
    const inParagraph = typeof s[1] === "number";
    const text = inParagraph ? paragraphs[(s[0] as number) - 1]!.text.slice(s[1] as number, s[2] as number) : (s[1] as string);
    const flat = flatOf(s);
    const from = codeStart[id]!;
    // a builtin's copy: a loop here runs before the JIT has warmed up (see decodeStory)
    codes.set(flat, from);
    const encodedTexts = inParagraph ? s[4] : s[3];
    const texts = encodedTexts === undefined ? [] : list<[number, string]>(encodedTexts);
    sentences[id] = sentenceWithTokensWhenRead(id, s[0] as number, text, () => {
      const to = codeStart[id + 1]!;
      const tokens: Token[] = new Array((to - from) / 3);
      for (let i = 0, k = from, end = 0; k < to; i++, k += 3) {
        const start = end + codes[k]!;
        end = start + codes[k + 1]!;
        const e = codes[k + 2]!;
        const lemma = lexicon[3 * e] as string;
        // most words are written as their lemma: that string serves, without a slice of the sentence
        const tokenText = lemma.length === end - start && text.startsWith(lemma, start) ? lemma : text.slice(start, end);
        tokens[i] = { text: tokenText, lemma, stem: stemOf(e), pos: tags[lexicon[3 * e + 2] as number]!, start, end };
      }
      for (let i = 0; i < texts.length; i++) tokens[texts[i]![0]]!.text = texts[i]![1];
      return tokens;
    });
    rememberParse(sentences[id]!, parses[id]!);
  }
  /** spanText's text of a mention, from the encoded offsets: tokens are not made for it */
  const mentionText = (sentence: number, from: number, to: number): string | undefined => {
    if (sentence < 0 || sentence >= sentences.length) return undefined;
    const base = codeStart[sentence]!;
    const count = (codeStart[sentence + 1]! - base) / 3;
    const last = to - 1;
    const isToken = (i: number) => i >= 0 && i < count;
    if (!isToken(from) || !isToken(last)) return undefined;
    let first = 0;
    let lastEnd = 0;
    for (let i = 0, k = base, end = 0; i <= Math.max(from, last); i++, k += 3) {
      const start = end + codes[k]!;
      end = start + codes[k + 1]!;
      if (i === from) first = start;
      if (i === last) lastEnd = end;
    }
    return sentences[sentence]!.text.slice(first, lastEnd);
  };
  const idsOf = new Map<number, number[]>();
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const ids = idsOf.get(s.paragraph);
    if (ids) ids.push(s.id);
    else idsOf.set(s.paragraph, [s.id]);
  }
  for (let i = 0; i < encodedParagraphs.length; i++) {
    const p = encodedParagraphs[i]!;
    if (p.length < 3) paragraphs[i]!.sentenceIds = idsOf.get(p[0]) ?? [];
  }
  const encodedEntities = list<EncodedEntity>(rawEntities);
  const entities: Entity[] = new Array(encodedEntities.length);
  for (let i = 0; i < entities.length; i++) {
    const e = encodedEntities[i]!;
    const encodedMentions = list<EncodedSpan>(e.mentions);
    const mentions: Span[] = new Array(encodedMentions.length);
    for (let j = 0; j < mentions.length; j++) {
      const m = list<unknown>(encodedMentions[j]);
      const sentence = m[0] as number;
      const start = m[1] as number;
      const end = m[2] as number;
      mentions[j] = { sentence, start, end, text: (m[3] as string | undefined) ?? mentionText(sentence, start, end)! };
    }
    entities[i] = { ...e, mentions };
  }
  const synsets = list<number>(rawSynsets);
  const synsetsAt = (places: unknown) => {
    const at = list<number>(places);
    const out: number[] = new Array(at.length);
    for (let i = 0; i < at.length; i++) out[i] = synsets[at[i]!]!;
    return out;
  };
  const encodedVerbs = list<EncodedVerb>(rawVerbs);
  const verbs: SavedIndex["verbs"] = new Array(encodedVerbs.length);
  for (let i = 0; i < verbs.length; i++) {
    const v = list<unknown>(encodedVerbs[i]);
    const reach: number[][] = [];
    for (let j = 3; j < v.length; j++) reach.push(synsetsAt(v[j]));
    verbs[i] = { lemma: lemmaOf(v[0] as number), stem: stemOf(v[0] as number), senses: synsetsAt(v[1]), opposed: synsetsAt(v[2]), reach };
  }
  const encodedVocabulary = list<number>(passages.vocabulary);
  const vocabulary: string[] = new Array(encodedVocabulary.length);
  for (let i = 0; i < vocabulary.length; i++) vocabulary[i] = stemOf(encodedVocabulary[i]!);
  return { story: { ...(rest as Omit<CachedStory, "paragraphs" | "sentences" | "entities">), paragraphs, sentences, entities }, index: { postings: { ...passages, vocabulary }, verbs } };
}
