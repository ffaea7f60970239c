/**
 * What a candidate span answers with: a short form of a person's name gives the full name the story
 * uses ("Kim" → "Kim Jong-un"), and a relative date its calendar date in brackets
 * ("Thursday (22 Oct 2020)"); a title or description ending in a name answers with the name ("Mayor
 * Ana Costa" → "Ana Costa": the sentence quoted under it keeps the title). Training labels a candidate by its name (without the bracket) so that
 * the ranker learns to choose what the reader will see.
 */
import type { Sentence } from "../types.js";
import type { Candidate } from "./candidates.js";

export function answerName(c: Candidate): string {
  if (c.named) return c.named;
  return c.canonical && c.type === "person" ? c.canonical : c.text;
}

export function answerText(c: Candidate): string {
  const name = answerName(c);
  return c.note ? `${name} (${c.note})` : name;
}

/** Words before a number that say how exact it is ("more than 10", "about 50", "at least 19"). */
const QUALIFIER = /\b(?:about|around|approximately|roughly|nearly|almost|over|more than|less than|fewer than|at least|at most|up to|some|an estimated|just over|just under|close to)\s+$/i;

/**
 * What the answer shows: a number keeps the words before it that qualify it. "10" where the story
 * says "killed more than 10 civilians" says more than the story does. Training labels the span
 * without them (SQuAD's answers include such a qualifier about half the time, 189 of 351 training
 * "how many/much" questions whose number has one), so the choice of span is not changed by it.
 */
export function shownAnswer(c: Candidate, sentence: Sentence, asksMeasure = false): string {
  const text = answerText(c);
  const first = sentence.tokens[c.start];
  if (c.type !== "number" || !first) return text;
  const qualifier = QUALIFIER.exec(sentence.text.slice(Math.max(0, first.start - 24), first.start));
  return (qualifier ? `${qualifier[0].trim()} ` : "") + text + (asksMeasure ? hyphenedUnit(c, sentence) : "");
}

/** "-foot" of "40-foot-tall tubes": a measure's unit, joined to its number by a hyphen, for "how tall …?" */
function hyphenedUnit(c: Candidate, sentence: Sentence): string {
  const [last, dash, unit] = [sentence.tokens[c.end - 1], sentence.tokens[c.end], sentence.tokens[c.end + 1]];
  if (!last || !dash || !unit || dash.text !== "-" || unit.pos !== "NOUN" || dash.start !== last.end || unit.start !== dash.end) return "";
  return `-${unit.text}`;
}
