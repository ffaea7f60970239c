/**
 * Answer candidates inside one evidence sentence: the spans that could answer a question of the
 * expected type (named entities, dates, numbers, role noun phrases, place phrases).
 */
import { EVENT_HEADS, PLACE_PHRASE_PREPOSITIONS } from "../language/lexicon.js";
import type { Expected } from "./question.js";
import { formatIso } from "../language/iso-date.js";
import { isNounSlot } from "../language/person-nouns.js";
import { spanText } from "../language/spans.js";
import type { DateMention, Entity, EntityType, Sentence, Span, Story } from "../types.js";

export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType | "phrase";
  /** a resolved date to show beside relative text: "19 Oct 2020" */
  note: string | null;
  /** the canonical entity name when the span is an alias ("Kim" → "Kim Jong-un") */
  canonical: string | null;
  /** the story entity this span names, if any */
  entity?: string;
  /** for "other" names: a people or group ("the Welsh", "Anglo-Saxons") or an event ("First Crusade") */
  kindOfOther?: "group" | "event";
  /** for phrases: a role noun phrase ("the Chinese ambassador") or a place phrase ("in the capital") */
  phrase?: "role" | "place";
  /** for a phrase that ends in a person's name ("Mayor Ana Costa"): that person's full name */
  named?: string;
}

function kindOfOther(story: Story, name: string): Candidate["kindOfOther"] {
  const words = name.split(/\s+/);
  if (EVENT_HEADS.has(words[words.length - 1]!)) return "event";
  const lower = name.toLowerCase();
  const demonym = story.demonyms[lower] !== undefined || story.demonyms[lower.replace(/s$/, "")] !== undefined;
  if (demonym || (words.length === 1 && /^\p{Lu}[\p{L}-]+s$/u.test(name))) return "group";
  return undefined;
}

/** Counts written as words: "dozens of officials", "hundreds", "several". */
const CLOCK_TIME = /^(?:[01]?\d|2[0-3])[:.][0-5]\d$/;
const MERIDIEM = /^[ap]\.?m\.?$/i;
const QUANTITY_WORDS = /^(?:dozens?|scores|hundreds|thousands|millions|billions|several|a few|many|numerous|tens)$/i;
/** "$", "€", "US$", "HK$": a currency sign, alone or after a country's letters, that the tokenizer splits off a sum */
export const CURRENCY_SIGN = /^\p{Lu}{0,2}\p{Sc}$/u;
/** A sum's text: "$13.7 billion", "US$5". */
export const SUM = /^\p{Lu}{0,2}\p{Sc}/u;


/** What a sentence holds: its name mentions (with their entity) and its dates. */
interface Marks {
  mentions: { e: Entity; m: Span }[];
  /** token positions where a name starts */
  nameStarts: number[];
  dates: DateMention[];
}

/** Per candidate sentence, worked out on its first question: a question looks in a few sentences of a story, not all. */
const marksCache = new WeakMap<Sentence, Marks>();

function marksOf(story: Story, sentence: Sentence): Marks {
  let marks = marksCache.get(sentence);
  if (!marks) {
    const mentions = story.entities.flatMap((e) => e.mentions.filter((m) => m.sentence === sentence.id).map((m) => ({ e, m })));
    marks = { mentions, nameStarts: mentions.map(({ m }) => m.start), dates: story.dates.filter((d) => d.sentence === sentence.id) };
    marksCache.set(sentence, marks);
  }
  return marks;
}

/** A lower-case noun phrase around a role noun: "the Chinese ambassador to Pyongyang" → "Chinese ambassador". */
function rolePhrases(story: Story, sentence: Sentence, { nameStarts }: Marks): Candidate[] {
  const t = sentence.tokens;
  const out: Candidate[] = [];
  const people = story.personNouns;
  t.forEach((tok, i) => {
    if (!isNounSlot(t, i) || !people.includes(tok.text.toLowerCase())) return;
    // a title before a name ("the Danish turbine maker Havbris"): the name is the answer
    if (t[i + 1]?.pos === "PROPN" || nameStarts.includes(i + 1)) return;
    // "their descendants", "his aides": someone's relatives say who only through that someone
    if (/^(?:his|her|their|its|our|my|your)$/i.test(t[i - 1]?.text ?? "")) return;
    let s = i;
    while (s > 0 && ["ADJ", "PROPN", "NOUN"].includes(t[s - 1]!.pos)) s--;
    let e = i + 1;
    if (t[e]?.text === "of" && t[e + 1]) {
      let k = e + 1;
      if (t[k]!.pos === "DET") k++;
      while (k < t.length && ["ADJ", "PROPN", "NOUN", "NUM"].includes(t[k]!.pos)) k++;
      if (k > e + 1) e = k;
    }
    out.push({ start: s, end: e, text: spanText(sentence.text, t, s, e), type: "phrase", note: null, canonical: null, phrase: "role" });
  });
  return out;
}

