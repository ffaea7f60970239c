/**
 * How the ranker's scores fall over the whole pool, for the abstainer: the best span against the
 * best that is a different answer (spans that overlap the best are readings of the same answer:
 * "Hoechang" and "Hoechang County" split the score between them but do not compete), how much of the
 * softmax mass the best answer's readings hold, and how many other sentences give the same answer.
 * Computed alike here and by the learner (scripts/train/fit.py, `pool_extras`).
 */
import type { Scored } from "./analysis.js";
import { answerName } from "./rendering.js";

export interface PoolView {
  top: number;
  /** top score minus the best score of a span that does not overlap it (10 when there is none) */
  margin: number;
  /** softmax share of the top span and every span overlapping it */
  share: number;
  /** other spans, not overlapping the top one, that name the same answer (or one holding it, word for word) */
  agree: number;
  size: number;
}

/** The least a candidate needs of the pool to be compared: where it is and what it names. */
export interface Placed {
  sentence: number;
  start: number;
  end: number;
  key: string;
}

export function placed(p: Scored): Placed {
  return { sentence: p.evidence.sentence.id, start: p.c.start, end: p.c.end, key: answerName(p.c).toLowerCase() };
}

/** `a` holds `b` word for word: ` ${a} ` includes ` ${b} `, without building either. */
function holds(a: string, b: string): boolean {
  // the empty name: two spaces in a row once padded (indexOf would find "" at the end for ever)
  if (!b) return !a || a.startsWith(" ") || a.endsWith(" ") || a.includes("  ");
  for (let i = a.indexOf(b); i >= 0; i = a.indexOf(b, i + 1)) {
    const end = i + b.length;
    if ((i === 0 || a[i - 1] === " ") && (end === a.length || a[end] === " ")) return true;
  }
  return false;
}

/** One name holds the other, word for word: "hoechang" and "hoechang county" name one place. */
function sameAnswer(a: string, b: string): boolean {
  return holds(a, b) || holds(b, a);
}

function overlap(a: Placed, b: Placed): boolean {
  return a.sentence === b.sentence && a.start < b.end && b.start < a.end;
}

export function viewOf(spans: readonly Placed[], scores: readonly number[], best: number): PoolView {
  const top = scores[best]!;
  const me = spans[best]!;
  let other = -Infinity;
  let mine = 0;
  let mass = 0;
  let agree = 0;
  spans.forEach((s, i) => {
    const e = Math.exp(scores[i]! - top);
    mass += e;
    if (overlap(s, me)) mine += e;
    else {
      other = Math.max(other, scores[i]!);
      if (sameAnswer(s.key, me.key)) agree++;
    }
  });
  return { top, margin: other === -Infinity ? 10 : top - other, share: mine / mass, agree, size: spans.length };
}

export function poolView(pool: readonly Scored[], scores: readonly number[], best: number): PoolView {
  return viewOf(pool.map(placed), scores, best);
}
