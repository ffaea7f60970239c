/** What a question asks: its kind, the type of answer it expects, and the words that must be supported. */
import { nameWords, plainNameForms, plainText } from "../language/name-words.js";
import { questionTokens, stem } from "../language/nlp.js";
import { isEnglishWord, isKnownVerb, isOrganisationNoun, isPersonNoun, isPlaceNoun } from "../language/wordnet.js";
import type { StoryIndex } from "../index/search-index.js";
import { QUESTION_WORDS, STOPWORDS } from "../language/stopwords.js";
import type { EntityType, QuestionKind, Story, Token } from "../types.js";
import { AGENT_NOUN, LIGHT_VERBS, ORG_HEADS, PERSON_NOUNS, PLACE_HEADS, POSSESSIVE } from "../language/lexicon.js";

export type Expected = EntityType | "clause";

export interface QuestionTerm {
  word: string;
  stem: string;
  lemma: string;
  /** proper nouns and numbers: constraints the evidence must meet */
  specific: boolean;
  verb: boolean;
  /** stem of the word as written, for lemmas that hide it ("lay" → lemma "lie", but the text's "laid" → "lay") */
  surface: string;
  /** for a verb the story never uses: stems of its verbs that WordNet relates to it ("sang" → "perform") */
  related: string[];
  /** a verb the story never uses, nor anything near it: the question asks what the story doesn't tell */
  unsupported: boolean;
  /** share of its weight: the words of one name ("Kim", "Jong", "un") count once together */
  share: number;
}

/** Where the asked-for thing sits relative to the question's verb. */
export type Form = "subject" | "object" | "passive" | "copular" | "unknown";

export interface ParsedQuestion {
  text: string;
  kind: QuestionKind;
  form: Form;
  /** "which agency …" → "agency": the noun the answer should be */
  answerNoun: string | null;
  /** story entities the question names: an answer must be something else */
  named: Set<string>;
  expected: Expected[];
  terms: QuestionTerm[];
  tokens: Token[];
}

const WORKPLACE_VERBS = /^(?:work|works|worked|working|study|studies|studied|studying|teach|teaches|taught|teaching|employed)$/;
const WHEN_NOUNS = /^(?:year|years|date|day|month|time|century|decade|era|period|season)$/;
const WHERE_NOUNS = /^(?:country|countries|city|cities|town|place|places|location|region|state|province|county|area|continent|island|village|nation|site|venue|street|river|capital)$/;
const WHO_NOUNS = /^(?:person|people|man|woman|men|women|leader|president|agency|organisation|organization|group|company|team|party|newspaper|paper|outlet|player|official|officials|country|nation)$/;

/** "how tall", "how large": a size */
const SIZE_WORDS = /^(?:tall|high|wide|deep|big|large)$/;

/** "How tall …?", "how far …?", "how long …?": a size, a distance or a length, whose unit the answer keeps. */
export function asksForMeasure(q: Pick<ParsedQuestion, "tokens">): boolean {
  const at = q.tokens.findIndex((t) => t.text.toLowerCase() === "how");
  const next = q.tokens[at + 1]?.text.toLowerCase() ?? "";
  return at >= 0 && (SIZE_WORDS.test(next) || next === "long" || next === "far");
}

