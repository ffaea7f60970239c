/**
 * The features of one candidate span: what the question asks (q_), how well its evidence sentence
 * supports the question (s_), and what the span is and where it stands (c_). The ranker and the
 * abstainer are trained on exactly these (scripts/train/), in this order; a model file lists the
 * names it was trained with and is refused if they differ (model/answer-model.ts).
 */
import { hangsFrom, sentenceTree, spanHead, treeDistance, type Tree } from "../language/parser/sentence-parse.js";
import { questionTree } from "./question-tree.js";
import { POSSESSIVE } from "../language/lexicon.js";
import { lowerTokens } from "../language/lower-tokens.js";
import { QUESTION_WORDS } from "../language/stopwords.js";
import { antonymsOf } from "../language/wordnet.js";
import type { Sentence, Story, Token } from "../types.js";
import { ORIGIN, VARIANT, type PoolCandidate } from "./pool.js";
import type { ParsedQuestion } from "./question.js";
import { askedKind, countedNoun, echo, TIME_UNITS, isOfAskedKind, expectedRank, headMatches, introducedByAnswerNoun, kindFit, nearestMatch, noVerbSide, proximity, sideFit, strandedPreposition, verbSide, wordBefore } from "./signals.js";
import type { Support } from "./support.js";

export const FEATURES = [
  // the question
  "q_who", "q_when", "q_where", "q_what", "q_why", "q_how", "q_other",
  "q_which", "q_whose", "q_whom", "q_how_many", "q_how_much", "q_how_measure",
  "q_wants_person", "q_wants_org", "q_wants_place", "q_wants_date", "q_wants_number", "q_wants_clause",
  "q_form_subject", "q_form_object", "q_form_passive", "q_form_copular", "q_form_unknown",
  "q_answer_noun", "q_terms", "q_specific", "q_named", "q_unsupported", "q_stranded", "q_tokens",
  "q_wh_nsubj", "q_wh_nsubj_pass", "q_wh_obj", "q_wh_obl", "q_wh_advmod", "q_wh_other", "q_negated",
  // the evidence sentence
  "s_rank", "s_score_rel", "s_score", "s_own", "s_context", "s_missing_verb", "s_missing_in_paragraph", "s_missing_in_story", "s_missing_everywhere", "s_matches", "s_verb_matched", "s_negated", "s_unmatched_idf", "s_opposed", "s_doer_agrees", "s_number_differs", "s_owner_agrees",
  "s_paragraph", "s_first_in_paragraph", "s_tokens", "s_pool",
  // the candidate
  "c_person", "c_place", "c_org", "c_other", "c_date", "c_number", "c_phrase", "c_group", "c_event",
  "c_from_name", "c_from_date", "c_from_number", "c_from_role", "c_from_place_phrase", "c_from_chunk", "c_from_reason",
  "c_var_list", "c_var_unit", "c_var_direction", "c_var_group_noun", "c_var_of_tail", "c_var_to_comma", "c_var_place_in",
  "c_expected_rank", "c_kind_fit", "c_head_match", "c_introduced_by_noun", "c_counted_match", "c_asked_kind", "c_type_first",
  "c_proximity", "c_nearest_match", "c_side", "c_gap", "c_same_clause", "c_nearest_on_side", "c_passive", "c_agent", "c_reversed", "c_side_fit",
  "c_echo", "c_named", "c_left_match", "c_right_match", "c_verb_next", "c_verb_before",
  "c_prev_in", "c_prev_on", "c_prev_at", "c_prev_by", "c_prev_from", "c_prev_to", "c_prev_of", "c_prev_for", "c_prev_with",
  "c_prev_time", "c_prev_order", "c_prev_verb", "c_prev_comma", "c_prev_stranded", "c_prev_start",
  "c_next_of", "c_next_possessive", "c_next_comma", "c_next_end", "c_next_and", "c_next_verb", "c_next_paren",
  "c_tokens", "c_chars", "c_digits", "c_year", "c_caps", "c_position", "c_in_parens", "c_in_quotes",
  "c_mentions", "c_in_title", "c_has_note", "c_head_person_noun", "c_head_propn", "c_starts_det", "c_alias",
  // the candidate in the sentence's dependency parse
  "c_dep_nsubj", "c_dep_nsubj_pass", "c_dep_obj", "c_dep_iobj", "c_dep_obl", "c_dep_nmod", "c_dep_poss", "c_dep_appos",
  "c_dep_conj", "c_dep_compound", "c_dep_root", "c_dep_other", "c_gov_matched", "c_gov_verb", "c_tree_match", "c_tree_verb",
  "c_role_match", "c_by_agent", "c_tree_root", "c_gov_root", "c_np_by", "c_np_of", "c_np_place", "c_under_match", "c_appos_match",
  "c_from_pronoun", "c_counts_time", "c_counts_thing",
] as const;

