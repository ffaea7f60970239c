/**
 * Longer readings of a candidate span, offered to the ranker beside the span itself: a list it
 * belongs to ("Robert Lane and Benjamin Vail"), a date range ("1321 to 1323"), a measure with its
 * unit and qualifier ("at least five years"), a place with its direction ("southern Italy") or with
 * the place it is in ("Sydney, Australia"), a nationality with its noun ("Turkish forces"). Which reading answers is the ranker's choice.
 */
import { spanText, beforeArticle } from "../language/spans.js";
import { SUM, type Candidate } from "./candidates.js";
import type { ParsedQuestion } from "./question.js";
import { countedNoun } from "./signals.js";
import type { Sentence } from "../types.js";

/** The words that join two dates or two numbers into a range. */
const RANGE: Partial<Record<Candidate["type"], RegExp>> = { date: /^(?:to|until|through|-|–)$/, number: /^(?:to|-|–)$/ };

function reread(c: Candidate, sentence: Sentence, start: number, end: number): Candidate {
  return { ...c, start, end, text: spanText(sentence.text, sentence.tokens, start, end), canonical: null, note: c.type === "date" && start === c.start && end === c.end ? c.note : null };
}

/** Numbers list together only as sums or as plain numbers alike: "$28 billion, or six times the value" is no list. */
const alike = (a: Candidate, b: Candidate): boolean => a.type !== "number" || SUM.test(a.text) === SUM.test(b.text);

/**
 * "2013 and 2018", "Robert Lane and Benjamin Vail": joins a candidate with its coordinated siblings;
 * dates also join as a range ("1321 to 1323", "between 2005 and 2010"), and so do numbers ("$24 to
 * $28", "from 40 to 60").
 */
export function coordinate(best: Candidate, all: readonly Candidate[], sentence: Sentence): Candidate {
  const t = sentence.tokens;
  // a list closes with "and" or "or": "Andrew Shearer, Justin Bassi, who …" is a name and an aside
  let end = best.end;
  let reached = best.end;
  let start = best.start;
  const range = RANGE[best.type] ?? /^$/;
  for (;;) {
    const joiner = t[reached]?.text.toLowerCase() ?? "";
    if (range.test(joiner)) {
      const next = all.find((c) => c.type === best.type && c.start === reached + 1);
      if (next) end = next.end;
      break;
    }
    if (joiner !== "and" && joiner !== "or" && joiner !== ",") break;
    // the Oxford comma: "Grissom, White, and Chaffee"
    let skip = joiner === "," && /^(?:and|or)$/i.test(t[reached + 1]?.text ?? "") ? 2 : 1;
    // "the Wellcome Trust and the Medical Research Council" (but "the Saxon Garden, the Summer Theatre" is no list)
    if (/^(?:and|or)$/i.test(t[reached + skip - 1]?.text ?? "") && t[reached + skip]?.pos === "DET") skip++;
    const next = all.find((c) => c.type === best.type && c.start === reached + skip && c !== best);
    if (!next || !alike(best, next)) break;
    reached = next.end;
    if (joiner !== "," || skip >= 2) {
      end = reached;
      break;
    }
  }
  // and backwards, when the best is the second of the pair
  const at = beforeArticle(t, start);
  if (/^(?:and|or)$/i.test(t[at]?.text ?? "")) {
    const previous = all.find((c) => c.type === best.type && c !== best && alike(best, c) && (c.end === at || (c.end === at - 1 && t[at - 1]?.text === ",")));
    if (previous) start = previous.start;
  }
  if (end === best.end && start === best.start) return best;
  if (RANGE[best.type] && /^(?:between|from)$/i.test(t[start - 1]?.text ?? "")) start--;
  return reread(best, sentence, start, end);
}

/**
 * "Sydney, Australia", "Portland, Oregon": a place with the place it is in, written after a comma;
 * not two items of a list ("Paris, Lyon and Nice").
 */
