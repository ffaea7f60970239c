/**
 * Every span of one evidence sentence that might answer a question, whatever the question asks:
 * names of every type, dates, numbers, role phrases, place phrases, noun-phrase chunks, reasons,
 * "he" and "she" for the person they stand for (pronouns.ts),
 * and the longer readings of each (expand.ts). The pool is wide on purpose: which span answers is
 * the learned ranker's decision, made from the features of each (features.ts).
 */
import { POSSESSIVE } from "../language/lexicon.js";
import { spanText } from "../language/spans.js";
import { candidatesIn, CURRENCY_SIGN, type Candidate } from "./candidates.js";
import { ANSWER_DEFAULTS } from "./defaults.js";
import { pronounCandidates } from "./pronouns.js";
import { coordinate, withPlaceItIsIn, withDirection, withGroupNoun, withUnit } from "./expand.js";
import type { SpanFeatures } from "./features.js";
import type { ParsedQuestion } from "./question.js";
import type { Sentence, Story, Token } from "../types.js";

/** Where a span came from; a span found several ways carries each. */
export const ORIGIN = { name: 1, date: 2, number: 4, role: 8, placePhrase: 16, chunk: 32, reason: 64, pronoun: 128 } as const;
/** Which longer reading of a span this is. */
export const VARIANT = { list: 1, unit: 2, direction: 4, groupNoun: 8, ofTail: 16, toComma: 32, placeIn: 64 } as const;

export interface PoolCandidate extends Candidate {
  origin: number;
  variant: number;
  /** the span's own features, whatever the question: filled in by the first question that weighs it */
  spanFeatures?: SpanFeatures;
}

const ALL_TYPES = ["date", "person", "organisation", "place", "number"] as const;
/** A chunk longer than this is a clause, not an answer. */
const MAX_CHUNK_TOKENS = 10;

const CHUNK_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
const HEAD_POS = new Set(["NOUN", "PROPN", "NUM"]);

function originOf(c: Candidate): number {
  if (c.type === "date") return ORIGIN.date;
  if (c.type === "number") return ORIGIN.number;
  if (c.phrase === "role") return ORIGIN.role;
  if (c.phrase === "place") return ORIGIN.placePhrase;
  return ORIGIN.name;
}

/** A hyphen glued to the words on both sides ("Jong-un", "state-run"): a chunk is not cut there. */
function innerHyphen(t: Token[], k: number): boolean {
  const before = t[k - 1];
  const after = t[k + 1];
  return /^[-‐‑]$/.test(t[k]!.text) && !!before && !!after && before.end === t[k]!.start && t[k]!.end === after.start;
}

/**
 * Whether the word at k carries on a chunk that opened at `from`: an adjective, noun or number, a
 * possessive 's before another ("Pyongyang's top officials"), a glued hyphen, and the word after
 * one whatever its tag ("hand-held stylus").
 */
function inChunk(t: Token[], k: number, from: number): boolean {
  const pos = t[k]!.pos;
  if (CHUNK_POS.has(pos) || innerHyphen(t, k) || (k > from && innerHyphen(t, k - 1))) return true;
  return pos === "PART" && POSSESSIVE.test(t[k]!.text) && CHUNK_POS.has(t[k + 1]?.pos ?? "");
}

/**
 * Noun-phrase chunks: runs of adjectives, nouns and numbers (a possessive 's inside), without the
 * article, ending on a noun, never running into or out of a date ("Kessel next Tuesday" is a place
 * and a day, not one phrase).
 */