export type FeatureName = (typeof FEATURES)[number];
/** Position of each feature in a vector. */
export const F = Object.fromEntries(FEATURES.map((n, i) => [n, i])) as Record<FeatureName, number>;
if (Object.keys(F).length !== FEATURES.length) throw new Error("a feature name is listed twice");

/** A dependency relation as the features tell them apart. */
function role(label: string): string {
  if (label === "nsubj:pass") return "nsubj_pass";
  if (label.startsWith("obl")) return "obl";
  if (label === "nmod:poss") return "poss";
  return label;
}

const NEGATION = /^(?:not|n't|never|no|nor|without|neither)$/i;

const WH_ROLES = new Set(["nsubj", "nsubj_pass", "obj", "obl", "advmod"]);

/**
 * The question word's part in its question's parse: "who" the subject, "whom" an object; for
 * "which agency …" and "how many firefighters …", the noun's part.
 */
function whRole(q: ParsedQuestion): string {
  const tree = questionTree(q);
  let wh = q.tokens.findIndex((t) => QUESTION_WORDS.has(t.text.toLowerCase()));
  if (wh < 0) return "other";
  // "which agency", "how many firefighters": the noun the question word goes with
  while (wh >= 0 && (tree.labels[wh] === "det" || tree.labels[wh] === "amod" || tree.labels[wh] === "advmod" && /^(?:many|much)$/i.test(q.tokens[tree.heads[wh]!]?.text ?? ""))) wh = tree.heads[wh]!;
  if (wh < 0) return "other";
  const r = role(tree.labels[wh]!);
  return WH_ROLES.has(r) ? r : "other";
}

/** The question's features, the same for every candidate. */
export function questionFeatures(q: ParsedQuestion, into: Float32Array): void {
  const words = q.tokens.map((t) => t.text.toLowerCase());
  const has = (w: string) => words.includes(w);
  const after = (w: string) => words[words.indexOf(w) + 1] ?? "";
  into[F[`q_${q.kind}` as FeatureName]] = 1;
  into[F.q_which] = has("which") ? 1 : 0;
  into[F.q_whose] = has("whose") ? 1 : 0;
  into[F.q_whom] = has("whom") ? 1 : 0;
  into[F.q_how_many] = has("how") && after("how") === "many" ? 1 : 0;
  into[F.q_how_much] = has("how") && after("how") === "much" ? 1 : 0;
  into[F.q_how_measure] = has("how") && /^(?:long|old|often|far|big|large|tall|high)$/.test(after("how")) ? 1 : 0;
  into[F.q_wants_person] = q.expected.includes("person") ? 1 : 0;
  into[F.q_wants_org] = q.expected.includes("organisation") ? 1 : 0;
  into[F.q_wants_place] = q.expected.includes("place") ? 1 : 0;
  into[F.q_wants_date] = q.expected.includes("date") ? 1 : 0;
  into[F.q_wants_number] = q.expected.includes("number") ? 1 : 0;
  into[F.q_wants_clause] = q.expected.includes("clause") ? 1 : 0;
  into[F[`q_form_${q.form}` as FeatureName]] = 1;
  into[F.q_answer_noun] = q.answerNoun ? 1 : 0;
  into[F.q_terms] = q.terms.length;
  into[F.q_specific] = q.terms.filter((t) => t.specific).length;
  into[F.q_named] = q.named.size;
  into[F.q_unsupported] = q.terms.some((t) => t.unsupported) ? 1 : 0;
  into[F.q_stranded] = strandedPreposition(q) ? 1 : 0;
  into[F.q_tokens] = q.tokens.length;
  into[F[`q_wh_${whRoleOf(q)}` as FeatureName]] = 1;
  into[F.q_negated] = q.tokens.some((t) => NEGATION.test(t.text)) ? 1 : 0;
}

/** A ranked evidence sentence: its BM25 rank and score, and the support it gives the question. */
export interface Evidence {
  sentence: Sentence;
  rank: number;
  score: number;
  /** the best sentence's BM25 score */
  top: number;
  support: Support;
}

/** The parts of speech a word may have opposites in: the tagger calls the "end" of "when did the war end?" a noun. */
const OPPOSABLE: Record<string, readonly ("adj" | "adv" | "verb" | "noun")[]> = { ADJ: ["adj"], ADV: ["adv", "adj"], NUM: ["adj"], VERB: ["verb"], NOUN: ["noun", "verb"] };
/** What is read off a question once, for every sentence and candidate of it. */
function perQuestion<T>(make: (q: ParsedQuestion) => T): (q: ParsedQuestion) => T {
  const memo = new WeakMap<ParsedQuestion, T>();
  return (q) => {
    if (!memo.has(q)) memo.set(q, make(q));
    return memo.get(q)!;
  };
}

/** Opposites of the question's words that it does not use itself: "last" for "Who was the first …?". */
const oppositesOf = perQuestion((q) => {
  const out = new Set<string>();
  const own = new Set(q.tokens.map((t) => t.lemma.toLowerCase()));
  for (const t of q.tokens) {
    for (const pos of OPPOSABLE[t.pos] ?? []) for (const a of antonymsOf(t.lemma.toLowerCase(), pos)) if (!own.has(a)) out.add(a);
  }
  return out;
});

const DOER = 1;
const DONE_TO = 2;
/**
 * Neither: an oblique or indirect object ("gave Ana the cup"), or a noun's modifier by a
 * preposition other than "of" ("swore fealty to Charles"); read only in the evidence sentence.
 */
const ASIDE = 3;
/** Labels inside a name or noun phrase: "Harbour" of "Harbour Athletic" stands where "Athletic" does. */
const INSIDE_PHRASE = new Set(["compound", "flat", "amod", "det", "nummod"]);

/**
 * Whether the word at k is, in its clause, the one doing (a subject, a passive's "by") or the one
 * done to (an object, a passive subject); with `asides`, also whether it stands beside the verb
 * (an oblique or indirect object).
 */
function sideInClause(tree: Tree, lower: readonly string[], k: number, asides = false): number {
  let h = k;
  for (let steps = 0; h >= 0 && INSIDE_PHRASE.has(tree.labels[h]!) && steps < tree.heads.length; steps++) h = tree.heads[h]!;
  if (h < 0) return 0;
  const label = tree.labels[h]!;
  if (label === "nsubj") return DOER;
  if (label === "nsubj:pass" || label === "obj") return DONE_TO;
  if (label.startsWith("obl") && hasChildWord(tree.heads, lower, h, "by")) return DOER;
  if (asides && (label.startsWith("obl") || label === "iobj" || label === "nmod" && hasCaseOtherThanOf(tree, lower, h))) return ASIDE;
  return 0;
}

/** The question's own names and nouns that stand as a doer or a done-to ("Harbour Athletic" in "When did Harbour Athletic win?"), with their terms. */
const questionSides = perQuestion((q) => {
  const out: { term: number; side: number }[] = [];
  const tree = questionTree(q);
  const lower = q.tokens.map((t) => t.text.toLowerCase());
  for (let k = 0; k < q.tokens.length; k++) {
    if (QUESTION_WORDS.has(lower[k]!) || INSIDE_PHRASE.has(tree.labels[k]!)) continue;
    const side = sideInClause(tree, lower, k);
    const term = side ? q.terms.findIndex((t) => t.stem === q.tokens[k]!.stem) : -1;
    if (term >= 0) out.push({ term, side });
  }
  return out;
});

/**
 * "When did Harbour Athletic win the cup?" of "Millbrook last won the cup in 1998, when they beat
 * Harbour Athletic": -1 when a doer (or done-to) of the question stands only on another side in
 * the sentence (the one done to, or beside the verb: "Who did Charles swear fealty to?" of "Rollo
 * swore fealty to Charles"), else 1 when one stands on its own side, 0 when the parse cannot tell.
 */
function doerAgreement(q: ParsedQuestion, e: Evidence): number {
  const wanted = questionSides(q);
  if (!wanted.length) return 0;
  const tree = sentenceTree(e.sentence);
  const lower = lowerTokens(e.sentence);
  let result = 0;
  for (const w of wanted) {
    let same = false;
    let other = false;
    for (const m of e.support.matches) {
      if (m.term !== w.term) continue;
      const side = sideInClause(tree, lower, m.pos, true);
      if (side === w.side) same = true;
      else if (side) other = true;
    }
    if (other && !same) return -1;
    if (same) result = 1;
  }
  return result;
}

const NUMERAL = /^\d[\d,.]*s?$/;
/** A numeral's shape: a year ("1974", "1960s") is told apart from other numbers. */
function numeralShape(text: string): string {
  return /^(?:1[0-9]|20)\d\d(?:s)?$/.test(text) ? "year" : "number";
}
/** The question's numerals, each with its shape. */
const questionNumerals = perQuestion((q) => q.tokens.filter((t) => NUMERAL.test(t.text)).map((t) => ({ text: t.text, shape: numeralShape(t.text) })));

/**
 * "Who developed the theory in 1974?" of "In 1967, Blum developed the theory": 1 when a numeral of
 * the question is not in the sentence and the sentence has another of its shape in its place.
 */
function numberDiffers(q: ParsedQuestion, sentence: Sentence): number {
  const wanted = questionNumerals(q);
  if (!wanted.length) return 0;
  for (const w of wanted) {
    if (sentence.tokens.some((t) => t.text === w.text)) continue;
    if (sentence.tokens.some((t) => NUMERAL.test(t.text) && numeralShape(t.text) === w.shape)) return 1;
  }
  return 0;
}

/** Labels by which a name says whose a noun is: "Verizon's chief", "the Verizon chief", "the chief of Verizon". */
const OWNER = new Set(["nmod:poss", "compound", "nmod"]);

/** A named owner of one of the question's nouns: term places of the owner's words and of the noun. */
const questionOwners = perQuestion((q) => {
  const out: { owner: Set<number>; noun: number }[] = [];
  const tree = questionTree(q);
  const termAt = (k: number) => q.terms.findIndex((t) => t.stem === q.tokens[k]!.stem);
  for (let k = 0; k < q.tokens.length; k++) {
    const head = tree.heads[k]!;
    if (head < 0 || !OWNER.has(tree.labels[k]!) || q.tokens[head]!.pos !== "NOUN") continue;
    const term = termAt(k);
    if (term < 0 || !q.terms[term]!.specific) continue;
    const noun = termAt(head);
    if (noun < 0) continue;
    const owner = new Set<number>();
    for (let j = 0; j < q.tokens.length; j++) if (hangsFrom(tree, j, k) && termAt(j) >= 0) owner.add(termAt(j));
    out.push({ owner, noun });
  }
  return out;
});

/**
 * "Who is Verizon's chief executive?" of "Yahoo's chief executive, Marissa Mayer": -1 when the
 * noun the question names an owner of has, in the sentence, only another name for owner; 1 when
 * the question's own owner stands there; 0 when the sentence names no owner of it.
 */
function ownerAgreement(q: ParsedQuestion, e: Evidence): number {
  const wanted = questionOwners(q);
  if (!wanted.length) return 0;
  const tree = sentenceTree(e.sentence);
  const tokens = e.sentence.tokens;
  let result = 0;
  for (const w of wanted) {
    for (const m of e.support.matches) {
      if (m.term !== w.noun) continue;
      let own = false;
      let other = false;
      for (let k = 0; k < tokens.length; k++) {
        if (tree.heads[k] !== m.pos || !OWNER.has(tree.labels[k]!) || tokens[k]!.pos !== "PROPN") continue;
        if (e.support.matches.some((o) => w.owner.has(o.term) && hangsFrom(tree, o.pos, k))) own = true;
        else other = true;
      }
      if (own) result = 1;
      else if (other && result === 0) result = -1;
    }
  }
  return result;
}

export function sentenceFeatures(q: ParsedQuestion, story: Story, e: Evidence, poolSize: number, into: Float32Array): void {
  const s = e.support;
  into[F.s_rank] = e.rank;
  into[F.s_score_rel] = e.top > 0 ? e.score / e.top : 0;
  into[F.s_score] = e.score;
  into[F.s_own] = s.own;
  into[F.s_context] = s.context;
  into[F.s_missing_verb] = s.missing.verb ? 1 : 0;
  into[F.s_missing_in_paragraph] = s.missing.inParagraph;
  into[F.s_missing_in_story] = s.missing.inStory;
  into[F.s_missing_everywhere] = s.missing.everywhere;
  into[F.s_matches] = s.matches.length;
  into[F.s_verb_matched] = s.matches.some((m) => m.verb) ? 1 : 0;
  // "who has not been tested?" against "has been tested": a negation on one side only
  into[F.s_unmatched_idf] = s.unmatchedIdf;
  into[F.s_negated] = e.sentence.tokens.some((t) => NEGATION.test(t.text)) ? 1 : 0;
  // "Who was the last emperor?" of "the first emperor was …": the sentence says the opposite
  const opposites = oppositesOf(q);
  into[F.s_opposed] = opposites.size && e.sentence.tokens.some((t) => opposites.has(t.lemma.toLowerCase())) ? 1 : 0;
  into[F.s_doer_agrees] = doerAgreement(q, e);
  into[F.s_number_differs] = numberDiffers(q, e.sentence);
  into[F.s_owner_agrees] = ownerAgreement(q, e);
  into[F.s_paragraph] = e.sentence.paragraph;
  into[F.s_first_in_paragraph] = story.paragraphs[e.sentence.paragraph - 1]?.sentenceIds[0] === e.sentence.id ? 1 : 0;
  into[F.s_tokens] = e.sentence.tokens.length;
  into[F.s_pool] = poolSize;
}

/** Tokens each side of a span within which the question's words count as its context. */
const WINDOW = 4;

const PREV: Record<string, FeatureName> = {
  in: "c_prev_in", inside: "c_prev_in", into: "c_prev_in", within: "c_prev_in", on: "c_prev_on", at: "c_prev_at", by: "c_prev_by",
  from: "c_prev_from", to: "c_prev_to", of: "c_prev_of", for: "c_prev_for", with: "c_prev_with",
  during: "c_prev_time", since: "c_prev_time", until: "c_prev_time", till: "c_prev_time",
  after: "c_prev_order", before: "c_prev_order",
};

const TYPE: Record<string, FeatureName> = { person: "c_person", place: "c_place", organisation: "c_org", other: "c_other", date: "c_date", number: "c_number", phrase: "c_phrase" };

/** Where a sentence opens and closes brackets and quotes: found once, asked of every candidate. */
interface Marks {
  parenOpen: number[];
  parenClose: number[];
  quoteOpen: number[];
  quoteClose: number[];
}
const marksCache = new WeakMap<Sentence, Marks>();
function marksOf(sentence: Sentence): Marks {
  let m = marksCache.get(sentence);
  if (!m) {
    m = { parenOpen: [], parenClose: [], quoteOpen: [], quoteClose: [] };
    const text = sentence.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "(") m.parenOpen.push(i);
      else if (ch === ")") m.parenClose.push(i);
      // a straight quote may open or close
      if (ch === "“" || ch === '"') m.quoteOpen.push(i);
      if (ch === "”" || ch === '"') m.quoteClose.push(i);
    }
    marksCache.set(sentence, m);
  }
  return m;
}