const NOUN_PHRASE_POS = new Set(["ADJ", "PROPN", "NOUN", "NUM"]);

/** "in the capital", "at the tomb of Mao Anying": a place-like prepositional phrase, not a time ("in March 2020"). */
function placePhrases(sentence: Sentence, { mentions, dates }: Marks): Candidate[] {
  const t = sentence.tokens;
  const out: Candidate[] = [];
  t.forEach((tok, i) => {
    if (tok.pos !== "ADP" || !PLACE_PHRASE_PREPOSITIONS.has(tok.text.toLowerCase())) return;
    if (dates.some((d) => d.start <= i + 2 && d.end > i + 1)) return;
    // noun-phrase words up to the first that belongs to a date: "on the bridge next month"
    const nounPhraseEnd = (from: number): number => {
      let k = from;
      while (k < t.length && NOUN_PHRASE_POS.has(t[k]!.pos) && !dates.some((d) => d.start <= k && k < d.end)) k++;
      return k;
    };
    let k = i + 1;
    if (t[k]?.pos === "DET") k++;
    const from = k;
    k = nounPhraseEnd(k);
    if (k === from || !t.slice(from, k).some((x) => x.pos === "NOUN" || x.pos === "PROPN")) return;
    if (t[k]?.text === "of") {
      const f = t[k + 1]?.pos === "DET" ? k + 2 : k + 1;
      const j = nounPhraseEnd(f);
      if (j > f) k = j;
    }
    // a name is kept whole: "at Stone & Timber Engineering"
    for (const { m } of mentions) if (m.start > i && m.start < k && m.end > k) k = m.end;
    out.push({ start: i + 1, end: k, text: spanText(sentence.text, t, i + 1, k), type: "phrase", note: null, canonical: null, phrase: "place" });
  });
  return out;
}

/** Lower-case nouns from `from` up to the start of a name: a title or description of that name. */
function titleBefore(sentence: Sentence, from: number, nameStarts: number[]): boolean {
  let k = from;
  while (sentence.tokens[k] && NOUN_PHRASE_POS.has(sentence.tokens[k]!.pos) && sentence.tokens[k]!.text === sentence.tokens[k]!.text.toLowerCase()) k++;
  return k > from && nameStarts.includes(k);
}

export function candidatesIn(story: Story, sentence: Sentence, expected: Expected[]): Candidate[] {
  const out: Candidate[] = [];
  const wants = new Set(expected);
  const marks = marksOf(story, sentence);
  if (wants.has("date")) {
    for (const d of marks.dates) {
      const note = d.relative && d.iso ? formatIso(d.iso) : null;
      out.push({ start: d.start, end: d.end, text: d.text, type: "date", note, canonical: null });
    }
  }
  if (wants.has("person") || wants.has("organisation") || wants.has("place")) {
    for (const { e, m } of marks.mentions) {
      // "the Danish wind turbine maker Havbris": a nationality inside the title of another name
      if (e.type === "other" && titleBefore(sentence, m.end, marks.nameStarts)) continue;
      out.push({ start: m.start, end: m.end, text: m.text, type: e.type, note: null, canonical: m.text !== e.name ? e.name : null, entity: e.name, kindOfOther: e.type === "other" ? kindOfOther(story, e.name) : undefined });
    }
  }
  if (wants.has("person")) out.push(...rolePhrases(story, sentence, marks));
  if (wants.has("place")) out.push(...placePhrases(sentence, marks));
  if (wants.has("number")) {
    sentence.tokens.forEach((tok, i) => {
      if (tok.pos !== "NUM" && !QUANTITY_WORDS.test(tok.text)) return;
      if (i > 0 && sentence.tokens[i - 1]!.pos === "NUM") return;
      let e = i + 1;
      while (sentence.tokens[e]?.pos === "NUM") e++;
      // "a million", "a dozen": the article is part of the number; so is a currency sign ("$13.7 billion")
      const before = sentence.tokens[i - 1];
      const s = (/^(?:hundred|thousand|million|billion|dozen)$/i.test(tok.text) && /^an?$/i.test(before?.text ?? "")) || (before && CURRENCY_SIGN.test(before.text) && before.end === tok.start) ? i - 1 : i;
      // "3:12 a.m.": a time of day answers when, not how many
      const clock = CLOCK_TIME.test(tok.text);
      if (clock && MERIDIEM.test(sentence.tokens[e]?.text ?? "")) e++;
      out.push({ start: s, end: e, text: spanText(sentence.text, sentence.tokens, s, e), type: clock ? "date" : "number", note: null, canonical: null });
    });
  }
  return out;
}
