/**
 * Question → short answer with its evidence sentence, or an honest null.
 *
 * 1. rank sentences with BM25 (search-index.ts) on the question's content stems;
 * 2. measure how much of the question each top sentence supports (IDF-weighted, the question's
 *    names and numbers required);
 * 3. score the candidate spans of the expected type by support, type fit and closeness to the
 *    matched question words; never answer with the question's own words;
 * 4. abstain when the best evidence does not support the question.
 */
import { candidatesIn, type Candidate } from "./candidates.js";
import { parseQuestion, type ParsedQuestion, type QuestionTerm } from "./question.js";
import { indexOf, type StoryIndex } from "./search-index.js";
import { spanText } from "./spans.js";
import type { Answer, Sentence, Story } from "./types.js";

export const MAX_QUESTION_LENGTH = 300;
const TOP_SENTENCES = 6;
export const SUPPORT_THRESHOLD = 0.5;

interface Support {
  /** share of the question's IDF mass found in the sentence */
  own: number;
  /** the same, counting the neighbouring sentences of its paragraph at half weight */
  context: number;
  /** token positions in the sentence that match a question term, with that term's IDF */
  matches: { pos: number; idf: number }[];
  /** every name and number of the question is found in the sentence or its neighbours */
  specificsMet: boolean;
}

function termMatches(term: QuestionTerm, sentence: Sentence): number[] {
  const out: number[] = [];
  sentence.tokens.forEach((t, i) => {
    if (t.stem === term.stem || t.text.toLowerCase() === term.word) out.push(i);
    // hyphenated and compound names: "Jong-un" contains "jong"
    else if (term.word.length >= 4 && t.text.toLowerCase().split(/[-‑]/).includes(term.word)) out.push(i);
  });
  return out;
}

function neighbours(story: Story, sentence: Sentence): Sentence[] {
  return [story.sentences[sentence.id - 1], story.sentences[sentence.id + 1]].filter((s): s is Sentence => !!s && s.paragraph === sentence.paragraph);
}

function support(q: ParsedQuestion, story: Story, index: StoryIndex, sentence: Sentence): Support {
  let total = 0;
  let own = 0;
  let context = 0;
  let specificsMet = true;
  const matches: Support["matches"] = [];
  const around = neighbours(story, sentence);
  for (const term of q.terms) {
    const idf = index.idfOf(term.stem);
    total += idf;
    const here = termMatches(term, sentence);
    if (here.length) {
      own += idf;
      context += idf;
      for (const pos of here) matches.push({ pos, idf });
    } else if (around.some((s) => termMatches(term, s).length)) {
      context += idf / 2;
    } else if (term.specific) specificsMet = false;
  }
  return { own: total ? own / total : 0, context: total ? context / total : 0, matches, specificsMet };
}

function typeFit(q: ParsedQuestion, c: Candidate): number {
  const rank = q.expected.indexOf(c.type as never);
  if (rank === 0) return 1;
  if (rank > 0) return 0.8;
  if (c.type === "phrase") return q.kind === "who" ? 0.6 : 0.5;
  if (q.kind === "who" && (c.type === "place" || c.type === "other")) return 0.35;
  if (q.kind === "where" && (c.type === "organisation" || c.type === "other")) return 0.35;
  return 0.1;
}

function proximity(c: Candidate, matches: Support["matches"]): number {
  if (!matches.length) return 0;
  let weighted = 0;
  let mass = 0;
  for (const m of matches) {
    const d = m.pos < c.start ? c.start - m.pos : m.pos >= c.end ? m.pos - c.end + 1 : 0;
    weighted += m.idf / (1 + d / 3);
    mass += m.idf;
  }
  return weighted / mass;
}

/** Share of the candidate's content words that the question already says. */
function echo(q: ParsedQuestion, sentence: Sentence, c: Candidate): number {
  const stems = new Set(q.terms.map((t) => t.stem));
  const words = sentence.tokens.slice(c.start, c.end).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (!words.length) return 1;
  return words.filter((t) => stems.has(t.stem) || q.terms.some((x) => x.word === t.text.toLowerCase())).length / words.length;
}

/** "2013 and 2018", "Robert Lane and Benjamin Vail": joins a candidate with its coordinated siblings. */
function coordinate(best: Candidate, all: Candidate[], sentence: Sentence): Candidate {
  const t = sentence.tokens;
  let { start, end } = best;
  for (;;) {
    const joiner = t[end]?.text.toLowerCase();
    const next = all.find((c) => c.type === best.type && (joiner === "and" || joiner === "or" || joiner === ",") && c.start === end + 1 && c !== best);
    if (!next) break;
    end = next.end;
    if (joiner === ",") continue;
    break;
  }
  if (end === best.end) return best;
  return { ...best, end, text: spanText(sentence.text, t, start, end), canonical: null };
}

function render(c: Candidate): string {
  const base = c.canonical && c.type === "person" ? c.canonical : c.text;
  return c.note ? `${base} (${c.note})` : base;
}

/** The shortest clause of the sentence around the matched question words, for what/why/how. */
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

export function answer(question: string, story: Story): Answer {
  const index = indexOf(story);
  const q = parseQuestion(question.slice(0, MAX_QUESTION_LENGTH), index);
  const hits = index.rank(q.terms.map((t) => t.stem), TOP_SENTENCES);
  const base = { question, kind: q.kind, story: story.id };
  const none = (evidence: Sentence | undefined, confidence = 0): Answer => ({ ...base, answer: null, confidence, evidence: evidence?.text ?? "", paragraph: evidence?.paragraph ?? 0 });
  if (!hits.length) return none(undefined);

  const top = hits[0]!.score;
  let best: { c: Candidate | null; score: number; sentence: Sentence; s: Support; all: Candidate[] } | null = null;
  for (const hit of hits) {
    const sentence = story.sentences[hit.sentence]!;
    const s = support(q, story, index, sentence);
    const evidence = 0.7 * s.own + 0.3 * s.context + 0.15 * (hit.score / top) - (s.specificsMet ? 0 : 0.4);
    if (q.expected.includes("clause")) {
      if (!best || evidence > best.score) best = { c: null, score: evidence, sentence, s, all: [] };
      continue;
    }
    const all = candidatesIn(story, sentence, q.expected);
    for (const c of all) {
      const repeated = echo(q, sentence, c);
      if (repeated >= 0.99) continue;
      const score = evidence + 0.35 * typeFit(q, c) + 0.25 * proximity(c, s.matches) - 0.5 * repeated;
      if (!best || score > best.score) best = { c, score, sentence, s, all };
    }
  }
  if (!best) return none(story.sentences[hits[0]!.sentence]);
  const confidence = Math.max(0, Math.min(1, 0.8 * best.s.own + 0.2 * best.s.context - (best.s.specificsMet ? 0 : 0.3)));
  if (confidence < SUPPORT_THRESHOLD) return none(best.sentence, confidence);
  const text = best.c ? render(coordinate(best.c, best.all, best.sentence)) : clauseAnswer(best.sentence, best.s);
  return { ...base, answer: text, confidence: Math.round(confidence * 100) / 100, evidence: best.sentence.text, paragraph: best.sentence.paragraph };
}