/** The last mark before `at` is an opening one, and a closing one follows `end`. */
function surrounded(open: number[], close: number[], at: number, end: number): boolean {
  let lastOpen = -1;
  for (const i of open) if (i < at) lastOpen = i;
  if (lastOpen < 0) return false;
  let lastClose = -1;
  let closes = false;
  for (const i of close) {
    if (i < at) lastClose = i;
    else if (i >= end) closes = true;
  }
  return lastClose < lastOpen && closes;
}

/** What is asked of every candidate of one question, worked out once per question. */
interface QuestionFacts {
  stems: Set<string>;
  stranded: string | null;
  kind: string | null;
}
const factsOf = perQuestion((q): QuestionFacts => ({ stems: new Set(q.terms.map((t) => t.stem)), stranded: strandedPreposition(q), kind: askedKind(q) }));

/** What the span features read off a story, once per story. */
interface StoryFacts {
  title: string;
  mentions: Map<string, number>;
}
const storyFactsCache = new WeakMap<Story, StoryFacts>();
function storyFactsOf(story: Story): StoryFacts {
  let f = storyFactsCache.get(story);
  if (!f) {
    f = { title: story.title.toLowerCase(), mentions: new Map(story.entities.map((e) => [e.name, e.mentions.length])) };
    storyFactsCache.set(story, f);
  }
  return f;
}

