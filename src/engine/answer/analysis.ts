/**
 * A question against one story, up to the point where a model decides: the question parsed, its
 * best evidence sentences ranked by BM25 with the support each gives it, and every candidate span
 * of those sentences with its feature vector. answer() and the training script both start here,
 * so the model is trained on exactly what it later sees.
 */
import { indexOf } from "../index/search-index.js";
import type { Sentence, Story } from "../types.js";
import { ANSWER_DEFAULTS } from "./defaults.js";
import { candidateFeatures, FEATURES, questionFeatures, sentenceFeatures, type Evidence } from "./features.js";
import { ORIGIN, poolOf, type PoolCandidate } from "./pool.js";
import { PERSON_PRONOUN } from "./pronouns.js";
import { parseQuestion, type ParsedQuestion } from "./question.js";
import { countsTime, TIME_UNITS } from "./signals.js";
import { support, type Support } from "./support.js";

export interface Scored {
  c: PoolCandidate;
  evidence: Evidence;
  features: Float32Array;
}

export interface Analysis {
  q: ParsedQuestion;
  evidence: Evidence[];
  pool: Scored[];
}

const TYPED = ORIGIN.name | ORIGIN.date | ORIGIN.number | ORIGIN.role | ORIGIN.placePhrase | ORIGIN.pronoun;

/**
 * A run-on "sentence" of thousands of words (a pasted table, a line without full stops) would give
 * thousands of spans, each compared with the others: its spans are kept to a window around the
 * first of the question's words it holds.
 */
function near(spans: readonly PoolCandidate[], s: Support): readonly PoolCandidate[] {
  if (spans.length <= ANSWER_DEFAULTS.maxSpansPerSentence) return spans;
  const at = s.matches[0]?.pos ?? 0;
  const half = ANSWER_DEFAULTS.longSentenceWindow / 2;
  return spans.filter((c) => c.end > at - half && c.start < at + half).slice(0, ANSWER_DEFAULTS.maxSpansPerSentence);
}

/**
 * Types that never answer a question of a kind. Over the training forms' 82,000 questions the
 * best span of a "who" question was a date for 10 of 9,900, of a "where" question a date or a
 * number for 34 of 4,300 (numbers of product reviews: "where … 800 watt"), and of a "when"
 * question a person, organisation or place for 34 of 3,800; the only right span for 4, 20 and 9
 * of them. So few that neither model learns the mismatch: the ranker answered "Who said …?" with
 * the day of the saying and "Where did the quake hit?" with its hour, and the abstainer let both
 * through.
 */
const NEVER: Partial<Record<ParsedQuestion["kind"], ReadonlySet<PoolCandidate["type"]>>> = {
  who: new Set(["date"]),
  where: new Set(["date", "number"]),
  when: new Set(["person", "organisation", "place"]),
};

/** "How many soldiers …?", not "How many years …?": a count of things, which no span counting time answers. */
function asksCountOfThings(q: ParsedQuestion): boolean {
  const lower = q.tokens.map((t) => t.text.toLowerCase());
  const at = lower.findIndex((w, i) => w === "how" && lower[i + 1] === "many");
  if (at < 0) return false;
  // "how many Chinese soldiers": the first noun after "many", past the words that qualify it
  const counted = q.answerNoun ?? q.tokens.slice(at + 2, at + 5).find((t) => t.pos === "NOUN")?.text;
  if (!counted) return false;
  const noun = counted.toLowerCase();
  const singular = noun.replace(/(?:ies)$/, "y").replace(/s$/, "");
  return ![noun, singular].some((n) => TIME_UNITS.has(n) || n === "time");
}

export function parse(question: string, story: Story): ParsedQuestion {
  return parseQuestion(question.slice(0, ANSWER_DEFAULTS.maxQuestionLength), indexOf(story));
}

export function analyseQuestion(q: ParsedQuestion, story: Story, topSentences = ANSWER_DEFAULTS.topSentences): Analysis {
  const index = indexOf(story);
  const hits = index.rank([...new Set(q.terms.flatMap((t) => [t.stem, t.surface, ...t.related]))], topSentences);
  const top = hits[0]?.score ?? 0;
  // float32, as the learner saw them (scripts/train/extract.ts)
  const base = new Float32Array(FEATURES.length);
  questionFeatures(q, base);
  const evidence: Evidence[] = [];
  const pool: Scored[] = [];
  const supports = hits.map((hit) => support(q, story, index, story.sentences[hit.sentence]!));
  const spansOf = hits.map((hit, rank) => near(poolOf(q, story, story.sentences[hit.sentence]!), supports[rank]!));
  const never = NEVER[q.kind];
  // "Who did he meet?": the story's "he" is the one the question asks about, not the answer
  const noPronouns = q.tokens.some((t) => PERSON_PRONOUN.test(t.text));
  // "How many soldiers died?": a number counting time ("70 years ago") was the gold answer of 1 of the
  // training data's 1,440 "how many" questions whose noun is no unit of time
  const countsThings = asksCountOfThings(q);
  const mayAnswer = (c: PoolCandidate, sentence: Sentence) => !never?.has(c.type) && !(noPronouns && c.origin & ORIGIN.pronoun) && !(countsThings && countsTime(sentence, c));
  const answering = never || noPronouns || countsThings ? spansOf.map((spans, rank) => spans.filter((c) => mayAnswer(c, story.sentences[hits[rank]!.sentence]!))) : spansOf;
  // one buffer for the whole pool, each candidate's row a view of it
  const buffer = new Float32Array(answering.reduce((n, spans) => n + spans.length, 0) * FEATURES.length);
  let row = 0;
  hits.forEach((hit, rank) => {
    const sentence = story.sentences[hit.sentence]!;
    const e: Evidence = { sentence, rank, score: hit.score, top, support: supports[rank]! };
    evidence.push(e);
    const spans = spansOf[rank]!;
    // the verb-side rule compares a span with the names, dates and phrases around it, not with every chunk
    const typed = spans.filter((c) => c.origin & TYPED && !c.variant);
    const withSentence = base.slice();
    sentenceFeatures(q, story, e, spans.length, withSentence);
    for (const c of answering[rank]!) {
      const features = buffer.subarray(row * FEATURES.length, (row + 1) * FEATURES.length);
      row++;
      features.set(withSentence);
      candidateFeatures(q, story, e, c, typed, features);
      pool.push({ c, evidence: e, features });
    }
  });
  return { q, evidence, pool };
}
