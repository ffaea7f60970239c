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

/** "to", "until", "through", a dash: what joins the two ends of "from 2011 to 2013". */
const RANGE_JOIN = /^(?:to|until|till|through|[-–—])$/i;

/**
 * Dates of one sentence that are the two ends of one span of time: "held power from 2011 to
 * 2013", "between 1950 and 1953". Each end alone dated half an event ("… held power to 2013" in
 * 2011, "… held power from 2011" in 2013).
 */
function rangesOf(sentence: Sentence, dates: readonly DateMention[]): { from: DateMention; to: DateMention }[] {
  const tokens = sentence.tokens;
  const sorted = [...dates].sort((a, b) => a.start - b.start);
  const out: { from: DateMention; to: DateMention }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i]!, sorted[i + 1]!];
    const before = tokens[a.start - 1]?.text.toLowerCase();
    const join = b.start === a.end + 1 ? tokens[a.end]!.text : null;
    const opens = (before === "from" && join !== null && RANGE_JOIN.test(join)) || (before === "between" && join?.toLowerCase() === "and");
    if (opens && a.iso && b.iso && a.iso < b.iso) {
      out.push({ from: a, to: b });
      i++;
    }
  }
  return out;
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
  const ends = new Set<DateMention>();
  for (const [id, dates] of bySentence) {
    const sentence = story.sentences[id]!;
    for (const { from, to } of rangesOf(sentence, dates)) {
      ends.add(from).add(to);
      // the span's words, "from" to its last date, as one date of the sentence
      const span = { start: from.start - 1, end: to.end };
      const phrase = eventPhrase(sentence, span, dates.filter((x) => x !== from && x !== to));
      if (!phrase.event) continue;
      const when = spanText(sentence.text, sentence.tokens, span.start, span.end);
      events.push({ text: named(story, sentence, phrase), when, paragraph: sentence.paragraph, sentence: id, date: `${from.iso}/${to.iso}`, precision: from.precision, tokens: phrase.tokens });
    }
  }
  for (const d of story.dates) {
    if (ends.has(d)) continue;
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