function matchedVerbAt(e: Evidence, k: number): boolean {
  for (const m of e.support.matches) if (m.verb && m.pos === k) return true;
  return false;
}

/** "to Charles" of "fealty to Charles", not "of Kestrel" of "the mayor of Kestrel". */
function hasCaseOtherThanOf(tree: Tree, lower: readonly string[], head: number): boolean {
  for (let k = 0; k < tree.heads.length; k++) if (tree.heads[k] === head && tree.labels[k] === "case" && lower[k] !== "of") return true;
  return false;
}

function hasChildWord(heads: readonly number[], lower: readonly string[], head: number, word: string): boolean {
  for (let k = 0; k < heads.length; k++) if (heads[k] === head && lower[k] === word) return true;
  return false;
}

/**
 * What a span is and where it stands in its sentence, whatever the question asks. A sentence's
 * pool is shared by every question alike in what shapes it (pool.ts), so these are worked out once
 * per pool candidate and copied into each question's row; only the features that weigh the span
 * against the question are computed per question.
 */
export interface SpanFeatures {
  /** slot, value, slot, value …: the nonzero ones only, most of a row being zeros */
  set: number[];
  /** the word before the span, as wordBefore reads it */
  prev: string;
  /** the span's head in the sentence's parse, and that head's relation */
  head: number;
  relation: string;
  /** where a matched verb would stand right after the span (its subject) and right before it (its object) */
  verbAfter: number;
  verbBefore: number;
}

