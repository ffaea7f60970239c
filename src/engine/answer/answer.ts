/**
 * Question → short answer with its evidence sentence, or an honest null.
 *
 * 1. rank sentences with BM25 (search-index.ts) on the question's content stems;
 * 2. measure how much of the question each top sentence supports (IDF-weighted; the question's
 *    names and numbers must be found in the sentence, its neighbours or, for a pronoun, the
 *    sentence before);
 * 3. score the candidate spans of the expected type by support, type fit, closeness to the
 *    matched question words and the side of the verb where the question's gap is; never answer
 *    with what the question already names;
 * 4. abstain when the best evidence does not support the question.
 */
import { candidatesIn, type Candidate } from "./candidates.js";
import { identityAnswer } from "./identity-answer.js";
import { PLACE_PHRASE_PREPOSITIONS } from "../language/lexicon.js";
import { publicationAnswer } from "./meta-answer.js";
import { parseQuestion, type ParsedQuestion } from "./question.js";
import { indexOf } from "../index/search-index.js";
import { beforeArticle, spanText } from "../language/spans.js";
import { support, type Support } from "./support.js";
import type { Answer, Sentence, Story } from "../types.js";

export const MAX_QUESTION_LENGTH = 300;
const TOP_SENTENCES = 6;
/** Weights of the candidate score; the landscape around them is flat (docs/answering.md). */
const W = { own: 0.7, context: 0.3, rank: 0.15, fit: 0.35, prox: 0.25, dir: 1, echo: 0.3 };
/** Type fit of a candidate whose head is the noun the question asks for ("which agency" → "… Agency"). */
const HEAD_MATCH_FIT = 2.5;
/** the fit of an answer of another kind than asked: an event for "who", a person for "where" */
const WRONG_KIND_FIT = 0.1;
export const SUPPORT_THRESHOLD = 0.31;

const PARTITIVE_POS = new Set(["DET", "PROPN", "PART", "NUM", "ADJ", "NOUN"]);

/** The noun a number counts: "650 firefighters", "about 12,000 acres", "41 of the parliament's 120 seats". */
function countedNoun(sentence: Sentence, c: Candidate): string | undefined {
  const t = sentence.tokens;
  let k = c.end;
  if (t[k]?.text === "of") {
    // a share of a whole: the whole's head noun is what is counted
    let head: string | undefined;
    for (k++; t[k] && PARTITIVE_POS.has(t[k]!.pos); k++) if (t[k]!.pos === "NOUN") head = t[k]!.lemma;
    return head;
  }
  while (t[k]?.pos === "ADJ") k++;
  return t[k]?.pos === "NOUN" ? t[k]!.lemma : undefined;
}

function typeFit(q: ParsedQuestion, c: Candidate, sentence: Sentence): number {
  const head = c.type === "number" ? countedNoun(sentence, c) : sentence.tokens[c.end - 1]?.lemma;
  if (q.answerNoun && head === q.answerNoun) return HEAD_MATCH_FIT;
  // "which firm …" of "the Dutch firm Zeewind": the name the asked-for noun introduces
  if (q.answerNoun && c.entity && sentence.tokens[c.start - 1]?.lemma === q.answerNoun) return HEAD_MATCH_FIT;
  const rank = q.expected.indexOf(c.type as never);
  if (rank === 0) return 1;
  if (rank > 0) return 0.8;
  // "in the capital" may be a place, "in operation" is not: a phrase with a name in it is likelier one
  if (c.type === "phrase") return q.kind === "who" ? 0.6 : sentence.tokens.slice(c.start, c.end).some((t) => t.pos === "PROPN") ? 0.5 : 0.4;
  // peoples and groups do things ("the Welsh", "Anglo-Saxons"); events do not
  if (q.kind === "who" && c.kindOfOther === "group") return 0.6;
  if (q.kind === "who" && c.kindOfOther === "event") return WRONG_KIND_FIT;
  if (q.kind === "who" && (c.type === "place" || c.type === "other")) return 0.35;
  // an organisation is a where only as a place one is at, goes to or is of: "at Stone & Timber Engineering", "earl of Hereford"
  if (q.kind === "where" && (c.type === "organisation" || c.type === "other")) {
    const before = sentence.tokens[c.start - 1]?.text.toLowerCase() ?? "";
    return PLACE_PHRASE_PREPOSITIONS.has(before) || before === "of" ? 0.35 : WRONG_KIND_FIT;
  }
  return WRONG_KIND_FIT;
}

