/**
 * Question → short answer with its evidence sentence, or an honest null.
 *
 * 1. parse the question (question.ts); questions about the article itself and "who is X?" are
 *    answered by rule (direct.ts);
 * 2. rank the story's sentences with BM25 and measure how much of the question each of the best
 *    supports (analysis.ts, support.ts);
 * 3. gather every candidate span of those sentences (pool.ts) with its features (features.ts);
 * 4. the learned ranker orders the candidates; the learned abstainer gives P(the best is right),
 *    calibrated on held-out questions (model/): that probability is the answer's confidence;
 * 5. below the threshold (the model's, chosen on held-out training questions, or the caller's),
 *    the story doesn't say, and the closest passage is offered as evidence.
 */
import { ageSentences, isAge } from "./age-answer.js";
import { analyseQuestion, parse } from "./analysis.js";
import { asksForMeasure } from "./question.js";
import { bridge } from "./bridge.js";
import { clauseAnswer } from "./clause-answer.js";
import { ANSWER_DEFAULTS } from "./defaults.js";
import { directAnswer } from "./direct.js";
import { answerModel, type AnswerModel } from "./model/answer-model.js";
import { poolView } from "./pool-view.js";
import { minConfidenceSetting } from "./settings.js";
import { answerText, shownAnswer } from "./rendering.js";
import type { Answer, Sentence, Story } from "../types.js";

export const MAX_QUESTION_LENGTH = ANSWER_DEFAULTS.maxQuestionLength;

export interface AnswerOptions {
  /** answer only at or above this confidence (0 always answers); default STORYBOT_MIN_CONFIDENCE, else the model's threshold */
  minConfidence?: number;
  /** default: the model STORYBOT_MODEL names, else the one the repository ships */
  model?: AnswerModel;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The best-scored candidate of those that are ages, or -1. */
function bestAge(ages: readonly boolean[], scores: ArrayLike<number>): number {
  let best = -1;
  ages.forEach((age, i) => {
    if (age && (best < 0 || scores[i]! > scores[best]!)) best = i;
  });
  return best;
}

export function answer(question: string, story: Story, options: AnswerOptions = {}): Answer {
  const q = parse(question, story);
  const base = { question, kind: q.kind, story: story.id };
  const direct = directAnswer(q, story);
  if (direct) return { ...base, ...direct, confidence: round(direct.confidence) };
  const none = (evidence: Sentence | undefined, confidence = 0): Answer => ({ ...base, answer: null, confidence: round(confidence), evidence: evidence?.text ?? "", paragraph: evidence?.paragraph ?? 0 });
  const { evidence, pool } = analyseQuestion(q, story);
  if (!pool.length) return none(evidence[0]?.sentence);

  const model = options.model ?? answerModel();
  const scored = model.scorePool(pool.map((p) => p.features));
  const { scores } = scored;
  // "How old is <person>?": an age, written where the person is named, or nothing
  const ages = ageSentences(q, story);
  const best = ages ? bestAge(pool.map((p) => ages.has(p.evidence.sentence.id) && isAge(answerText(p.c), p.evidence.sentence, p.c.end)), scores) : scored.best;
  if (best < 0) return none(evidence[0]?.sentence);
  const top = pool[best]!;
  const confidence = model.trust(top.features, poolView(pool, scores, best));
  const threshold = options.minConfidence ?? minConfidenceSetting() ?? model.threshold;
  const sentence = top.evidence.sentence;
  if (confidence < threshold) return none(sentence, confidence);
  const named = bridge(q, story, top.c, sentence);
  if (named) return { ...base, answer: named.name, confidence: round(confidence), evidence: named.sentence.text, paragraph: named.sentence.paragraph };
  // a manner or a process is no span: the clause that holds the question's words
  const text = q.kind === "how" && q.expected.includes("clause") ? clauseAnswer(sentence, top.evidence.support) : shownAnswer(top.c, sentence, asksForMeasure(q));
  return { ...base, answer: text, confidence: round(confidence), evidence: sentence.text, paragraph: sentence.paragraph };
}