function spanFeaturesOf(story: Story, sentence: Sentence, c: PoolCandidate): SpanFeatures {
  if (c.spanFeatures) return c.spanFeatures;
  const t = sentence.tokens;
  const lower = lowerTokens(sentence);
  const facts = storyFactsOf(story);
  const set: number[] = [];
  const put = (name: FeatureName, value: number) => {
    if (value !== 0) set.push(F[name], value);
  };
  put(TYPE[c.type]!, 1);
  put("c_group", c.kindOfOther === "group" ? 1 : 0);
  put("c_event", c.kindOfOther === "event" ? 1 : 0);
  for (const [flag, name] of FROM) put(name, c.origin & flag ? 1 : 0);
  for (const [flag, name] of READING) put(name, c.variant & flag ? 1 : 0);
  const prev = wordBefore(sentence, c);
  const prevFeature = PREV[prev];
  if (prevFeature) put(prevFeature, 1);
  const before = t[c.start - 1];
  put("c_prev_verb", before?.pos === "VERB" || before?.pos === "AUX" ? 1 : 0);
  put("c_prev_comma", before?.text === "," ? 1 : 0);
  put("c_prev_start", c.start === 0 ? 1 : 0);
  // the preposition of the noun phrase the span ends ("by the contractor Fjordbygg", "at the new
  // Rowan Park"), past the words of that phrase before the span
  const np = governingPreposition(t, lower, c.start);
  put("c_np_by", np === "by" ? 1 : 0);
  put("c_np_of", np === "of" ? 1 : 0);
  put("c_np_place", PLACE_PREPOSITIONS.has(np) ? 1 : 0);
  const next = t[c.end];
  const nextText = lower[c.end] ?? "";
  put("c_next_of", nextText === "of" ? 1 : 0);
  put("c_next_possessive", POSSESSIVE.test(nextText) ? 1 : 0);
  put("c_next_comma", nextText === "," ? 1 : 0);
  put("c_next_end", !next || (next.pos === "PUNCT" && /^[.!?]$/.test(nextText)) ? 1 : 0);
  put("c_next_and", nextText === "and" || nextText === "or" ? 1 : 0);
  put("c_next_verb", next?.pos === "VERB" || next?.pos === "AUX" ? 1 : 0);
  put("c_next_paren", nextText === "(" ? 1 : 0);
  put("c_tokens", c.end - c.start);
  put("c_chars", c.text.length);
  put("c_digits", /\d/.test(c.text) ? 1 : 0);
  put("c_year", /\b\d{4}\b/.test(c.text) ? 1 : 0);
  let caps = 0;
  for (let k = c.start; k < c.end; k++) if (/^\p{Lu}/u.test(t[k]!.text)) caps++;
  put("c_caps", caps / (c.end - c.start));
  put("c_position", t.length > 1 ? c.start / (t.length - 1) : 0);
  const from = t[c.start]!.start;
  const to = t[c.end - 1]!.end;
  const marks = marksOf(sentence);
  put("c_in_parens", surrounded(marks.parenOpen, marks.parenClose, from, to) ? 1 : 0);
  put("c_in_quotes", surrounded(marks.quoteOpen, marks.quoteClose, from, to) ? 1 : 0);
  put("c_mentions", c.entity ? (facts.mentions.get(c.entity) ?? 0) : 0);
  put("c_in_title", facts.title.includes(c.text.toLowerCase()) ? 1 : 0);
  put("c_has_note", c.note ? 1 : 0);
  put("c_head_person_noun", story.personNouns.includes(lower[c.end - 1]!) ? 1 : 0);
  put("c_head_propn", t[c.end - 1]!.pos === "PROPN" ? 1 : 0);
  put("c_starts_det", t[c.start]!.pos === "DET" ? 1 : 0);
  put("c_alias", c.canonical ? 1 : 0);
  // "two years ago" may answer when; "365 stores" seldom does (106 of 6,058 such spans were right for a when-question in training)
  const counted = c.type === "number" ? countedNoun(sentence, c) : undefined;
  put("c_counts_time", counted && TIME_UNITS.has(counted) ? 1 : 0);
  put("c_counts_thing", counted && !TIME_UNITS.has(counted) ? 1 : 0);
  // where the span stands in the parse, whatever the question's words
  const tree = sentenceTree(sentence);
  const head = spanHead(tree, c.start, c.end);
  const relation = role(tree.labels[head] ?? "other");
  put(DEP[relation] ?? "c_dep_other", 1);
  // the main clause's own arguments ("stressed on Monday that … in 1950"), for when the question's
  // verb is not the sentence's word: its root is then the best anchor there is
  const root = tree.heads.indexOf(-1);
  put("c_tree_root", root < 0 ? FAR : Math.min(FAR, treeDistance(tree, head, root)));
  put("c_gov_root", root >= 0 && tree.heads[head] === root ? 1 : 0);
  // "built by the Hartwell Brothers Company": the doer of a passive
  put("c_by_agent", relation === "obl" && hasChildWord(tree.heads, lower, head, "by") ? 1 : 0);
  // the matched verb right after the span or right before it, adverbs and articles aside
  let verbAfter = c.end;
  while (t[verbAfter]?.pos === "ADV" || t[verbAfter]?.pos === "AUX") verbAfter++;
  let verbBefore = c.start - 1;
  while (t[verbBefore]?.pos === "DET" || t[verbBefore]?.pos === "ADP" || t[verbBefore]?.pos === "ADV") verbBefore--;
  c.spanFeatures = { set, prev, head, relation, verbAfter, verbBefore };
  return c.spanFeatures;
}