function distance(c: Candidate, pos: number): number {
  return pos < c.start ? c.start - pos : pos >= c.end ? pos - c.end + 1 : 0;
}

function proximity(c: Candidate, matches: Support["matches"]): number {
  if (!matches.length) return 0;
  let weighted = 0;
  let mass = 0;
  for (const m of matches) {
    weighted += m.weight / (1 + distance(c, m.pos) / 3);
    mass += m.weight;
  }
  return weighted / mass;
}

/** After a name, ", the son of Robert," up to its closing comma: where the name's own clause resumes. */
function appositiveEnd(t: Sentence["tokens"], from: number, limit: number): number {
  // ", the son of Robert," or ", who was not involved in the work,"
  if (t[from]?.text !== "," || !(t[from + 1]?.pos === "DET" || /^(?:who|which)$/i.test(t[from + 1]?.text ?? ""))) return from;
  for (let k = from + 2; k < limit; k++) if (t[k]!.text === ",") return k + 1;
  return from;
}

const ROLES_REVERSED = -0.5;

/**
 * A verb that opens a clause of its own. An infinitive does not: it carries on its verb's
 * predicate ("is expected to rule on it by the end of June"), and a plural noun after "to" that
 * the tagger calls one is no verb at all ("closed the bridge to trucks in 2016").
 */
function opensClause(t: Sentence["tokens"], k: number): boolean {
  return t[k]!.pos === "VERB" && t[k - 1]?.text.toLowerCase() !== "to";
}

/** No verb, relative pronoun or clause break among tokens [from, to). */
function sameClauseSpan(t: Sentence["tokens"], from: number, to: number): boolean {
  const between = t.slice(from, to);
  return !between.some((x, k) => opensClause(t, from + k) || x.text === ";" || /^(?:which|who|that|while|whereas)$/i.test(x.text) || x.text === "," && between[k + 1]?.pos === "CCONJ");
}

/** Bonus for a candidate on the side of the matched verb where the question's gap is, in the same clause. */
function direction(q: ParsedQuestion, sentence: Sentence, c: Candidate, s: Support, all: Candidate[]): number {
  const verbs = s.matches.filter((m) => m.verb).map((m) => m.pos);
  if (!verbs.length || q.form === "unknown" || q.form === "copular") return 0;
  const v = verbs.reduce((a, b) => (distance(c, a) <= distance(c, b) ? a : b));
  const t = sentence.tokens;
  if (!(c.end <= v ? sameClauseSpan(t, c.end, v) : sameClauseSpan(t, v + 1, c.start))) return 0;
  // a time or place modifies its own clause's verb, on either side: "On Monday, Xi stressed that … in 1950"
  if (q.kind === "when" || q.kind === "where") return 0.2;
  const passiveSentence = t[v - 1]?.lemma === "be" || t[v - 2]?.lemma === "be";
  // "Who replaced the Normans?" of "the Normans replaced the Anglo-Saxons": the question's own name
  // does the verb here, so what follows it is the other side of the roles, not the answer
  if (q.form === "subject" && c.start > v && !passiveSentence) {
    const subject = all.filter((o) => o.entity && o.end <= v && sameClauseSpan(t, o.end, v)).sort((a, b) => b.end - a.end)[0];
    if (subject?.entity && q.named.has(subject.entity)) return ROLES_REVERSED;
  }
  // only the nearest candidate on that side can fill the verb's slot; an appositive between the
  // subject and its verb ("Bohemond, the son of Robert, joined") does not count as nearer
  const lo = c.end <= v ? appositiveEnd(t, c.end, v) : v + 1;
  const hi = c.end <= v ? v : c.start;
  if (all.some((o) => o !== c && o.start >= lo && o.end <= hi && o.type !== "phrase" === (c.type !== "phrase"))) return 0;
  const afterBy = t[c.start - 1]?.text === "by" && c.start > v;
  const before = c.end <= v;
  if (q.form === "subject") {
    if (passiveSentence) return afterBy ? 0.25 : before ? -0.1 : 0;
    return before ? 0.2 : -0.1;
  }
  // object and passive questions ask for the one acted on
  if (passiveSentence) return before ? 0.2 : afterBy ? -0.15 : 0;
  return before ? -0.1 : 0.2;
}

