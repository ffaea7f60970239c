/**
 * The story's dated events in chronological order. Each date the story gives (relative ones
 * resolved against the dateline) becomes an event named by the clause around it. A vague date
 * ("during the war") is placed within the dated events that speak of the same thing ("the war
 * began … June 1950", "… ended … July 1953"), or listed apart; it is never given a date of its own.
 */
import { chronological } from "../language/date-order.js";
import { eventPhrase, type EventPhrase, type Focus } from "./event-phrase.js";
import { pronounSubject, referentName } from "./reference.js";
import { spanText } from "../language/spans.js";
import type { DateMention, DatePrecision, Sentence, Story } from "../types.js";

export interface TimelineEvent {
  /** ISO date as precise as the story allows ("2020-10-19", "1953-07", "2012"); a span "1950-06/1953-07" for a vague date placed by its events */
  date: string;
  precision: DatePrecision;
  /** the event in the story's words, the date taken out */
  text: string;
  /** the story's words for the date: "On Monday", "in 2013", "during the war" */
  when: string;
  paragraph: number;
  sentence: number;
}

export interface UndatedEvent {
  when: string;
  text: string;
  paragraph: number;
  sentence: number;
}

export interface Timeline {
  story: string;
  events: TimelineEvent[];
  /** events with only a vague or unresolvable date that no dated event places */
  undated: UndatedEvent[];
}

interface Vague extends Focus {
  sentence: Sentence;
  /** lemma of the noun the vague date refers to ("war" in "during the war") */
  head: string;
}

/** "during the war", "throughout the occupation", "on the day of Kim's visit", "at the time of the flood". */
function vagueDates(sentence: Sentence): Vague[] {
  const t = sentence.tokens;
  const out: Vague[] = [];
  t.forEach((tok, i) => {
    const word = tok.text.toLowerCase();
    let np = -1;
    if ((word === "during" || word === "throughout") && t[i + 1]?.text.toLowerCase() === "the") np = i + 2;
    const pair = `${word} ${t[i + 1]?.text.toLowerCase()} ${t[i + 2]?.text.toLowerCase()} ${t[i + 3]?.text.toLowerCase()}`;
    if (pair === "on the day of" || pair === "at the time of") np = i + 4;
    if (np < 0) return;
    let end = np;
    while (end < t.length && ["DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"].includes(t[end]!.pos)) end++;
    const nouns = t.slice(np, end).filter((x) => x.pos === "NOUN");
    const head = nouns[nouns.length - 1];
    if (head) out.push({ sentence, start: i, end, head: head.lemma });
  });
  return out;
}

function tidy(text: string): string {
  return text.replace(/[.,;:]+([”"’]?)$/, "$1");
}

/**
 * The phrase's text, its pronoun subject replaced by the one person the sentence before names
 * ("She said that rescuers …" → "Lucia Ferrand said that rescuers …").
 */
function named(story: Story, sentence: Sentence, phrase: EventPhrase): string {
  const at = pronounSubject(sentence);
  const text = tidy(phrase.text);
  if (at === null || phrase.tokens[0] !== at) return text;
  const name = referentName(story, sentence.id);
  const pronoun = sentence.tokens[at]!.text;
  return name && /^(?:he|she)$/i.test(pronoun) ? name + text.slice(pronoun.length) : text;
}

export function timeline(story: Story): Timeline {
  const events: (TimelineEvent & { tokens: number[] })[] = [];
  const undated: UndatedEvent[] = [];
  const bySentence = new Map<number, DateMention[]>();
  for (const d of story.dates) {
    const list = bySentence.get(d.sentence);
    if (list) list.push(d);
    else bySentence.set(d.sentence, [d]);
  }
  for (const d of story.dates) {
    const sentence = story.sentences[d.sentence]!;
    const siblings = bySentence.get(d.sentence)!.filter((x) => x !== d);
    const phrase = eventPhrase(sentence, d, siblings);
    if (!phrase.event) continue;
    const base = { text: named(story, sentence, phrase), when: d.text, paragraph: sentence.paragraph, sentence: sentence.id };
    if (d.iso) events.push({ ...base, date: d.iso, precision: d.precision, tokens: phrase.tokens });
    else undated.push(base);
  }
  // the nouns each dated event's own words use, to find the events a vague date speaks of
  const byNoun = new Map<string, typeof events>();
  for (const e of events) {
    const tokens = story.sentences[e.sentence]!.tokens;
    for (const lemma of new Set(e.tokens.map((i) => tokens[i]!).filter((t) => t.pos === "NOUN").map((t) => t.lemma))) {
      const list = byNoun.get(lemma);
      if (list) list.push(e);
      else byNoun.set(lemma, [e]);
    }
  }
  const placed: TimelineEvent[] = [];
  for (const v of story.sentences.flatMap(vagueDates)) {
    const phrase = eventPhrase(v.sentence, v, [], true);
    const when = spanText(v.sentence.text, v.sentence.tokens, v.start, v.end);
    const base = { text: named(story, v.sentence, phrase), when, paragraph: v.sentence.paragraph, sentence: v.sentence.id };
    // dated events whose own words name the same thing ("The war began …") bound the vague date
    const related = [...(byNoun.get(v.head) ?? [])];
    if (related.length === 0) {
      undated.push(base);
      continue;
    }
    related.sort(chronological);
    const first = related[0]!.date;
    const last = related[related.length - 1]!.date;
    placed.push({ ...base, date: first === last ? first : `${first}/${last}`, precision: "approximate" });
  }
  const all: TimelineEvent[] = [...events.map(({ tokens: _, ...e }) => e), ...placed].sort(chronological);
  return { story: story.id, events: all, undated: undated.sort((a, b) => a.sentence - b.sentence) };
}