/** Read at once into the row, so one serves every candidate. */
const scratchSide = noVerbSide();

export function candidateFeatures(q: ParsedQuestion, story: Story, e: Evidence, c: PoolCandidate, typed: readonly PoolCandidate[], into: Float32Array): void {
  const sentence = e.sentence;
  const t = sentence.tokens;
  const facts = factsOf(q);
  const fixed = spanFeaturesOf(story, sentence, c);
  const set = fixed.set;
  for (let k = 0; k < set.length; k += 2) into[set[k]!] = set[k + 1]!;
  into[F.c_expected_rank] = expectedRank(q, c);
  into[F.c_kind_fit] = kindFit(q, c, sentence);
  into[F.c_head_match] = headMatches(q, c, sentence) ? 1 : 0;
  into[F.c_introduced_by_noun] = introducedByAnswerNoun(q, c, sentence) ? 1 : 0;
  into[F.c_counted_match] = c.type === "number" && !!q.answerNoun && countedNoun(sentence, c) === q.answerNoun ? 1 : 0;
  into[F.c_asked_kind] = isOfAskedKind(facts.kind, c, sentence) ? 1 : 0;
  into[F.c_type_first] = q.expected[0] === c.type ? 1 : 0;
  into[F.c_proximity] = proximity(c, e.support.matches);
  into[F.c_nearest_match] = nearestMatch(c, e.support.matches, t.length);
  const side = verbSide(q, sentence, c, e.support, typed, scratchSide);
  into[F.c_side] = side.side;
  into[F.c_gap] = side.gap;
  into[F.c_same_clause] = side.sameClause ? 1 : 0;
  into[F.c_nearest_on_side] = side.nearest ? 1 : 0;
  into[F.c_passive] = side.passive ? 1 : 0;
  into[F.c_agent] = side.agent ? 1 : 0;
  into[F.c_reversed] = side.reversed ? 1 : 0;
  into[F.c_side_fit] = sideFit(q, side);
  into[F.c_echo] = echo(q, sentence, c, facts.stems);
  into[F.c_named] = c.entity && q.named.has(c.entity) ? 1 : 0;
  // the question's words right around the span, each side: "… led the team in sacks" before "Kawann Short"?
  for (const m of e.support.matches) {
    if (m.pos < c.start && c.start - m.pos <= WINDOW) into[F.c_left_match] = into[F.c_left_match]! + m.weight;
    else if (m.pos >= c.end && m.pos - c.end < WINDOW) into[F.c_right_match] = into[F.c_right_match]! + m.weight;
  }
  into[F.c_verb_next] = matchedVerbAt(e, fixed.verbAfter) ? 1 : 0;
  into[F.c_verb_before] = matchedVerbAt(e, fixed.verbBefore) ? 1 : 0;
  into[F.c_prev_stranded] = fixed.prev !== "" && fixed.prev === facts.stranded ? 1 : 0;
  parseFeatures(q, e, c, fixed, into);
}