/** Share of the candidate's content words that the question already says. */
function echo(q: ParsedQuestion, sentence: Sentence, c: Candidate): number {
  // a name is one thing: "Mao Anying" is not an echo of a question about "Mao Zedong"
  if (c.entity) return q.named.has(c.entity) ? 1 : 0;
  const stems = new Set(q.terms.map((t) => t.stem));
  const words = sentence.tokens.slice(c.start, c.end).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (!words.length) return 1;
  // "the first quarterback" answers nothing when the question asks about the quarterback
  if (c.type === "phrase" && stems.has(words[words.length - 1]!.stem)) return 1;
  return words.filter((t) => stems.has(t.stem) || q.terms.some((x) => x.word === t.text.toLowerCase())).length / words.length;
}

/** A preposition the question ends on, its object being what is asked: "to" of "extended to?". */
function strandedPreposition(q: ParsedQuestion): string | null {
  const words = q.tokens.filter((t) => /\p{L}/u.test(t.text));
  const last = words[words.length - 1];
  return last?.pos === "ADP" || /^(?:to|from|into|onto|toward|towards)$/i.test(last?.text ?? "") ? last!.text.toLowerCase() : null;
}

/** Location and time phrases are introduced by a preposition: "in Hoechang", "on Monday". */
function introduced(q: ParsedQuestion, sentence: Sentence, c: Candidate): number {
  // "by the end of June": the preposition may stand before an article
  const prev = sentence.tokens[beforeArticle(sentence.tokens, c.start)]?.text.toLowerCase() ?? "";
  // "where will the tram be extended to?": the place the question's own last preposition introduces
  const stranded = strandedPreposition(q);
  if (q.kind === "where" && stranded) return prev === stranded ? 0.3 : 0;
  // "which country is North Korea's biggest partner?" asks what a place is, not where something is
  if (q.kind === "where" && q.answerNoun && q.form === "copular") return 0;
  if (q.kind === "where") return /^(?:in|at|near|from|to|inside|outside|across|throughout)$/.test(prev) ? 0.15 : 0;
  if (q.kind === "when") return /^(?:in|on|at|during|since|until|by|from)$/.test(prev) ? 0.05 : 0;
  return 0;
}

/**
 * "2013 and 2018", "Robert Lane and Benjamin Vail": joins a candidate with its coordinated siblings;
 * dates also join as a range ("1321 to 1323", "between 2005 and 2010").
 */
function coordinate(best: Candidate, all: Candidate[], sentence: Sentence): Candidate {
  const t = sentence.tokens;
  let end = best.end;
  let start = best.start;
  const range = best.type === "date" ? /^(?:to|until|through|-|–)$/ : /^$/;
  for (;;) {
    const joiner = t[end]?.text.toLowerCase() ?? "";
    if (range.test(joiner)) {
      const next = all.find((c) => c.type === "date" && c.start === end + 1);
      if (next) end = next.end;
      break;
    }
    if (joiner !== "and" && joiner !== "or" && joiner !== ",") break;
    // the Oxford comma: "Grissom, White, and Chaffee"
    let skip = joiner === "," && /^(?:and|or)$/i.test(t[end + 1]?.text ?? "") ? 2 : 1;
    // "the Wellcome Trust and the Medical Research Council" (but "the Saxon Garden, the Summer Theatre" is no list)
    if (/^(?:and|or)$/i.test(t[end + skip - 1]?.text ?? "") && t[end + skip]?.pos === "DET") skip++;
    const next = all.find((c) => c.type === best.type && c.start === end + skip && c !== best);
    if (!next) break;
    end = next.end;
    if (joiner !== "," || skip >= 2) break;
  }
  // and backwards, when the best is the second of the pair
  const at = beforeArticle(t, start);
  if (/^(?:and|or)$/i.test(t[at]?.text ?? "")) {
    const previous = all.find((c) => c.type === best.type && c !== best && (c.end === at || (c.end === at - 1 && t[at - 1]?.text === ",")));
    if (previous) start = previous.start;
  }
  if (end === best.end && start === best.start) return best;
  if (best.type === "date" && /^(?:between|from)$/i.test(t[start - 1]?.text ?? "")) start--;
  return { ...best, start, end, text: spanText(sentence.text, t, start, end), canonical: null, note: null };
}

