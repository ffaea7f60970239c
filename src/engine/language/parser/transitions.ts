/**
 * A greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) and its labeller, the shape of the
 * parser in Honnibal's "Parsing English in 500 lines of Python" (2013): three moves, a perceptron
 * scoring them from the words and tags around the stack and the buffer, and a dynamic oracle
 * (Goldberg & Nivre 2012) that lets training follow its own mistakes. Shared by training
 * (scripts/train-parser/) and parsing (parser.ts), so both see the same features.
 *
 * Positions: 0 is a start pad, 1..n the words, n + 1 the root.
 */
import { featureKey } from "./perceptron.js";

export const SHIFT = 0;
export const RIGHT = 1;
export const LEFT = 2;
export const MOVES = [SHIFT, RIGHT, LEFT] as const;

/** The dependency labels the labeller tells apart: UD's, with the subtypes that matter for who did what. */
export const LABELS = [
  "root", "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:tmod", "obl:npmod", "nmod", "nmod:poss", "appos", "amod", "nummod",
  "det", "case", "compound", "flat", "conj", "cc", "punct", "advmod", "aux", "aux:pass", "cop", "mark", "acl", "acl:relcl",
  "advcl", "ccomp", "xcomp", "csubj", "expl", "parataxis", "fixed", "list", "discourse", "vocative", "dep", "other",
] as const;
export type Label = (typeof LABELS)[number];

export function labelOf(deprel: string): number {
  const exact = LABELS.indexOf(deprel as Label);
  if (exact >= 0) return exact;
  const base = LABELS.indexOf(deprel.split(":")[0] as Label);
  return base >= 0 ? base : LABELS.indexOf("other");
}

export function normalizeWord(word: string): string {
  if (/^\d{4}$/.test(word)) return "!YEAR";
  if (/^\d/.test(word)) return "!DIGITS";
  return word.toLowerCase();
}

/** A sentence being parsed: words and tags padded, heads as they are found. */
export class ParseState {
  readonly n: number;
  /** each position's word and tag, hashed once (0 for none) */
  readonly wh: Uint32Array;
  readonly th: Uint32Array;
  readonly heads: Int32Array;
  readonly lefts: number[][];
  readonly rights: number[][];
  stack: number[] = [1];
  i = 2;

  constructor(
    readonly words: string[],
    readonly tags: string[],
  ) {
    this.n = words.length;
    this.wh = Uint32Array.from(words, (w) => (w ? featureKey(`w:${w}`) : 0));
    this.th = Uint32Array.from(tags, (t) => (t ? featureKey(`t:${t}`) : 0));
    this.heads = new Int32Array(this.n).fill(-1);
    this.lefts = Array.from({ length: this.n + 1 }, () => []);
    this.rights = Array.from({ length: this.n + 1 }, () => []);
  }

  /** A padded state for tokens: start pad, the words, root. */
  static of(words: readonly string[], tags: readonly string[]): ParseState {
    return new ParseState(["<start>", ...words.map(normalizeWord), "<root>"], ["<start>", ...tags, "<root>"]);
  }

  get done(): boolean {
    return this.stack.length === 0 && this.i + 1 >= this.n;
  }

  valid(): number[] {
    const moves: number[] = [];
    if (this.i + 1 < this.n) moves.push(SHIFT);
    if (this.stack.length >= 2) moves.push(RIGHT);
    if (this.stack.length >= 1) moves.push(LEFT);
    return moves;
  }

  private add(head: number, child: number): void {
    this.heads[child] = head;
    (child < head ? this.lefts : this.rights)[head]!.push(child);
  }

  apply(move: number): void {
    if (move === SHIFT) this.stack.push(this.i++);
    else if (move === RIGHT) {
      const child = this.stack.pop()!;
      this.add(this.stack[this.stack.length - 1]!, child);
    } else this.add(this.i, this.stack.pop()!);
  }

  /** The moves that lose no gold arc from here (the dynamic oracle for arc-hybrid). */
  goldMoves(gold: Int32Array): number[] {
    const { stack, i, n } = this;
    const valid = this.valid();
    const s0 = stack[stack.length - 1];
    if (s0 === undefined || (valid.includes(SHIFT) && gold[i] === s0)) return [SHIFT];
    if (gold[s0] === i) return [LEFT];
    const costly = new Set(MOVES.filter((m) => !valid.includes(m)));
    if (stack.length >= 2 && gold[s0] === stack[stack.length - 2]) costly.add(LEFT);
    const depsBetween = (target: number, others: Iterable<number>) => {
      for (const w of others) if (gold[w] === target || gold[target] === w) return true;
      return false;
    };
    if (!costly.has(SHIFT) && depsBetween(i, stack)) costly.add(SHIFT);
    const rest: number[] = [];
    for (let k = i + 1; k < n - 1; k++) rest.push(k);
    if (depsBetween(s0, rest)) {
      costly.add(LEFT);
      costly.add(RIGHT);
    }
    return MOVES.filter((m) => !costly.has(m));
  }
}