function kindOf(words: string[]): { kind: QuestionKind; expected: Expected[] } {
  const wh = words.findIndex((w) => QUESTION_WORDS.has(w));
  const w = words[wh] ?? "";
  const next = words[wh + 1] ?? "";
  const nextTwo = words.slice(wh + 1, wh + 4);
  if (w === "who" || w === "whom" || w === "whose") return { kind: "who", expected: ["person", "organisation"] };
  if (w === "when") return { kind: "when", expected: ["date"] };
  // "Where does Tom Forte work?": where one works or studies is as often a firm or a school as a town
  if (w === "where") return { kind: "where", expected: words.slice(wh + 1).some((x) => WORKPLACE_VERBS.test(x)) ? ["place", "organisation"] : ["place"] };
  if (w === "why") return { kind: "why", expected: ["clause"] };
  if (w === "how") {
    if (/^(?:many|much)$/.test(next)) return { kind: "how", expected: ["number"] };
    if (/^(?:long|old|often|far)$/.test(next)) return { kind: "how", expected: ["number", "date"] };
    // a size: 115 of the training data's 145 "how tall/high/wide/deep/big/large" answers are measures
    if (SIZE_WORDS.test(next)) return { kind: "how", expected: ["number"] };
    return { kind: "how", expected: ["clause"] };
  }
  if (w === "what" || w === "which") {
    // the asked-for noun may follow an adjective: "which Chinese president"
    const noun = nextTwo.find((x) => !STOPWORDS.has(x) && (WHEN_NOUNS.test(x) || WHERE_NOUNS.test(x) || WHO_NOUNS.test(x) || PERSON_NOUNS.has(x) || AGENT_NOUN.test(x))) ?? nextTwo.find((x) => !STOPWORDS.has(x)) ?? "";
    if (WHEN_NOUNS.test(noun)) return { kind: "when", expected: ["date"] };
    if (WHERE_NOUNS.test(noun) || PLACE_HEADS.has(cap(noun))) return { kind: "where", expected: ["place"] };
    if (PERSON_NOUNS.has(noun.replace(/s$/, "")) || AGENT_NOUN.test(noun) && !/(?:ther|ment)$/.test(noun)) return { kind: "who", expected: ["person", "organisation"] };
    if (WHO_NOUNS.test(noun) || ORG_HEADS.has(cap(noun))) return { kind: "who", expected: /agency|organi|group|company|team|party|newspaper|paper|outlet/.test(noun) ? ["organisation", "person"] : ["person", "organisation"] };
    // what WordNet files the noun under: "which firm" asks for an organisation, "which suburb" a place
    if (isPersonNoun(noun)) return { kind: "who", expected: ["person", "organisation"] };
    if (isOrganisationNoun(noun)) return { kind: "who", expected: ["organisation", "person"] };
    if (isPlaceNoun(noun)) return { kind: "where", expected: ["place"] };
    return { kind: "what", expected: ["clause"] };
  }
  return { kind: "other", expected: ["clause"] };
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).replace(/s$/, "");
}

const COMPARATIVE = /^(?:before|after|prior|since|until|till|by|from|than|between|around|about|over|under|nearly|almost)$/;

function formOf(tokens: Token[]): { form: Form; verbAt: number } {
  const wh = tokens.findIndex((t) => QUESTION_WORDS.has(t.text.toLowerCase()));
  let i = wh + 1;
  // "which agency", "what year": skip the noun that names the answer
  while (tokens[i] && ["NOUN", "ADJ", "PROPN"].includes(tokens[i]!.pos) && i <= wh + 2 && !tokens.slice(wh + 1, i + 1).some((t) => t.pos === "VERB")) i++;
  const next = tokens[i];
  let verbAt = tokens.findIndex((t, k) => k > wh && t.pos === "VERB");
  // "when did Xi stress …": after do-support and a named subject comes the verb, whatever its tag
  if (next?.pos === "AUX" && /^(?:do|will|can|would|could|should|might|must|shall)$/.test(next.lemma)) {
    let k = i + 1;
    if (tokens[k]?.pos === "PROPN") {
      while (tokens[k]?.pos === "PROPN") k++;
      if (tokens[k] && /^\p{Ll}/u.test(tokens[k]!.text) && (tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "VERB")) verbAt = k;
    } else if (verbAt < 0) {
      // "when did the war end?": no word tagged as a verb, so the last word after the subject is it
      const words = tokens.filter((t, j) => j > i && /\p{L}/u.test(t.text));
      const last = words[words.length - 1];
      if (words.length >= 2 && last && last.pos === "NOUN" && /^\p{Ll}/u.test(last.text)) verbAt = tokens.indexOf(last);
    }
  }
  if (!next) return { form: "unknown", verbAt };
  if (next.pos === "VERB" || next.pos === "ADV" && tokens[i + 1]?.pos === "VERB") return { form: "subject", verbAt };
  if (next.pos === "AUX") {
    const lemma = next.lemma;
    const after = tokens[i + 1];
    if (lemma === "be") {
      // "What disease is killing the trees?": a progressive is active, its question word the subject
      if (after && after.pos === "VERB") return { form: /ing$/i.test(after.text) ? "subject" : "passive", verbAt };
      return { form: verbAt > 0 ? "object" : "copular", verbAt };
    }
    if (lemma === "have" && after?.pos === "VERB") return { form: "subject", verbAt };
    return { form: "object", verbAt };
  }
  return { form: "unknown", verbAt };
}