const DIRECTION = /^(?:northern|southern|eastern|western|central|north|south|east|west|upper|lower|northeastern|northwestern|southeastern|southwestern|coastal|inland|rural)$/i;

/** "southern Italy", "rural Kenya": a place keeps the lower-case direction before it. */
function withDirection(c: Candidate, sentence: Sentence): Candidate {
  const prev = sentence.tokens[c.start - 1];
  if (c.type !== "place" || !prev || prev.text !== prev.text.toLowerCase() || !DIRECTION.test(prev.text)) return c;
  return { ...c, start: c.start - 1, text: spanText(sentence.text, sentence.tokens, c.start - 1, c.end), canonical: null };
}

const QUALIFIER = /^(?:about|around|nearly|almost|over|under|least|most|than|roughly|some|approximately)$/i;

/**
 * "How long …?" → "at least five years", "How much …?" → "24 percent": a measure keeps its unit
 * and its qualifier ("how many residents" already names the unit, so there the number is enough;
 * "how much money" does not: "2.4 million pounds").
 */
function withUnit(q: ParsedQuestion, c: Candidate, sentence: Sentence): Candidate {
  if (q.kind !== "how" || c.type !== "number" || (q.answerNoun && countedNoun(sentence, c) === q.answerNoun)) return c;
  const t = sentence.tokens;
  let end = c.end;
  if (t[end]?.pos === "NOUN" || /^(?:percent|%)$/i.test(t[end]?.text ?? "")) end++;
  let start = c.start;
  while (start > 0 && QUALIFIER.test(t[start - 1]!.text)) start--;
  // "at least", "more than", "up to"
  if (start < c.start && /^(?:at|more|less|fewer|up)$/i.test(t[start - 1]?.text ?? "")) start--;
  if (start === c.start && end === c.end) return c;
  return { ...c, start, end, text: spanText(sentence.text, t, start, end), canonical: null };
}

/** "Japanese research teams", "Turkish forces": a nationality names a group only with its noun. */
function withGroupNoun(c: Candidate, sentence: Sentence): Candidate {
  if (c.type !== "other") return c;
  const t = sentence.tokens;
  let end = c.end;
  while (t[end] && (t[end]!.pos === "NOUN" || t[end]!.pos === "ADJ") && t[end]!.text === t[end]!.text.toLowerCase()) end++;
  if (end === c.end || t[end - 1]!.pos !== "NOUN") return c;
  return { ...c, end, text: spanText(sentence.text, t, c.start, end), canonical: null };
}

function render(c: Candidate): string {
  const base = c.canonical && c.type === "person" ? c.canonical : c.text;
  return c.note ? `${base} (${c.note})` : base;
}

const CAUSE = /^(?:because|since|as|so|due|owing|thanks|given)$/i;