function chunks(sentence: Sentence, dates: readonly Candidate[]): Candidate[] {
  const t = sentence.tokens;
  const inDate = t.map((_, k) => dates.some((d) => d.start <= k && k < d.end));
  const out: Candidate[] = [];
  const make = (s: number, e: number): Candidate => ({ start: s, end: e, text: spanText(sentence.text, t, s, e), type: "phrase", note: null, canonical: null });
  let i = 0;
  while (i < t.length) {
    if (!CHUNK_POS.has(t[i]!.pos)) {
      i++;
      continue;
    }
    let e = i;
    while (e < t.length && e - i < MAX_CHUNK_TOKENS && inDate[e] === inDate[i] && inChunk(t, e, i)) e++;
    let end = e;
    // a chunk ends on a noun, and never inside a hyphened word ("hand" of "hand-held")
    const trim = () => {
      while (end > i && !HEAD_POS.has(t[end - 1]!.pos)) end--;
    };
    trim();
    while (end > i && end < t.length && (innerHyphen(t, end) || innerHyphen(t, end - 1))) {
      end--;
      trim();
    }
    // "no group claimed responsibility": what "no" opens names nothing that did it
    const negated = t[i - 1]?.pos === "DET" && t[i - 1]!.text.toLowerCase() === "no";
    // "$144 million breakup fee": a sum keeps its currency sign
    const first = t[i]!.pos === "NUM" && CURRENCY_SIGN.test(t[i - 1]?.text ?? "") ? i - 1 : i;
    if (end > i && !negated) {
      out.push(make(first, end));
      // "the tomb of Mao Anying", "dozens of Pyongyang's top officials": the chunk with its "of" complement
      if (t[end]?.text === "of") {
        let k = end + 1;
        if (t[k]?.pos === "DET") k++;
        const from = k;
        while (k < t.length && k - i < MAX_CHUNK_TOKENS && inDate[k] === inDate[from] && inChunk(t, k, from)) k++;
        while (k > from && !HEAD_POS.has(t[k - 1]!.pos)) k--;
        if (k > from) out.push({ ...make(first, k), ofTail: true } as Candidate & { ofTail: boolean });
      }
    }
    i = Math.max(e, i + 1);
  }
  return out;
}

const CAUSE = /^(?:because|since|as|due|owing|thanks|given)$/i;