/** The noun that names the answer: "which agency", "what river", "how many firefighters", "who is the mayor". */
function answerNounOf(tokens: Token[]): string | null {
  let wh = tokens.findIndex((t) => /^(?:which|what)$/i.test(t.text));
  if (wh < 0) wh = tokens.findIndex((t, i) => /^(?:many|much)$/i.test(t.text) && tokens[i - 1]?.text.toLowerCase() === "how");
  // "who is the president of Valdoria?": the role names the answer
  const role = wh < 0 && /^(?:who)$/i.test(tokens[0]?.text ?? "") && tokens[1]?.lemma === "be" && /^(?:the|a|an)$/i.test(tokens[2]?.text ?? "");
  if (role) wh = 2;
  if (wh < 0) return null;
  for (let i = wh + 1; i <= wh + 2 && tokens[i]; i++) {
    const t = tokens[i]!;
    if (t.pos === "NOUN") return headNoun(tokens, i, role);
    if (t.pos !== "ADJ") return null;
  }
  return null;
}


/**
 * The last noun of the phrase a noun opens ("which news agency" → "agency"). A possessive ends it
 * after a question word ("what country's passport" asks for a country) but not in a role ("who is
 * the league's top scorer" asks for the scorer).
 */
function headNoun(tokens: Token[], from: number, role: boolean): string {
  let noun = tokens[from]!.lemma;
  for (let k = from + 1; tokens[k]; k++) {
    const t = tokens[k]!;
    if (t.pos === "NOUN") noun = t.lemma;
    else if (!(t.pos === "ADJ" || (role && t.pos === "PART" && POSSESSIVE.test(t.text)))) break;
  }
  return noun;
}