/** For why: what follows a causal connective ("… as the country suffers from floods"). */
function reasonAnswer(sentence: Sentence, s: Support): string | null {
  const t = sentence.tokens;
  const firstMatch = Math.min(...s.matches.map((m) => m.pos));
  for (let i = 0; i < t.length; i++) {
    // a purpose infinitive also gives a reason: "was made to safeguard peace"
    const verbAfter = t[i + 1]?.pos === "VERB" || /^["“‘']$/.test(t[i + 1]?.text ?? "") && t[i + 2]?.pos === "VERB";
    const purpose = t[i]!.text === "to" && verbAfter && i > firstMatch && (t[i - 1]?.pos === "VERB" || /^(?:order|as)$/.test(t[i - 1]?.text ?? ""));
    if (purpose) return spanText(sentence.text, t, i, trimEnd(t, i)).replace(/^to\s+["“‘']/, "to ");
    if (!CAUSE.test(t[i]!.text) || i < firstMatch) continue;
    // "as" and "since" are causal only when a clause follows, not "as well" or "since 1990"
    const next = t[i + 1];
    if (!next || next.pos === "NUM" || next.pos === "ADV" && /^(?:as|since)$/i.test(t[i]!.text)) continue;
    const from = /^(?:due|owing|thanks)$/i.test(t[i]!.text) && t[i + 1]?.text === "to" ? i + 2 : i + 1;
    const end = trimEnd(t, from);
    if (end > from) return spanText(sentence.text, t, from, end);
  }
  return null;
}

function trimEnd(t: Sentence["tokens"], from: number): number {
  let end = t.length;
  while (end > from && (t[end - 1]!.pos === "PUNCT" || /^["“”'’]$/.test(t[end - 1]!.text))) end--;
  return end;
}

const NOMINAL = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);

/** For "what did X do to Y": the noun phrase right after the matched verb ("laid flowers at …" → "flowers"). */
function objectAnswer(q: ParsedQuestion, sentence: Sentence, s: Support): string | null {
  if (q.form !== "object") return null;
  const t = sentence.tokens;
  const asked = new Set(q.terms.map((x) => x.stem));
  for (const m of s.matches.filter((x) => x.verb)) {
    let i = m.pos + 1;
    while (t[i] && (t[i]!.pos === "DET" || t[i]!.pos === "ADV")) i++;
    const from = i;
    while (t[i] && NOMINAL.has(t[i]!.pos)) i++;
    if (i === from || t[i - 1]!.pos === "ADJ") continue;
    if (t[i]?.text === "of" && t[i + 1] && NOMINAL.has(t[i + 1]!.pos)) {
      i++;
      while (t[i] && NOMINAL.has(t[i]!.pos)) i++;
    }
    if (t.slice(from, i).every((x) => asked.has(x.stem))) continue;
    return spanText(sentence.text, t, from, i);
  }
  return null;
}

/** The clause of the sentence holding most of the matched question words, for what/why/how. */
function clauseAnswer(sentence: Sentence, s: Support): string {
  const parts = sentence.text.split(/(?<=[,;:—])\s+/);
  if (parts.length === 1) return sentence.text;
  let best = sentence.text;
  let bestScore = -1;
  let offset = 0;
  for (const part of parts) {
    const from = sentence.text.indexOf(part, offset);
    offset = from + part.length;
    const score = s.matches.filter((m) => {
      const tok = sentence.tokens[m.pos]!;
      return tok.start >= from && tok.end <= offset;
    }).length;
    if (score > bestScore) {
      bestScore = score;
      best = part;
    }
  }
  return best.replace(/[,;:—]$/, "");
}

/**
 * "Which agency is the North's mouthpiece?" of "… according to the North's mouthpiece": the evidence
 * speaks of it by a description, so the answer is the nearest earlier name whose head is the asked-for
 * noun ("Korean Central News Agency"), cited where that name stands.
 */
function bridge(q: ParsedQuestion, story: Story, best: Choice): { name: string; sentence: Sentence } | null {
  if (!q.answerNoun || q.kind === "how" || (best.c && best.sentence.tokens[best.c.end - 1]?.lemma === q.answerNoun)) return null;
  let found: { name: string; sentence: Sentence } | null = null;
  for (const e of story.entities) {
    if (e.name.split(/\s+/).pop()?.toLowerCase() !== q.answerNoun || q.named.has(e.name)) continue;
    for (const m of e.mentions) {
      if (m.sentence > best.sentence.id || (found && m.sentence <= found.sentence.id)) continue;
      found = { name: e.name, sentence: story.sentences[m.sentence]! };
    }
  }
  return found;
}

export interface AnswerOptions {
  /** confidence below which the engine abstains */
  threshold?: number;
}

interface Choice {
  c: Candidate | null;
  score: number;
  sentence: Sentence;
  s: Support;
  all: Candidate[];
  /** the candidate's type fit and verb-side bonus, kept for the confidence */
  fit: number;
  dir: number;
}

export function answer(question: string, story: Story, options: AnswerOptions = {}): Answer {
  const index = indexOf(story);
  const q = parseQuestion(question.slice(0, MAX_QUESTION_LENGTH), index);
  const base = { question, kind: q.kind, story: story.id };
  const direct = publicationAnswer(q, story) ?? identityAnswer(q, story);
  if (direct) return { ...base, ...direct, confidence: round(direct.confidence) };
  const hits = index.rank([...new Set(q.terms.flatMap((t) => [t.stem, t.surface, ...t.related]))], TOP_SENTENCES);
  const none = (evidence: Sentence | undefined, confidence = 0): Answer => ({ ...base, answer: null, confidence: round(confidence), evidence: evidence?.text ?? "", paragraph: evidence?.paragraph ?? 0 });
  if (!hits.length) return none(undefined);

  const top = hits[0]!.score;
  let best: Choice | null = null;
  for (const hit of hits) {
    const sentence = story.sentences[hit.sentence]!;
    const s = support(q, story, index, sentence);
    const evidence = W.own * s.own + W.context * s.context + W.rank * (hit.score / top) - s.missing;
    if (q.expected.includes("clause")) {
      if (!best || evidence > best.score) best = { c: null, score: evidence, sentence, s, all: [], fit: 0.5, dir: 0 };
      continue;
    }
    const all = candidatesIn(story, sentence, q.expected);
    for (const c of all) {
      const repeated = echo(q, sentence, c);
      if (repeated >= 0.99) continue;
      const fit = typeFit(q, c, sentence);
      const dir = direction(q, sentence, c, s, all);
      const score = evidence + W.fit * fit + W.prox * proximity(c, s.matches) + W.dir * dir + introduced(q, sentence, c) - W.echo * repeated;
      if (!best || score > best.score) best = { c, score, sentence, s, all, fit, dir };
    }
  }
  if (!best) return none(story.sentences[hits[0]!.sentence]);
  // the roles reversed ("who replaced the Normans" where the Normans replaced someone): not an answer
  const reversed = best.dir <= ROLES_REVERSED ? 1 : 0;
  // support for the question, and an answer of the kind it asks for (scaled to 0..1)
  const confidence = Math.max(0, Math.min(1, (0.8 * best.s.own + 0.2 * best.s.context - best.s.missing - reversed + 0.4 * Math.min(1, best.fit)) / 1.4));
  if (confidence < (options.threshold ?? SUPPORT_THRESHOLD)) return none(best.sentence, confidence);
  // the best the evidence offers is of the wrong kind ("who started the fire?" → "Linden Creek Fire"): the story doesn't say
  if (best.c && best.fit <= WRONG_KIND_FIT) return none(best.sentence, confidence);
  const named = bridge(q, story, best);
  if (named) return { ...base, answer: named.name, confidence: round(confidence * 0.8), evidence: named.sentence.text, paragraph: named.sentence.paragraph };
  const reason = q.kind === "why" ? reasonAnswer(best.sentence, best.s) : null;
  // a why-question whose evidence gives no reason is not answered by restating the event
  if (q.kind === "why" && !reason) return none(best.sentence, confidence);
  const text = best.c ? render(coordinate(withUnit(q, withDirection(withGroupNoun(best.c, best.sentence), best.sentence), best.sentence), best.all, best.sentence)) : (reason ?? (q.kind === "what" ? objectAnswer(q, best.sentence, best.s) : null) ?? clauseAnswer(best.sentence, best.s));
  return { ...base, answer: text, confidence: round(confidence), evidence: best.sentence.text, paragraph: best.sentence.paragraph };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