/**
 * A feature key from a template number and the hashes of its parts: integers mixed, never strings
 * built, since a parse computes some sixty keys for each of its moves (strings cost ~10x as much).
 */
function mix(template: number, a = 0, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  h ^= h >>> 15;
  return h >>> 0 || 1;
}

/** The most keys one move's or one arc's context makes: writers stop there. */
export const MAX_FEATURES = 128;

/**
 * The context of the next move, as hashed feature keys (Honnibal's templates), written into
 * `out` from its start; returns how many. A parse makes one such context a move and one an arc,
 * so they go into one reused buffer rather than fresh arrays (half of what answering a warm
 * question allocated was its parse's).
 */
export function writeMoveFeatures(s: ParseState, out: Uint32Array): number {
  const { wh: W, th: T, stack, i, n, lefts, rights } = s;
  const depth = stack.length;
  const s0 = stack[depth - 1] ?? -1;
  const s1 = stack[depth - 2] ?? -1;
  const s2 = stack[depth - 3] ?? -1;
  const ws0 = hashAt(W, s0), ws1 = hashAt(W, s1), ws2 = hashAt(W, s2);
  const ts0 = hashAt(T, s0), ts1 = hashAt(T, s1), ts2 = hashAt(T, s2);
  const b0 = i < n ? i : -1, b1 = i + 1 < n ? i + 1 : -1, b2 = i + 2 < n ? i + 2 : -1;
  const wn0 = hashAt(W, b0), wn1 = hashAt(W, b1), wn2 = hashAt(W, b2);
  const tn0 = hashAt(T, b0), tn1 = hashAt(T, b1), tn2 = hashAt(T, b2);
  const vn0b = lefts[i]!.length;
  const vs0b = s0 >= 0 ? lefts[s0]!.length : 0;
  const vs0f = s0 >= 0 ? rights[s0]!.length : 0;
  const n0b1 = lastDep(lefts, i, 0), n0b2 = lastDep(lefts, i, 1);
  const s0b1 = lastDep(lefts, s0, 0), s0b2 = lastDep(lefts, s0, 1);
  const s0f1 = lastDep(rights, s0, 0), s0f2 = lastDep(rights, s0, 1);
  const d = s0 > 0 ? Math.min(i - s0, 5) : 0;
  let k = 0;
  out[k++] = mix(0);
  k = push(out, k, 1, wn0); k = push(out, k, 1, wn1); k = push(out, k, 1, wn2); k = push(out, k, 1, ws0); k = push(out, k, 1, ws1); k = push(out, k, 1, ws2);
  k = push(out, k, 1, hashAt(W, n0b1)); k = push(out, k, 1, hashAt(W, n0b2)); k = push(out, k, 1, hashAt(W, s0b1)); k = push(out, k, 1, hashAt(W, s0b2));
  k = push(out, k, 1, hashAt(W, s0f1)); k = push(out, k, 1, hashAt(W, s0f2));
  k = push(out, k, 2, tn0); k = push(out, k, 2, tn1); k = push(out, k, 2, tn2); k = push(out, k, 2, ts0); k = push(out, k, 2, ts1); k = push(out, k, 2, ts2);
  k = push(out, k, 2, hashAt(T, n0b1)); k = push(out, k, 2, hashAt(T, n0b2)); k = push(out, k, 2, hashAt(T, s0b1)); k = push(out, k, 2, hashAt(T, s0b2));
  k = push(out, k, 2, hashAt(T, s0f1)); k = push(out, k, 2, hashAt(T, s0f2));
  k = push(out, k, 3, wn0, tn0); k = push(out, k, 4, wn1, tn1); k = push(out, k, 5, wn2, tn2); k = push(out, k, 6, ws0, ts0);
  out[k++] = mix(10, ws0, wn0); out[k++] = mix(11, wn0, tn0, ws0); out[k++] = mix(12, wn0, tn0, ts0); out[k++] = mix(13, ws0, ts0, wn0);
  out[k++] = mix(14, ws0, ts0, tn0); out[k++] = mix(15, mix(99, ws0, ts0), wn0, tn0); out[k++] = mix(16, ts0, tn0); out[k++] = mix(17, tn0, tn1);
  k = push(out, k, 20, tn0, tn1, tn2); k = push(out, k, 21, ts0, tn0, tn1); k = push(out, k, 22, ts0, ts1, tn0);
  k = push(out, k, 23, ts0, hashAt(T, s0f1), tn0); k = push(out, k, 24, ts0, tn0, hashAt(T, n0b1)); k = push(out, k, 25, ts0, hashAt(T, s0b1), hashAt(T, s0b2));
  k = push(out, k, 26, ts0, hashAt(T, s0f1), hashAt(T, s0f2)); k = push(out, k, 27, tn0, hashAt(T, n0b1), hashAt(T, n0b2)); k = push(out, k, 28, ts0, ts1, ts2);
  k = pushValency(out, k, 40, ws0, vs0f); k = pushValency(out, k, 41, ws0, vs0b); k = pushValency(out, k, 42, wn0, vn0b);
  k = pushValency(out, k, 43, ts0, vs0f); k = pushValency(out, k, 44, ts0, vs0b); k = pushValency(out, k, 45, tn0, vn0b);
  k = pushValency(out, k, 46, ws0, d); k = pushValency(out, k, 47, wn0, d); k = pushValency(out, k, 48, ts0, d); k = pushValency(out, k, 49, tn0, d);
  k = pushValency(out, k, 50, mix(98, tn0, ts0), d); k = pushValency(out, k, 51, mix(97, wn0, ws0), d);
  return k;
}