/** Names of story entities that the question mentions, by any of their forms. */
function namedEntities(text: string, story: Story): Set<string> {
  const named = new Set<string>();
  // the question and the names alike without their punctuation: "Dana F. Besecker Company", "U.S."
  const lower = ` ${plainText(text)} `;
  const found: { name: string; start: number; end: number }[] = [];
  for (const e of story.entities) {
    for (const n of plainNameForms(e)) {
      for (let at = lower.indexOf(` ${n} `); at >= 0; at = lower.indexOf(` ${n} `, at + 1)) found.push({ name: e.name, start: at, end: at + n.length + 2 });
    }
  }
  // "Besecker" inside "Dana F. Besecker Company" names the company, not Tyler Besecker
  const inside = (f: (typeof found)[number]) => found.some((g) => g.name !== f.name && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start);
  for (const f of found) if (!inside(f)) named.add(f.name);
  // "Ralph" for "Earl Ralph": a capitalised word of the question that belongs to one name only
  for (const word of text.match(/(?<!^)\b\p{Lu}[\p{L}'’-]+/gu) ?? []) {
    const w = word.toLowerCase();
    if ([...named].some((n) => n.toLowerCase().split(/[\s-]+/).includes(w))) continue;
    const owners = story.entities.filter((e) => nameWords(e).includes(w));
    if (owners.length === 1) named.add(owners[0]!.name);
  }
  return named;
}

/** Splits the weight of a named entity's words among them, so a long name does not outweigh the predicate. */
function shareNames(terms: QuestionTerm[], named: Set<string>, story: Story): void {
  for (const e of story.entities) {
    if (!named.has(e.name)) continue;
    const words = new Set(nameWords(e));
    const mine = terms.filter((t) => words.has(t.word));
    for (const t of mine) t.share = Math.min(t.share, 1 / mine.length);
  }
}

/** One edit (insertion, deletion, substitution or swap of neighbours) apart. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, n: number) => x.slice(i + n);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, 2) === rest(b, 2));
}

/** "wen did …", "hwo sent …": a misspelt question word opening a question without one. */
function fixQuestionWord(text: string): string {
  const first = /^\s*(\p{L}+)/u.exec(text)?.[1];
  if (!first || first.length < 3 || text.toLowerCase().split(/\W+/).some((w) => QUESTION_WORDS.has(w))) return text;
  const near = [...QUESTION_WORDS].filter((w) => oneEditApart(first.toLowerCase(), w));
  // "wher" could be "where" or "when": guess only when one word fits, or when the next word tells
  // "hwo sent" (a verb: who) from "hwo many" (a degree word: how)
  const guess = near.length === 1 ? near[0] : near.length === 2 && near.includes("who") && near.includes("how") ? whoOrHow(text) : undefined;
  return guess ? text.replace(first, guess) : text;
}

const DEGREE = /^(?:many|much|long|old|often|far|big|large|small|tall|high|deep|wide|soon|early|late)$/i;

function whoOrHow(text: string): string | undefined {
  const next = questionTokens(text)[1];
  if (!next) return undefined;
  if (DEGREE.test(next.text) || next.pos === "ADJ" || next.pos === "ADV") return "how";
  return next.pos === "VERB" ? "who" : undefined;
}


export function parseQuestion(question: string, index: StoryIndex): ParsedQuestion {
  const text = fixQuestionWord(question.replace(/\s+/g, " ").trim());
  const tokens = questionTokens(text);
  const words = tokens.map((t) => t.text.toLowerCase());
  const { kind, expected } = kindOf(words);
  const { form, verbAt } = formOf(tokens);
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(lower) || STOPWORDS.has(lower) || QUESTION_WORDS.has(lower)) return;
    // "how many", "how much": the question's own phrase, not a word the story must say
    if (i > 0 && words[i - 1] === "how" && (lower === "many" || lower === "much")) return;
    // "what year", "which country": the noun after the question word names the answer, not a constraint
    if (i > 0 && QUESTION_WORDS.has(words[i - 1]!) && (WHEN_NOUNS.test(lower) || WHERE_NOUNS.test(lower) || WHO_NOUNS.test(lower))) return;
    // a word whose lemma the story uses is no typo ("paid" → "pay")
    // nor is a real English word the story happens not to use ("renovated" is not "reported")
    const corrected = index.has(t.stem) || isEnglishWord(t.lemma) || isEnglishWord(lower) ? null : index.correct(lower);
    const word = corrected ?? lower;
    const st = corrected ? stem(word) : t.stem;
    if (seen.has(st)) return;
    seen.add(st);
    // "prior to 2000" bounds the answer; the number itself need not appear
    const bounded = /\d/.test(t.text) && tokens.slice(Math.max(0, i - 2), i).some((p) => COMPARATIVE.test(p.text.toLowerCase()));
    const specific = !bounded && ((/^\p{Lu}/u.test(t.text) && i > 0 && t.pos === "PROPN") || /\d/.test(t.text));
    const isVerb = i === verbAt;
    const absent = isVerb && !corrected && !index.has(st) && !index.has(stem(word));
    const lemma = corrected ? word : t.lemma;
    const related = absent ? index.relatedVerbs(lemma) : [];
    const unsupported = absent && related.length === 0 && !LIGHT_VERBS.has(lemma) && isKnownVerb(lemma);
    terms.push({ word, stem: st, lemma, specific, verb: isVerb, surface: stem(word), related, unsupported, share: LIGHT_VERBS.has(lemma) ? 0.3 : 1 });
  });
  const named = namedEntities(text, index.story);
  shareNames(terms, named, index.story);
  return { text, kind, form, expected, terms, tokens, answerNoun: answerNounOf(tokens), named };
}