function trimEnd(t: Token[], from: number, to = t.length): number {
  let end = to;
  while (end > from && (t[end - 1]!.pos === "PUNCT" || /^["“”'’]$/.test(t[end - 1]!.text))) end--;
  return end;
}

/** For why: what follows a causal connective ("… as the country suffers from floods") or a purpose infinitive ("to safeguard peace"). */
function reasons(sentence: Sentence): Candidate[] {
  const t = sentence.tokens;
  const out: Candidate[] = [];
  const push = (from: number) => {
    const end = trimEnd(t, from);
    if (end <= from) return;
    out.push({ start: from, end, text: spanText(sentence.text, t, from, end), type: "phrase", note: null, canonical: null });
    const comma = t.findIndex((x, k) => k > from && (x.text === "," || x.text === ";"));
    if (comma > from + 1 && comma < end) out.push({ start: from, end: comma, text: spanText(sentence.text, t, from, comma), type: "phrase", note: null, canonical: null, toComma: true } as Candidate & { toComma: boolean });
  };
  for (let i = 0; i < t.length; i++) {
    const next = t[i + 1];
    const verbAfter = next?.pos === "VERB" || (/^["“‘']$/.test(next?.text ?? "") && t[i + 2]?.pos === "VERB");
    if (t[i]!.text.toLowerCase() === "to" && verbAfter && i > 0 && (t[i - 1]!.pos === "VERB" || /^(?:order|as)$/i.test(t[i - 1]!.text))) push(i);
    if (!CAUSE.test(t[i]!.text)) continue;
    // "as" and "since" are causal only when a clause follows, not "as well" or "since 1990"
    if (!next || next.pos === "NUM" || (next.pos === "ADV" && /^(?:as|since)$/i.test(t[i]!.text))) continue;
    push(/^(?:due|owing|thanks)$/i.test(t[i]!.text) && next.text.toLowerCase() === "to" ? i + 2 : i + 1);
  }
  return out;
}

/** Adds a span to the pool, or merges what is known of it into the span already there. */
function add(pool: Map<string, PoolCandidate>, c: Candidate, origin: number, variant: number): void {
  if (c.end <= c.start) return;
  const key = `${c.start}:${c.end}`;
  const had = pool.get(key);
  if (!had) {
    pool.set(key, { ...c, origin, variant });
    return;
  }
  had.origin |= origin;
  had.variant |= variant;
  // a name or a date is the more telling reading of the same words than a phrase
  if (had.type === "phrase" && c.type !== "phrase") Object.assign(had, { type: c.type, entity: c.entity, canonical: c.canonical, kindOfOther: c.kindOfOther, note: c.note });
}

/** Recent sentences' pools, by what of the question shapes a pool: every other question gets the same one. */
let recent = new WeakMap<Sentence, Map<string, readonly PoolCandidate[]>>();
let remembered = 0;

/**
 * The sentence's pool for this question, shared with every question alike in what shapes it (its
 * asked-for noun, which decides whether a number takes its unit, and whether it asks why): callers
 * read it and never change it, but for the span features each candidate keeps (features.ts).
 */
export function poolOf(q: ParsedQuestion, story: Story, sentence: Sentence): readonly PoolCandidate[] {
  const key = `${q.kind === "why" ? "why" : ""}|${q.answerNoun ?? ""}`;
  let pools = recent.get(sentence);
  const known = pools?.get(key);
  if (known) return known;
  if (!pools) {
    if (++remembered > ANSWER_DEFAULTS.poolMemoSentences) {
      recent = new WeakMap();
      remembered = 1;
    }
    pools = new Map();
    recent.set(sentence, pools);
  }
  const pool = buildPool(q, story, sentence);
  pools.set(key, pool);
  return pool;
}

function buildPool(q: ParsedQuestion, story: Story, sentence: Sentence): PoolCandidate[] {
  const pool = new Map<string, PoolCandidate>();
  const typed = candidatesIn(story, sentence, [...ALL_TYPES]);
  for (const c of typed) add(pool, c, originOf(c), 0);
  for (const c of typed) {
    const list = coordinate(c, typed, sentence);
    if (list !== c) add(pool, list, originOf(c), VARIANT.list);
    const unit = withUnit(q, c, sentence);
    if (unit !== c) add(pool, unit, originOf(c), VARIANT.unit);
    const direction = withDirection(c, sentence);
    if (direction !== c) add(pool, direction, originOf(c), VARIANT.direction);
    const group = withGroupNoun(c, sentence);
    if (group !== c) add(pool, group, originOf(c), VARIANT.groupNoun);
    const within = withPlaceItIsIn(c, typed, sentence);
    if (within !== c) add(pool, within, originOf(c), VARIANT.placeIn);
  }
  for (const c of pronounCandidates(story, sentence)) add(pool, c, ORIGIN.pronoun, 0);
  for (const c of chunks(sentence, typed.filter((c) => c.type === "date"))) add(pool, c, ORIGIN.chunk, (c as { ofTail?: boolean }).ofTail ? VARIANT.ofTail : 0);
  if (q.kind === "why") for (const c of reasons(sentence)) add(pool, c, ORIGIN.reason, (c as { toComma?: boolean }).toComma ? VARIANT.toComma : 0);
  // a title before a name ("Mayor Ana Costa"), not a phrase the name completes ("the tomb of Mao Anying")
  const people = typed.filter((c) => c.type === "person");
  const t = sentence.tokens;
  for (const c of pool.values()) {
    if (c.type !== "phrase") continue;
    const person = people.find((p) => p.end === c.end && p.start > c.start);
    if (person && t.slice(c.start, person.start).every((k) => k.pos !== "ADP" && k.pos !== "PART" && k.pos !== "VERB")) c.named = person.canonical ?? person.text;
  }
  return [...pool.values()];
}
