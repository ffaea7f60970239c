/**
 * What the rules know about one candidate span: how well its type fits the question, how close it
 * stands to the question's words, which side of the matched verb it is on, whether it only repeats
 * the question. Each is a feature of the learned ranker (features.ts), never a weight of its own.
 */
import { PLACE_PHRASE_PREPOSITIONS } from "../language/lexicon.js";
import { lowerTokens } from "../language/lower-tokens.js";
import { beforeArticle } from "../language/spans.js";
import { isKindOf } from "../language/wordnet.js";
import type { Candidate } from "./candidates.js";
import type { ParsedQuestion } from "./question.js";
import type { Support } from "./support.js";
import type { Sentence, Token } from "../types.js";

const PARTITIVE_POS = new Set(["DET", "PROPN", "PART", "NUM", "ADJ", "NOUN"]);

/** Nouns a number counts time in. */
export const TIME_UNITS = new Set(["second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "millennium", "season", "term", "quarter"]);

/** "70 years ago", "70 years": a number that counts time, by the noun it counts or the unit it ends with. */
export function countsTime(sentence: Sentence, c: Candidate): boolean {
  if (c.type !== "number") return false;
  const counted = countedNoun(sentence, c);
  return (!!counted && TIME_UNITS.has(counted)) || TIME_UNITS.has(sentence.tokens[c.end - 1]!.lemma.toLowerCase());
}

/** The noun a number counts: "650 firefighters", "about 12,000 acres", "41 of the parliament's 120 seats". */
export function countedNoun(sentence: Sentence, c: Candidate): string | undefined {
  const t = sentence.tokens;
  let k = c.end;
  if (t[k]?.text === "of") {
    // a share of a whole: the whole's head noun is what is counted
    let head: string | undefined;
    for (k++; t[k] && PARTITIVE_POS.has(t[k]!.pos); k++) if (t[k]!.pos === "NOUN") head = t[k]!.lemma;
    return head;
  }
  while (t[k]?.pos === "ADJ") k++;
  if (t[k]?.pos === "NOUN") return t[k]!.lemma;
  return t[k] && t[k]!.pos !== "PUNCT" && t[k]!.pos !== "CCONJ" ? undefined : elidedNoun(sentence, c.start);
}

/** How far back a count may be whose noun a later one leaves out. */
const ELLIPSIS_REACH = 8;

/**
 * "killing at least 41 people and injuring more than 300": a count with no noun of its own, after
 * "and" or "or", counts what the count before it does.
 */
function elidedNoun(sentence: Sentence, start: number): string | undefined {
  const t = sentence.tokens;
  let joined = false;
  for (let k = start - 1; k >= 0 && k >= start - ELLIPSIS_REACH; k--) {
    const tok = t[k]!;
    if (tok.pos === "CCONJ") joined = true;
    else if (joined && tok.pos === "NOUN" && t[k - 1]?.pos === "NUM") return tok.lemma;
    else if (tok.pos === "PUNCT" && tok.text !== ",") return undefined;
  }
  return undefined;
}

/** Nouns that ask for a kind of what follows them: "what type of economy" asks for an economy. */
const KIND_WORDS = new Set(["type", "kind", "sort", "form", "variety", "category", "class", "genre", "style"]);

/** The noun whose kinds answer the question: the asked-for noun, or what "type of" names. */
export function askedKind(q: ParsedQuestion): string | null {
  const noun = q.answerNoun;
  // "what year", "which day": the answer is a date, which no noun's kinds describe
  if (q.expected[0] === "date") return null;
  if (!noun || !KIND_WORDS.has(noun)) return noun;
  const t = q.tokens;
  const at = t.findIndex((x) => x.lemma === noun);
  if (t[at + 1]?.text.toLowerCase() !== "of") return null;
  let kind: string | null = null;
  for (let k = at + 2; t[k] && (t[k]!.pos === "NOUN" || t[k]!.pos === "ADJ"); k++) if (t[k]!.pos === "NOUN") kind = t[k]!.lemma;
  return kind;
}

/** WordNet files the candidate under the kind asked for: "the guitar" for "what instrument", "Beijing" for "which city". */
export function isOfAskedKind(kind: string | null, c: Candidate, sentence: Sentence): boolean {
  if (!kind || c.type === "date" || c.type === "number") return false;
  const head = sentence.tokens[c.end - 1];
  if (!head || head.lemma === kind) return false;
  if (c.entity && c.text.includes(" ") && isKindOf(c.text, kind)) return true;
  return (head.pos === "NOUN" || head.pos === "PROPN") && isKindOf(head.lemma, kind);
}

/** The candidate's head is the noun the question asks for: "which agency" → "… Agency", "how many firefighters" → "650 firefighters". */
export function headMatches(q: ParsedQuestion, c: Candidate, sentence: Sentence): boolean {
  if (!q.answerNoun) return false;
  const head = c.type === "number" ? countedNoun(sentence, c) : sentence.tokens[c.end - 1]?.lemma;
  return head === q.answerNoun;
}

/** "which firm …" of "the Dutch firm Zeewind": the name the asked-for noun introduces. */
export function introducedByAnswerNoun(q: ParsedQuestion, c: Candidate, sentence: Sentence): boolean {
  return !!q.answerNoun && !!c.entity && sentence.tokens[c.start - 1]?.lemma === q.answerNoun;
}

/** Position of the candidate's type in what the question expects: 0 first choice, 1 second, -1 not expected. */
export function expectedRank(q: ParsedQuestion, c: Candidate): number {
  return q.expected.indexOf(c.type as never);
}

/**
 * The rules' judgement of how well a candidate's kind fits the question, 0.1 (wrong kind: an event
 * for who, a person for where) to 1 (the kind asked for). Kept as a feature: the ranker learns how
 * much it is worth beside the others.
 */
export function kindFit(q: ParsedQuestion, c: Candidate, sentence: Sentence): number {
  const rank = expectedRank(q, c);
  if (rank === 0) return 1;
  if (rank > 0) return 0.8;
  // "in the capital" may be a place, "in operation" is not: a phrase with a name in it is likelier one
  if (c.type === "phrase") return q.kind === "who" ? 0.6 : sentence.tokens.slice(c.start, c.end).some((t) => t.pos === "PROPN") ? 0.5 : 0.4;
  // peoples and groups do things ("the Welsh", "Anglo-Saxons"); events do not
  if (q.kind === "who" && c.kindOfOther === "group") return 0.6;
  if (q.kind === "who" && c.kindOfOther === "event") return 0.1;
  if (q.kind === "who" && (c.type === "place" || c.type === "other")) return 0.35;
  // an organisation is a where only as a place one is at, goes to or is of: "at Stone & Timber Engineering", "earl of Hereford"
  if (q.kind === "where" && (c.type === "organisation" || c.type === "other")) {
    // "at the D.A. Davidson brokerage": the preposition may stand before the article
    const at = sentence.tokens[c.start - 1]?.pos === "DET" ? c.start - 2 : c.start - 1;
    const before = sentence.tokens[at]?.text.toLowerCase() ?? "";
    return PLACE_PHRASE_PREPOSITIONS.has(before) || before === "of" ? 0.35 : 0.1;
  }
  return 0.1;
}

export function distance(c: { start: number; end: number }, pos: number): number {
  return pos < c.start ? c.start - pos : pos >= c.end ? pos - c.end + 1 : 0;
}

/** IDF-weighted closeness to the question's matched words, 0..1. */
export function proximity(c: Candidate, matches: Support["matches"]): number {
  if (!matches.length) return 0;
  let weighted = 0;
  let mass = 0;
  for (const m of matches) {
    weighted += m.weight / (1 + distance(c, m.pos) / 3);
    mass += m.weight;
  }
  return weighted / mass;
}

/** Tokens to the nearest matched question word (the sentence length when none matched). */
export function nearestMatch(c: Candidate, matches: Support["matches"], length: number): number {
  let best = length;
  for (const m of matches) best = Math.min(best, distance(c, m.pos));
  return best;
}

// regular expressions the per-candidate signals test, made once: a literal in a function body is
// a new RegExp each time it is evaluated, which over every candidate of every answer added up
const RELATIVE_OPENER = /^(?:who|which)$/i;
const TO = /^to$/i;
const CLAUSE_OPENER = /^(?:which|who|that|while|whereas)$/i;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** After a name, ", the son of Robert," up to its closing comma: where the name's own clause resumes. */
function appositiveEnd(t: Token[], from: number, limit: number): number {
  // ", the son of Robert," or ", who was not involved in the work,"
  if (t[from]?.text !== "," || !(t[from + 1]?.pos === "DET" || RELATIVE_OPENER.test(t[from + 1]?.text ?? ""))) return from;
  for (let k = from + 2; k < limit; k++) if (t[k]!.text === ",") return k + 1;
  return from;
}

/**
 * A verb that opens a clause of its own. An infinitive does not: it carries on its verb's
 * predicate ("is expected to rule on it by the end of June"), and a plural noun after "to" that
 * the tagger calls one is no verb at all ("closed the bridge to trucks in 2016").
 */
function opensClause(t: Token[], k: number): boolean {
  return t[k]!.pos === "VERB" && !TO.test(t[k - 1]?.text ?? "");
}

/** No verb, relative pronoun or clause break among tokens [from, to). */
export function sameClauseSpan(t: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const x = t[k]!;
    if (opensClause(t, k) || x.text === ";" || CLAUSE_OPENER.test(x.text) || (x.text === "," && t[k + 1]?.pos === "CCONJ" && k + 1 < to)) return false;
  }
  return true;
}

/** Where a candidate stands to the question's matched verb in its sentence. */
export interface VerbSide {
  /** -1 before the verb, 1 after it, 0 no matched verb */
  side: number;
  /** tokens between the candidate and the verb */
  gap: number;
  /** no clause break between them */
  sameClause: boolean;
  /** no other candidate of its sort stands between them (an appositive does not count) */
  nearest: boolean;
  /** the verb is passive ("was built") */
  passive: boolean;
  /** the candidate follows "by" after the verb: the agent of a passive */
  agent: boolean;
  /** the question's own name is the subject of the matched verb: the roles are reversed */
  reversed: boolean;
}

/** A VerbSide to fill: every candidate of every question asks for one, so callers may reuse theirs. */
export function noVerbSide(): VerbSide {
  return { side: 0, gap: 0, sameClause: false, nearest: false, passive: false, agent: false, reversed: false };
}

function fill(out: VerbSide, side: number, gap: number, sameClause: boolean, nearest: boolean, passive: boolean, agent: boolean, reversed: boolean): VerbSide {
  out.side = side;
  out.gap = gap;
  out.sameClause = sameClause;
  out.nearest = nearest;
  out.passive = passive;
  out.agent = agent;
  out.reversed = reversed;
  return out;
}

/** Where the candidate stands to the matched verb nearest it, written into `out`. */
export function verbSide(q: ParsedQuestion, sentence: Sentence, c: Candidate, s: Support, all: readonly Candidate[], out: VerbSide = noVerbSide()): VerbSide {
  let v = -1;
  for (const m of s.matches) if (m.verb && (v < 0 || distance(c, m.pos) < distance(c, v))) v = m.pos;
  if (v < 0 || (c.start <= v && v < c.end)) return fill(out, 0, 0, false, false, false, false, false);
  const t = sentence.tokens;
  const before = c.end <= v;
  const sameClause = before ? sameClauseSpan(t, c.end, v) : sameClauseSpan(t, v + 1, c.start);
  const passive = t[v - 1]?.lemma === "be" || t[v - 2]?.lemma === "be";
  const lo = before ? appositiveEnd(t, c.end, v) : v + 1;
  const hi = before ? v : c.start;
  let nearest = true;
  for (const o of all) if (o !== c && o.start >= lo && o.end <= hi && (o.type !== "phrase") === (c.type !== "phrase")) nearest = false;
  let reversed = false;
  // "Who replaced the Normans?" of "the Normans replaced the Anglo-Saxons": the question's own name
  // does the verb here, so what follows it is the other side of the roles, not the answer
  if (q.form === "subject" && !before && !passive) {
    // the named span nearest before the verb in its clause (the first of those ending at the same token)
    let subject: Candidate | undefined;
    for (const o of all) if (o.entity && o.end <= v && (!subject || o.end > subject.end) && sameClauseSpan(t, o.end, v)) subject = o;
    reversed = !!subject?.entity && q.named.has(subject.entity);
  }
  return fill(out, before ? -1 : 1, before ? v - c.end : c.start - v - 1, sameClause, nearest, passive, !before && t[c.start - 1]?.text === "by", reversed);
}

/**
 * The rules' verb-side judgement: positive where the question's gap is (before the verb for "who
 * did", after it for "what did … do", after "by" in a passive), negative on the other side.
 */
export function sideFit(q: ParsedQuestion, v: VerbSide): number {
  if (!v.side || !v.sameClause || q.form === "unknown" || q.form === "copular") return 0;
  if (q.kind === "when" || q.kind === "where") return 0.2;
  if (v.reversed) return -0.5;
  if (!v.nearest) return 0;
  const before = v.side < 0;
  if (q.form === "subject") {
    if (v.passive) return v.agent ? 0.25 : before ? -0.1 : 0;
    return before ? 0.2 : -0.1;
  }
  if (v.passive) return before ? 0.2 : v.agent ? -0.15 : 0;
  return before ? -0.1 : 0.2;
}

/** Share of the candidate's content words that the question already says (1: it only repeats the question). */
export function echo(q: ParsedQuestion, sentence: Sentence, c: Candidate, stems: ReadonlySet<string> = new Set(q.terms.map((t) => t.stem))): number {
  // a name is one thing: "Mao Anying" is not an echo of a question about "Mao Zedong"
  if (c.entity) return q.named.has(c.entity) ? 1 : 0;
  // one pass, no copies: this runs for every candidate of every question
  const t = sentence.tokens;
  const lower = lowerTokens(sentence);
  let words = 0;
  let echoed = 0;
  let last = -1;
  for (let k = c.start; k < c.end; k++) {
    const token = t[k]!;
    if (!WORDLIKE.test(token.text)) continue;
    words++;
    last = k;
    if (stems.has(token.stem) || saysWord(q, lower[k]!)) echoed++;
  }
  if (!words) return 1;
  // "the first quarterback" answers nothing when the question asks about the quarterback
  if (c.type === "phrase" && stems.has(t[last]!.stem)) return 1;
  return echoed / words;
}

function saysWord(q: ParsedQuestion, lower: string): boolean {
  for (const x of q.terms) if (x.word === lower) return true;
  return false;
}

/** A preposition the question ends on, its object being what is asked: "to" of "extended to?". */
export function strandedPreposition(q: ParsedQuestion): string | null {
  const words = q.tokens.filter((t) => /\p{L}/u.test(t.text));
  const last = words[words.length - 1];
  return last?.pos === "ADP" || /^(?:to|from|into|onto|toward|towards)$/i.test(last?.text ?? "") ? last!.text.toLowerCase() : null;
}

/** The word before the candidate, past an article: "in" of "in the capital". */
export function wordBefore(sentence: Sentence, c: Candidate): string {
  return lowerTokens(sentence)[beforeArticle(sentence.tokens, c.start)] ?? "";
}