/** Where a span came from, and which longer reading it is, each a feature of its own. */
const FROM: [number, FeatureName][] = [
  [ORIGIN.name, "c_from_name"], [ORIGIN.date, "c_from_date"], [ORIGIN.number, "c_from_number"], [ORIGIN.role, "c_from_role"],
  [ORIGIN.placePhrase, "c_from_place_phrase"], [ORIGIN.chunk, "c_from_chunk"], [ORIGIN.reason, "c_from_reason"], [ORIGIN.pronoun, "c_from_pronoun"],
];
const READING: [number, FeatureName][] = [
  [VARIANT.list, "c_var_list"], [VARIANT.unit, "c_var_unit"], [VARIANT.direction, "c_var_direction"],
  [VARIANT.groupNoun, "c_var_group_noun"], [VARIANT.ofTail, "c_var_of_tail"], [VARIANT.toComma, "c_var_to_comma"], [VARIANT.placeIn, "c_var_place_in"],
];


const NP_WORDS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
const PLACE_PREPOSITIONS = new Set(["in", "at", "on", "near", "inside", "outside", "into", "across", "along", "around"]);
/** How far back the phrase's own words may reach before its preposition. */
const NP_REACH = 4;

function governingPreposition(t: readonly Token[], lower: readonly string[], start: number): string {
  let k = start - 1;
  while (k >= 0 && start - k <= NP_REACH && NP_WORDS.has(t[k]!.pos)) k--;
  return t[k]?.pos === "ADP" ? lower[k]! : "";
}

