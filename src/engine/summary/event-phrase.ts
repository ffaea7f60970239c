/**
 * The event a date belongs to, as a short phrase of the story's own words: the clause around
 * the date (subject + verb + object), with the date itself taken out, a missing subject borrowed
 * from the clause before ("…, and unofficially ended" → "The war unofficially ended"), a relative
 * word replaced by what it refers to ("soldiers who joined" → "Chinese soldiers joined"), a bare
 * "X said" completed with what was said, and trailing adjuncts trimmed.
 */
import { clausesOf, clauseText, isRelativeWord, isVerb, type Clause } from "../language/clauses.js";
import { PERSON_VERBS, POSSESSIVE } from "../language/lexicon.js";
import { hangsFrom, sentenceTree } from "../language/parser/sentence-parse.js";
import type { Sentence, Token } from "../types.js";

export interface Focus {
  /** token range [start, end) of the date words inside the sentence */
  start: number;
  end: number;
}

export interface EventPhrase {
  text: string;
  /** sentence token indices the phrase is made of */
  tokens: number[];
  /** false for a verbless aside beside clauses with verbs ("…, double the number in 2017"): it dates no event */
  event: boolean;
}

/** tokens, punctuation included */
const MAX_WORDS = 24;
/** words of an "X said" that report an event rather than being one */
const REPORT_VERBS = new Set([...PERSON_VERBS, "reported", "reports", "say", "report"]);
const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PRON"]);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;

function clauseOf(clauses: Clause[], token: number): number {
  return clauses.findIndex((c) => c.tokens.includes(token));
}