export function withPlaceItIsIn(c: Candidate, all: readonly Candidate[], sentence: Sentence): Candidate {
  const t = sentence.tokens;
  if (c.type !== "place" || t[c.end]?.text !== ",") return c;
  const outer = all.find((o) => o.type === "place" && o.start === c.end + 1);
  if (!outer) return c;
  const after = t[outer.end]?.text.toLowerCase() ?? "";
  if (after === "and" || after === "or" || (after === "," && /^(?:and|or)$/i.test(t[outer.end + 1]?.text ?? ""))) return c;
  // "Paris, Lyon, Nice and Lille": a list, whatever closes it
  if (after === "," && all.some((o) => o.type === "place" && o.start === outer.end + 1)) return c;
  return reread(c, sentence, c.start, outer.end);
}

const DIRECTION = /^(?:northern|southern|eastern|western|central|north|south|east|west|upper|lower|northeastern|northwestern|southeastern|southwestern|coastal|inland|rural)$/i;

/** "southern Italy", "rural Kenya": a place keeps the lower-case direction before it. */
export function withDirection(c: Candidate, sentence: Sentence): Candidate {
  const prev = sentence.tokens[c.start - 1];
  if (c.type !== "place" || !prev || prev.text !== prev.text.toLowerCase() || !DIRECTION.test(prev.text)) return c;
  return reread(c, sentence, c.start - 1, c.end);
}

const QUALIFIER = /^(?:about|around|nearly|almost|over|under|least|most|than|roughly|some|approximately)$/i;

/**
 * "How long …?" → "at least five years", "How much …?" → "24 percent": a measure keeps its unit
 * and its qualifier ("how many residents" already names the unit, so there the number is enough;
 * "how much money" does not: "2.4 million pounds").
 */
export function withUnit(q: ParsedQuestion, c: Candidate, sentence: Sentence): Candidate {
  if (c.type !== "number" || (q.answerNoun && countedNoun(sentence, c) === q.answerNoun)) return c;
  const t = sentence.tokens;
  let end = c.end;
  const joined = (i: number) => t[i]?.text === "-" && t[i - 1]!.end === t[i]!.start && t[i]!.end === t[i + 1]?.start;
  // "a 106-year-old schooner": an age written as one word with its unit
  if (joined(end) && t[end + 1]?.pos === "NOUN" && joined(end + 2) && t[end + 3]?.text.toLowerCase() === "old") end += 4;
  // "the 93 year-old": the same, hyphened after the unit only
  else if (t[end]?.pos === "NOUN" && joined(end + 1) && t[end + 2]?.text.toLowerCase() === "old") end += 3;
  // "a six-month review", "a 10-mile walk": a measure joined to its unit
  else if (joined(end) && t[end + 1]?.pos === "NOUN" && /^\p{Ll}+$/u.test(t[end + 1]!.text) && !joined(end + 2)) end += 2;
  // "four century-old schooners": a noun joined to the next word is that word's, not a unit of the number
  else if ((t[end]?.pos === "NOUN" && !joined(end + 1)) || /^(?:percent|%)$/i.test(t[end]?.text ?? "")) end++;
  let start = c.start;
  while (start > 0 && QUALIFIER.test(t[start - 1]!.text)) start--;
  // "at least", "more than", "up to"
  if (start < c.start && /^(?:at|more|less|fewer|up)$/i.test(t[start - 1]?.text ?? "")) start--;
  if (start === c.start && end === c.end) return c;
  return reread(c, sentence, start, end);
}

/** "Japanese research teams", "Turkish forces": a nationality names a group only with its noun. */
export function withGroupNoun(c: Candidate, sentence: Sentence): Candidate {
  if (c.type !== "other") return c;
  const t = sentence.tokens;
  let end = c.end;
  while (t[end] && (t[end]!.pos === "NOUN" || t[end]!.pos === "ADJ") && t[end]!.text === t[end]!.text.toLowerCase()) end++;
  if (end === c.end || t[end - 1]!.pos !== "NOUN") return c;
  return reread(c, sentence, c.start, end);
}
