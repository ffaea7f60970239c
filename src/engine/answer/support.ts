/** How much of a question one sentence supports, and where in it the question's words are. */
import { lowerTokens } from "../language/lower-tokens.js";
import { nameWords } from "../language/name-words.js";
import type { ParsedQuestion, QuestionTerm } from "./question.js";
import type { StoryIndex } from "../index/search-index.js";
import type { Sentence, Story } from "../types.js";

export interface Support {
  /** share of the question's IDF mass found in the sentence */
  own: number;
  /** the same, counting the neighbouring sentences of its paragraph at half weight */
  context: number;
  /** token positions in the sentence that match a question term (`term`: its place in the question's terms), weighted by IDF (names count double) */
  matches: { pos: number; weight: number; verb: boolean; term: number }[];
  /** what of the question the evidence lacks (features of the abstainer, not weights) */
  missing: Missing;
  /** the IDF of the rarest question word this sentence does not have: one telling word absent says more than many common ones */
  unmatchedIdf: number;
}

export interface Missing {
  /** a verb the story never uses, nor anything WordNet puts near it ("when was Kim born?") */
  verb: boolean;
  /** a name or number of the question absent here but elsewhere in the paragraph: the paragraph's topic */
  inParagraph: number;
  /** … absent from the paragraph but used elsewhere in the story */
  inStory: number;
  /** … absent from the whole story: the story doesn't say */
  everywhere: number;
}

const PRONOUN = /^(?:he|she|they|his|her|their|him|them|it|its)$/i;

/** Token positions of mentions of the named entities this term belongs to ("Jinping" → every "Xi"). */
function entityMatches(term: QuestionTerm, sentence: Sentence, q: ParsedQuestion, story: Story): number[] {
  const out: number[] = [];
  for (const e of story.entities) {
    if (!q.named.has(e.name)) continue;
    const words = nameWords(e);
    if (!words.includes(term.word)) continue;
    for (const m of e.mentions) if (m.sentence === sentence.id) for (let i = m.start; i < m.end; i++) out.push(i);
  }
  return out;
}

/** Per-token facts that matching needs, computed once per sentence rather than once per question term. */
interface SentenceFeatures {
  /** the parts of a hyphenated word, by token position: "Jong-un" contains "jong" (most words have none) */
  parts: Map<number, string[]> | null;
  /** the country a capitalised demonym names, by token position: "Chinese" → "china" */
  country: Map<number, string> | null;
}
/** Kept for as long as the story is: compact, since a thousand stories' worth adds up. */
const featureCache = new WeakMap<Sentence, SentenceFeatures>();
function features(story: Story, sentence: Sentence): SentenceFeatures {
  let f = featureCache.get(sentence);
  if (!f) {
    f = { parts: null, country: null };
    const lowered = lowerTokens(sentence);
    for (const [i, t] of sentence.tokens.entries()) {
      const lower = lowered[i]!;
      const parts = lower.split(/[-‑]/);
      if (parts.length > 1) (f.parts ??= new Map()).set(i, parts);
      const country = /^\p{Lu}/u.test(t.text) ? story.demonyms[lower] : undefined;
      if (country) (f.country ??= new Map()).set(i, country);
    }
    featureCache.set(sentence, f);
  }
  return f;
}
/** Whether the token at i matches the term. */
function matchesAt(story: Story, term: QuestionTerm, sentence: Sentence, i: number, f: SentenceFeatures, lower: string): boolean {
  const t = sentence.tokens[i]!;
  if (t.stem === term.stem || t.stem === term.surface || lower === term.word || term.related.includes(t.stem)) return true;
  if (term.word.length >= 4 && f.parts?.get(i)?.includes(term.word)) return true;
  if (f.country?.get(i) === term.word) return true;
  // a name inside a longer word: "Atlantic" in "transatlantic", "Korea" in "Korean"
  return term.specific && term.word.length >= 5 && lower.length > term.word.length && (lower.startsWith(term.word) || lower.endsWith(term.word));
}

function termMatches(story: Story, term: QuestionTerm, sentence: Sentence): number[] {
  const out: number[] = [];
  const f = features(story, sentence);
  const lowered = lowerTokens(sentence);
  for (let i = 0; i < sentence.tokens.length; i++) if (matchesAt(story, term, sentence, i, f, lowered[i]!)) out.push(i);
  return out;
}

/** Whether the term matches anywhere in the sentence: termMatches without the list, for the checks that only ask. */
function hasTermMatch(story: Story, term: QuestionTerm, sentence: Sentence): boolean {
  const f = features(story, sentence);
  const lowered = lowerTokens(sentence);
  for (let i = 0; i < sentence.tokens.length; i++) if (matchesAt(story, term, sentence, i, f, lowered[i]!)) return true;
  return false;
}

function neighbours(story: Story, sentence: Sentence): Sentence[] {
  return [story.sentences[sentence.id - 1], story.sentences[sentence.id + 1]].filter((s): s is Sentence => !!s && s.paragraph === sentence.paragraph);
}

export function support(q: ParsedQuestion, story: Story, index: StoryIndex, sentence: Sentence): Support {
  let total = 0;
  let own = 0;
  let context = 0;
  const missing: Missing = { verb: false, inParagraph: 0, inStory: 0, everywhere: 0 };
  let unmatchedIdf = 0;
  const matches: Support["matches"] = [];
  const around = neighbours(story, sentence);
  const previous = story.sentences[sentence.id - 1];
  const hasPronoun = sentence.tokens.some((t) => PRONOUN.test(t.text));
  const inParagraph = story.paragraphs[sentence.paragraph - 1]!.sentenceIds;
  const matchesOf = (term: QuestionTerm, s: Sentence): number[] => {
    const direct = termMatches(story, term, s);
    return direct.length || !term.specific ? direct : entityMatches(term, s, q, story);
  };
  const anyMatch = (term: QuestionTerm, s: Sentence): boolean => hasTermMatch(story, term, s) || (term.specific && entityMatches(term, s, q, story).length > 0);
  for (let k = 0; k < q.terms.length; k++) {
    const term = q.terms[k]!;
    const idf = index.idfOf(term.stem) * term.share;
    total += idf;
    const here = matchesOf(term, sentence);
    if (!here.length) unmatchedIdf = Math.max(unmatchedIdf, idf);
    if (here.length) {
      own += idf;
      context += idf;
      const weight = idf * (term.verb ? 1.5 : term.specific ? 2 : 1);
      for (const pos of here) matches.push({ pos, weight, verb: term.verb, term: k });
    } else if (around.some((s) => anyMatch(term, s))) {
      context += idf / 2;
    } else if (term.specific && hasPronoun && previous && anyMatch(term, previous)) {
      // "he said …" right after a sentence naming him: the name is there, as a pronoun
      own += idf * 0.75;
      context += idf;
    } else if (term.unsupported) {
      // "when was Kim born?" of a story that never speaks of birth
      missing.verb = true;
    } else if (term.specific) {
      // a name or number the question sets: elsewhere in the paragraph it is the topic; absent, the story doesn't say
      if (inParagraph.some((id) => anyMatch(term, story.sentences[id]!))) missing.inParagraph++;
      else if (index.has(term.stem)) missing.inStory++;
      else missing.everywhere++;
    }
  }
  return { own: total ? own / total : 0, context: total ? context / total : 0, matches, missing, unmatchedIdf };
}