/** The noun phrase that ends just before token `at` (a comma between is allowed): "the graves of [Chinese soldiers] who". */
function nounPhraseBefore(tokens: Token[], at: number): number[] {
  let end = at;
  if (tokens[end - 1]?.text === ",") end--;
  let start = end;
  while (start > 0 && (NP_POS.has(tokens[start - 1]!.pos) || tokens[start - 1]!.text === "-") && tokens[start - 1]!.pos !== "PRON") start--;
  return range(start, end);
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

/** The subject of a clause: the noun phrase right before its first verb. */
function subjectOf(tokens: Token[], clause: number[]): number[] {
  const verb = clause.findIndex((i) => isVerb(tokens[i]));
  if (verb <= 0) return verb < 0 ? clause.filter((i) => NP_POS.has(tokens[i]!.pos)) : [];
  const np = nounPhraseBefore(tokens, clause[verb]!).filter((i) => clause.includes(i));
  return np;
}

/** tokens a subject borrowed from the parse may have: a name or a short noun phrase, not a clause */
const MAX_SUBJECT_TOKENS = 8;

/**
 * A clause cut off from its subject, given it back as the dependency parse reads the sentence: the
 * subject of the phrase's verb, or of the verb it is conjoined to, when it stands before the phrase
 * ("One of these, Solimo, sells … and racked up $6 million in January" → "Solimo racked up …";
 * "The town's mill, with roots in …, closed in 1982" → "The town's mill closed"). Only when the
 * phrase has no words before its verb but adverbs and the subject's own; the subject's words run
 * up to a comma, and the phrase's words that belong to the subject go.
 */
function withParsedSubject(sentence: Sentence, phrase: number[]): number[] {
  const tokens = sentence.tokens;
  const at = phrase.findIndex((i) => isVerb(tokens[i]));
  if (at < 0) return phrase;
  const tree = sentenceTree(sentence);
  let verb = phrase[at]!;
  for (let hops = 0; verb >= 0 && hops < 4; hops++) {
    const subject = tree.heads.findIndex((h, k) => h === verb && tree.labels[k]!.startsWith("nsubj"));
    if (subject >= 0) {
      if (subject >= phrase[0]! || isRelativeWord(tokens, subject) || /^(?:that|which|who|whom)$/i.test(tokens[subject]!.text)) return phrase;
      // words before the verb that are not the subject's are a subject of the phrase's own, whatever the parse says
      if (phrase.slice(0, at).some((i) => tokens[i]!.pos !== "ADV" && !hangsFrom(tree, i, subject))) return phrase;
      let start = subject;
      while (start > 0 && hangsFrom(tree, start - 1, subject) && tokens[start - 1]!.text !== ",") start--;
      let end = subject + 1;
      while (end < phrase[0]! && hangsFrom(tree, end, subject) && tokens[end]!.text !== ",") end++;
      const words = end - start <= MAX_SUBJECT_TOKENS ? range(start, end) : [subject];
      return [...words, ...phrase.filter((i, k) => k >= at || !hangsFrom(tree, i, subject))];
    }
    if (tree.labels[verb] !== "conj") return phrase;
    verb = tree.heads[verb]!;
  }
  return phrase;
}

function lacksSubject(tokens: Token[], clause: number[]): boolean {
  const first = clause.find((i) => tokens[i]!.pos !== "ADV");
  return first !== undefined && isVerb(tokens[first]);
}

/** "in 2013 and 2018": the dates coordinated with this one, the words joining them and the preposition before. */
function dateWords(tokens: Token[], focus: Focus, siblings: Focus[]): { remove: Set<number>; position: number; count: number } {
  const all = [focus, ...siblings].sort((a, b) => a.start - b.start);
  const joins = (a: Focus, b: Focus) => range(a.end, b.start).every((i) => tokens[i]!.pos === "CCONJ" || tokens[i]!.text === ",");
  let lo = all.indexOf(focus);
  let hi = lo;
  while (lo > 0 && joins(all[lo - 1]!, all[lo]!)) lo--;
  while (hi < all.length - 1 && joins(all[hi]!, all[hi + 1]!)) hi++;
  const group = all.slice(lo, hi + 1);
  // "condemned Wednesday's attack": a date that owns a noun stays, or the phrase reads "condemned 's attack"
  if (POSSESSIVE.test(tokens[group[group.length - 1]!.end]?.text ?? "")) return { remove: new Set(), position: group.indexOf(focus), count: group.length };
  const first = group[0]!.start;
  const remove = new Set(range(first, group[group.length - 1]!.end));
  // "in 2012", and "since the 1990s" with its article ("since" is tagged a conjunction as often as not)
  const preposition = (t: Token | undefined) => t?.pos === "ADP" || /^(?:since|until|till|before|after)$/i.test(t?.text ?? "");
  const article = tokens[first - 1]?.pos === "DET" && preposition(tokens[first - 2]) ? 1 : 0;
  let lead = first;
  if (preposition(tokens[first - 1 - article])) lead = first - 1 - article;
  // "Just last week, …", "as recently as 2019": the adverb goes with its date; so do "early" and
  // "late", which the tagger reads as adjectives before a day as often as not ("late Thursday")
  const withDate = (t: Token) => (t.pos === "ADV" || t.pos === "ADJ" && /^(?:early|late)$/i.test(t.text)) && /^(?:just|only|as|recently|early|late|since)$/i.test(t.text);
  while (lead > 0 && withDate(tokens[lead - 1]!)) lead--;
  for (let k = lead; k < first; k++) remove.add(k);
  return { remove, position: group.indexOf(focus), count: group.length };
}

/** "on the 60th and 65th anniversaries …, respectively" → the conjunct that goes with this date, in the singular. */
function distributeRespectively(tokens: Token[], clause: number[], position: number, count: number, replace: Map<number, string>): number[] {
  const resp = clause.find((i) => tokens[i]!.text.toLowerCase() === "respectively");
  if (resp === undefined || count !== 2) return clause;
  let out = clause.filter((i) => i !== resp);
  const and = out.find((i) => tokens[i]!.pos === "CCONJ" && out.includes(i - 1) && out.includes(i + 1) && tokens[i - 1]!.pos === tokens[i + 1]!.pos);
  if (and === undefined) return out;
  out = out.filter((i) => i !== and && i !== (position === 0 ? and + 1 : and - 1));
  const noun = tokens[and + 2];
  if (noun?.pos === "NOUN" && noun.lemma !== noun.text.toLowerCase()) replace.set(and + 2, noun.lemma);
  return out.filter((i, k, a) => !(tokens[i]!.text === "," && k === a.length - 1));
}

/** "residents raised money through a campaign launched two years ago": the date belongs to "a campaign launched". */
function fromReducedRelative(tokens: Token[], phrase: number[], focus: Focus): number[] {
  const before = phrase.filter((i) => i < focus.start);
  const verbs = before.filter((i) => isVerb(tokens[i]));
  const nearest = verbs[verbs.length - 1];
  if (nearest === undefined || verbs.length < 2 || tokens[nearest - 1]?.pos !== "NOUN" || !phrase.includes(nearest - 1)) return phrase;
  const np = nounPhraseBefore(tokens, nearest).filter((i) => phrase.includes(i));
  return phrase.filter((i) => i >= (np[0] ?? nearest));
}

/** Cuts trailing adjuncts: a second prepositional phrase after the object unless it names something or holds a number. */
function trim(tokens: Token[], phrase: number[]): number[] {
  const verbAt = phrase.findIndex((i) => isVerb(tokens[i]));
  if (verbAt < 0) return phrase.slice(0, MAX_WORDS);
  let sawObject = false;
  let pps = 0;
  for (let k = verbAt + 1; k < phrase.length; k++) {
    const t = tokens[phrase[k]!]!;
    if (!sawObject && ["NOUN", "PROPN", "PRON", "NUM"].includes(t.pos)) sawObject = true;
    if (t.text === "," && sawObject) return phrase.slice(0, k);
    const infinitive = t.text.toLowerCase() === "to" && isVerb(tokens[phrase[k + 1] ?? -1]);
    if (t.pos !== "ADP" || t.text.toLowerCase() === "of" || infinitive || !sawObject) continue;
    pps++;
    const pp: Token[] = [];
    for (let j = k + 1; j < phrase.length && tokens[phrase[j]!]!.pos !== "ADP" && tokens[phrase[j]!]!.pos !== "PUNCT"; j++) pp.push(tokens[phrase[j]!]!);
    const informative = pp.some((x) => x.pos === "PROPN" || x.pos === "NUM" || ORDINAL.test(x.text));
    if (pps >= 2 && !informative) return phrase.slice(0, k);
  }
  if (phrase.length <= MAX_WORDS) return phrase;
  const cut = phrase.slice(0, MAX_WORDS).findLastIndex((i, k) => k > verbAt + 1 && (tokens[i]!.pos === "ADP" || tokens[i]!.pos === "CCONJ" || tokens[i]!.text === ","));
  return phrase.slice(0, cut > 0 ? cut : MAX_WORDS);
}

/**
 * What a sentence says without the adverbial that opens it: "After nearly 20 years of hostile
 * relations, the American government plans …, officials said" reports that the government plans.
 */
function withoutOpeningAdverbial(tokens: Token[], clause: number[]): number[] {
  if (tokens[clause[0]!]!.pos !== "ADP") return clause;
  const cut = clause.findIndex((i, k) => k > 0 && tokens[i - 1]!.text === ",");
  return cut > 0 && !clause.slice(0, cut).some((i) => isVerb(tokens[i])) ? clause.slice(cut) : clause;
}

/** "X said" with nothing said after it (only adjuncts): the index in `phrase` of that verb, else -1. */
function bareReport(tokens: Token[], phrase: number[], thatFollows: boolean): number {
  const verbs = phrase.map((i, k) => (isVerb(tokens[i]) ? k : -1)).filter((k) => k >= 0);
  const k = verbs[0];
  // any verb with a "that" clause after it reports what the clause says ("officials divulged Thursday that …")
  if (verbs.length !== 1 || k === undefined || !thatFollows && !REPORT_VERBS.has(tokens[phrase[k]!]!.text.toLowerCase())) return -1;
  // "officials said late Thursday": an adverb left by the date says nothing more
  let next = k + 1;
  while (tokens[phrase[next] ?? -1]?.pos === "ADV") next++;
  const after = tokens[phrase[next] ?? -1];
  return !after || after.pos === "ADP" || after.pos === "PUNCT" ? k : -1;
}

const NP_HEAD = new Set(["NOUN", "PROPN", "ADJ"]);

/**
 * "since a 1998 earthquake killed 2,000 people", "the 2014 galley blaze": a date inside a noun
 * phrase, between its article and its noun, dates what that noun phrase names (an earlier event
 * the story recalls), not the clause around it. The phrase, with what it did when a verb follows.
 */
function datedNounPhrase(tokens: Token[], focus: Focus): number[] | null {
  const article = tokens[focus.start - 1];
  if (article?.pos !== "DET" || !NP_HEAD.has(tokens[focus.end]?.pos ?? "")) return null;
  let end = focus.end;
  // "the 1939 World's Fair": a possessive inside the name runs on to the noun it is of
  const possessive = (i: number) => /^['’]s$/.test(tokens[i]!.text) && NP_HEAD.has(tokens[i + 1]?.pos ?? "");
  while (end < tokens.length && (NP_HEAD.has(tokens[end]!.pos) || tokens[end]!.text === "-" || possessive(end))) end++;
  if (!range(focus.end, end).some((i) => tokens[i]!.pos === "NOUN" || tokens[i]!.pos === "PROPN")) return null;
  if (isVerb(tokens[end])) {
    while (end < tokens.length && !/^[,;:]$/.test(tokens[end]!.text) && tokens[end]!.pos !== "CCONJ" && tokens[end]!.pos !== "SCONJ" && !(tokens[end]!.pos === "PUNCT" && end === tokens.length - 1)) end++;
  }
  return range(focus.start - 1, end);
}

/**
 * The event phrase for the date at `focus`. With `keepFocus` the date words stay in the phrase
 * (a vague date such as "during the war" is part of what is said); `siblings` are the other
 * dates of the sentence, so that "in 2013 and 2018" comes out whole.
 */
export function eventPhrase(sentence: Sentence, focus: Focus, siblings: Focus[] = [], keepFocus = false): EventPhrase {
  const tokens = sentence.tokens;
  const recalled = keepFocus ? null : datedNounPhrase(tokens, focus);
  if (recalled) {
    const kept = trim(tokens, recalled);
    const text = clauseText(sentence, kept, new Map());
    return { text: text ? text[0]!.toUpperCase() + text.slice(1) : sentence.text, tokens: kept, event: true };
  }
  const clauses = clausesOf(sentence);
  const at = clauseOf(clauses, focus.start);
  if (at < 0) return { text: sentence.text, tokens: range(0, tokens.length), event: true };
  const replace = new Map<number, string>();
  let phrase = [...clauses[at]!.tokens];
  phrase = fromReducedRelative(tokens, phrase, focus);
  if (!keepFocus) {
    const { remove, position, count } = dateWords(tokens, focus, siblings.filter((s) => s.start !== focus.start));
    phrase = distributeRespectively(tokens, phrase.filter((i) => !remove.has(i)), position, count, replace);
  }
  while (phrase.length && (["CCONJ", "SCONJ", "PUNCT"].includes(tokens[phrase[0]!]!.pos) || (tokens[phrase[0]!]!.text.toLowerCase() === "that" && !isRelativeWord(tokens, phrase[0]!)))) phrase.shift();

  // "Just last week, soldiers killed …", "Earlier this year in South Taranaki, a stranding left …": an
  // opening phrase that was only the date and its adjuncts; the event is the clause after it
  const following = clauses[at + 1]?.tokens;
  const opening = phrase.length === 0 || at === 0 && !phrase.some((i) => isVerb(tokens[i]));
  if (opening && following && !isRelativeWord(tokens, following[0]!) && following.some((i) => isVerb(tokens[i]))) phrase = [...following];
  const first = phrase[0];
  if (first !== undefined && isRelativeWord(tokens, first)) {
    const antecedent = nounPhraseBefore(tokens, first);
    if (tokens[first]!.text.toLowerCase() === "where") {
      // "…in Hoechang, where the headquarters was located" → "the headquarters was located in Hoechang"
      const prep = tokens[antecedent[0]! - 1]?.pos === "ADP" ? [antecedent[0]! - 1] : [];
      const rest = phrase.slice(1);
      const verb = rest.findLastIndex((i) => isVerb(tokens[i]));
      phrase = verb >= 0 ? [...rest.slice(0, verb + 1), ...prep, ...antecedent, ...rest.slice(verb + 1)] : rest;
    } else phrase = [...antecedent, ...phrase.slice(1)];
  } else if (lacksSubject(tokens, phrase)) {
    for (let c = at - 1; c >= 0; c--) {
      const before = clauses[c]!.tokens;
      if (isRelativeWord(tokens, before[0]!) || tokens[before[0]!]!.text.toLowerCase() === "that") continue;
      // "Eloise Parry, 21, was taken …": a lone number between commas is the age of the name before it,
      // whatever the tagger made of the name's words
      const name = clauses[c - 1]?.tokens.filter((i) => tokens[i]!.pos !== "PUNCT") ?? [];
      if (before.every((i) => tokens[i]!.pos === "NUM") && name.length && name.length <= 4 && name.every((i) => /^\p{Lu}/u.test(tokens[i]!.text))) {
        phrase = [...name, ...phrase];
        break;
      }
      if (!before.some((i) => isVerb(tokens[i]))) {
        // verbless runs before the verb are its subject and an appositive: "Friendly ties with China, North Korea's ally, have become …"
        let first = c;
        while (first > 0 && !clauses[first - 1]!.tokens.some((i) => isVerb(tokens[i])) && !isRelativeWord(tokens, clauses[first - 1]!.tokens[0]!)) first--;
        const subject = clauses[first]!.tokens.filter((i) => tokens[i]!.pos !== "PUNCT");
        if (subject.length) phrase = [...subject, ...phrase];
        break;
      }
      const subject = subjectOf(tokens, before);
      if (subject.length) phrase = [...subject, ...phrase];
      break;
    }
  }
  phrase = withParsedSubject(sentence, phrase);

  const next = clauses[at + 1]?.tokens;
  const thatClause = !!next && tokens[next[0]!]!.text.toLowerCase() === "that" && !isRelativeWord(tokens, next[0]!);
  const report = bareReport(tokens, phrase, thatClause);
  if (report >= 0) {
    // "X said on Thursday" reports an event; what was said is the event
    const said = thatClause ? next : at > 0 ? withoutOpeningAdverbial(tokens, clauses[0]!.tokens) : null;
    if (said) phrase = [...phrase.slice(0, report + 1), ...trim(tokens, said.filter((i) => tokens[i]!.pos !== "PUNCT" || tokens[i]!.text === "-"))];
  }

  const kept = trim(tokens, phrase);
  // "The last attack was [in 2002]": a copula left at the end needs its date to say anything
  const last = tokens[kept[kept.length - 1] ?? -1];
  if (!keepFocus && last?.lemma === "be" && focus.start > kept[kept.length - 1]!) return eventPhrase(sentence, focus, siblings, true);
  const text = clauseText(sentence, kept, replace);
  // a verbless phrase beside clauses that have verbs is an adjunct or an aside, not an event (a
  // sentence with no verb at all is more likely a word the tagger got wrong: "The river burst …")
  // ("accounting for 15 percent …" opens with a participle the tagger may call a noun)
  const participle = /^\p{Ll}+ing$/u.test(tokens[kept[0] ?? -1]?.text ?? "");
  const event = participle || kept.some((i) => isVerb(tokens[i])) || !clauses.some((c, k) => k !== at && c.tokens.some((i) => isVerb(tokens[i])));
  return { text: text ? text[0]!.toUpperCase() + text.slice(1) : sentence.text, tokens: kept, event };
}