const DEP: Record<string, FeatureName> = {
  nsubj: "c_dep_nsubj", nsubj_pass: "c_dep_nsubj_pass", obj: "c_dep_obj", iobj: "c_dep_iobj", obl: "c_dep_obl", nmod: "c_dep_nmod",
  poss: "c_dep_poss", appos: "c_dep_appos", conj: "c_dep_conj", compound: "c_dep_compound", flat: "c_dep_compound", root: "c_dep_root",
};
/** Tree distances are capped here: farther is simply far. */
const FAR = 8;

/**
 * "Investigators arrived on Saturday and closed the trail": a parse hangs the subject the two verbs
 * share on the first only; the verb conjoined to it, without a subject of its own, has it too (as
 * enhanced Universal Dependencies write it).
 */
function sharedSubject(tree: Tree, head: number, relation: string, verb: number): boolean {
  if ((relation !== "nsubj" && relation !== "nsubj_pass") || tree.labels[verb] !== "conj" || tree.heads[verb] !== tree.heads[head]) return false;
  for (let k = 0; k < tree.heads.length; k++) if (tree.heads[k] === verb && tree.labels[k]!.startsWith("nsubj")) return false;
  return true;
}

/** Tokens an appositive description may run to: "the league's top scorer", "a teacher from Velmar". */
const APPOSITIVE_REACH = 8;
const APPOSITIVE_STOP = new Set(["VERB", "AUX", "PUNCT", "SCONJ"]);

/**
 * "Callum Reid, the league's top scorer," or "the captain, Femi Adeyinka": the span and a
 * description holding the question's words set side by side with a comma, which is how news names
 * what someone is. Read off the words: the parser rarely marks an apposition as such.
 */
function besideDescription(e: Evidence, c: PoolCandidate): boolean {
  const t = e.sentence.tokens;
  return (t[c.end]?.text === "," && described(e, c.end + 1, 1)) || (t[c.start - 1]?.text === "," && described(e, c.start - 2, -1));
}

/** Whether a non-verb word of the question is matched at k. */
function matchedWordAt(e: Evidence, k: number): boolean {
  for (const m of e.support.matches) if (m.pos === k && !m.verb) return true;
  return false;
}

/** Whether the words from `from`, read in the direction of `step`, make a description holding the question's words. */
function described(e: Evidence, from: number, step: 1 | -1): boolean {
  const t = e.sentence.tokens;
  let hit = false;
  let k = from;
  // read back, a description begins after a verb or preposition ("taken by the captain, …")
  for (; k >= 0 && k < t.length && Math.abs(k - from) < APPOSITIVE_REACH && !APPOSITIVE_STOP.has(t[k]!.pos) && !(step < 0 && t[k]!.pos === "ADP"); k += step) hit ||= matchedWordAt(e, k);
  // read on, it ends at a comma or the sentence's end, where a clause would go on
  return hit && (step < 0 || k >= t.length || t[k]!.pos === "PUNCT");
}

/** Where a span stands in the parse against the question's words: its governor, its distance to them. */
function parseFeatures(q: ParsedQuestion, e: Evidence, c: PoolCandidate, fixed: SpanFeatures, into: Float32Array): void {
  const tree = sentenceTree(e.sentence);
  const { head, relation: r } = fixed;
  const gov = tree.heads[head]!;
  let toMatch = FAR;
  let toVerb = FAR;
  let under = FAR;
  for (const m of e.support.matches) {
    if (m.pos >= c.start && m.pos < c.end) continue;
    const shared = sharedSubject(tree, head, r, m.pos);
    const d = shared ? 1 : Math.min(FAR, treeDistance(tree, head, m.pos));
    toMatch = Math.min(toMatch, d);
    if (m.verb) toVerb = Math.min(toVerb, d);
    // "the cemetery of Chinese soldiers in Hoechang": inside the matched noun's own phrase, however
    // the parse attached it there, rather than beside it through a verb
    if (d < under && hangsFrom(tree, head, m.pos)) under = d;
    if (m.pos === gov || shared) {
      into[F.c_gov_matched] = 1;
      if (m.verb) into[F.c_gov_verb] = 1;
    }
  }
  into[F.c_tree_match] = toMatch;
  into[F.c_tree_verb] = toVerb;
  into[F.c_under_match] = under;
  into[F.c_appos_match] = besideDescription(e, c) ? 1 : 0;
  // the question asks for the subject and this is one (or the object, …)
  into[F.c_role_match] = r === whRoleOf(q) ? 1 : 0;
}

const whRoleOf = perQuestion(whRole);