/** A position's hashed word or tag, 0 for none (a position of -1). */
function hashAt(hashes: Uint32Array, k: number): number {
  return k >= 0 ? hashes[k]! : 0;
}

/** The `back`-th last dependent on one side of w, -1 for none. */
function lastDep(deps: number[][], w: number, back: number): number {
  if (w < 0) return -1;
  const d = deps[w]!;
  return d.length > back ? d[d.length - 1 - back]! : -1;
}

/** Writes the template's key at k when any part is there; returns the next free place. */
function push(out: Uint32Array, k: number, template: number, a: number, b = 0, c = 0): number {
  if (!a && !b && !c) return k;
  out[k] = mix(template, a, b, c);
  return k + 1;
}

/** A word or tag with a count (valency, distance), counted from 1 so that 0 is one. */
function pushValency(out: Uint32Array, k: number, template: number, wt: number, v: number): number {
  if (!wt && !v) return k;
  out[k] = mix(template, wt, v + 1);
  return k + 1;
}

/** The same as a fresh array, for training. */
export function moveFeatures(s: ParseState): number[] {
  const out = new Uint32Array(MAX_FEATURES);
  return Array.from(out.subarray(0, writeMoveFeatures(s, out)));
}

const PASSIVE_AUX = new Set(["was", "were", "been", "being", "is", "are", "be", "am", "'s", "get", "got", "gets"]);

/** The context of one arc, for its label: the dependent d, its head h (n - 1 is the root); written into `out` as writeMoveFeatures does. */
export function writeLabelFeatures(s: ParseState, heads: Int32Array, children: number[][], d: number, out: Uint32Array): number {
  const { words, wh, th } = s;
  const h = heads[d]!;
  const n = words.length;
  const root = h === n - 1;
  const dw = wh[d]!;
  const dt = th[d]!;
  const hw = root ? 1 : (wh[h] ?? 0);
  const ht = root ? 1 : (th[h] ?? 0);
  const dir = d < h ? 1 : 2;
  const dist = Math.abs(h - d);
  const bucket = dist <= 3 ? dist : dist <= 6 ? 4 : 5;
  const kids = children[d] ?? [];
  const hkids = children[h] ?? [];
  const first = kids.length ? kids[0]! : -1;
  let k = 0;
  out[k++] = mix(60); out[k++] = mix(61, dw); out[k++] = mix(62, dt); out[k++] = mix(63, hw); out[k++] = mix(64, ht);
  out[k++] = mix(65, dt, ht); out[k++] = mix(66, dw, ht); out[k++] = mix(67, dt, hw);
  out[k++] = mix(68, dir, bucket); out[k++] = mix(69, dt, ht, dir); out[k++] = mix(70, mix(96, dt, ht), dir, bucket);
  out[k++] = mix(71, dt, th[d - 1] ?? 0); out[k++] = mix(72, dt, th[d + 1] ?? 0); out[k++] = mix(73, ht, th[h - 1] ?? 0); out[k++] = mix(74, ht, th[h + 1] ?? 0);
  out[k++] = mix(75, first >= 0 ? wh[first]! : 0, dt); out[k++] = mix(76, first >= 0 ? th[first]! : 0, dt); out[k++] = mix(77, Math.min(kids.length, 4), dt);
  for (const j of kids) if (k < MAX_FEATURES - 2 && (s.tags[j] === "ADP" || s.tags[j] === "SCONJ" || s.tags[j] === "PART")) out[k++] = mix(78, wh[j]!, dt, ht);
  // "was built": a passive auxiliary on the head makes its subject the one acted on
  let passive = false;
  let by = false;
  for (const j of hkids) {
    if (j < h && PASSIVE_AUX.has(words[j]!) && s.tags[j] === "AUX") passive = true;
    if (words[j] === "by" || (children[j] ?? []).some((x) => words[x] === "by")) by = true;
  }
  out[k++] = mix(79, passive ? 2 : 1, dt, dir);
  if (by) out[k++] = mix(80, dt, dir);
  return k;
}

/** The same as a fresh array, for training. */
export function labelFeatures(s: ParseState, heads: Int32Array, children: number[][], d: number): number[] {
  const out = new Uint32Array(MAX_FEATURES);
  return Array.from(out.subarray(0, writeLabelFeatures(s, heads, children, d, out)));
}
