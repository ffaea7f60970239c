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

/** The context of the next move, as hashed feature keys (Honnibal's templates). */
export function moveFeatures(s: ParseState): number[] {
  const { wh: W, th: T, stack, i, n, lefts, rights } = s;
  const depth = stack.length;
  const at = (k: number) => stack[depth - 1 - k] ?? -1;
  const word = (k: number) => (k >= 0 ? W[k]! : 0);
  const tag = (k: number) => (k >= 0 ? T[k]! : 0);
  const s0 = at(0);
  const s1 = at(1);
  const s2 = at(2);
  const ws0 = word(s0), ws1 = word(s1), ws2 = word(s2);
  const ts0 = tag(s0), ts1 = tag(s1), ts2 = tag(s2);
  const buffer = (k: number) => (k < n ? k : -1);
  const wn0 = word(buffer(i)), wn1 = word(buffer(i + 1)), wn2 = word(buffer(i + 2));
  const tn0 = tag(buffer(i)), tn1 = tag(buffer(i + 1)), tn2 = tag(buffer(i + 2));
  const last = (deps: number[][], w: number, back: number) => {
    if (w < 0) return -1;
    const d = deps[w]!;
    return d.length > back ? d[d.length - 1 - back]! : -1;
  };
  const vn0b = lefts[i]!.length;
  const vs0b = s0 >= 0 ? lefts[s0]!.length : 0;
  const vs0f = s0 >= 0 ? rights[s0]!.length : 0;
  const n0b1 = last(lefts, i, 0), n0b2 = last(lefts, i, 1);
  const s0b1 = last(lefts, s0, 0), s0b2 = last(lefts, s0, 1);
  const s0f1 = last(rights, s0, 0), s0f2 = last(rights, s0, 1);
  const d = s0 > 0 ? Math.min(i - s0, 5) : 0;
  const f: number[] = [mix(0)];
  for (const w of [wn0, wn1, wn2, ws0, ws1, ws2, word(n0b1), word(n0b2), word(s0b1), word(s0b2), word(s0f1), word(s0f2)]) if (w) f.push(mix(1, w));
  for (const t of [tn0, tn1, tn2, ts0, ts1, ts2, tag(n0b1), tag(n0b2), tag(s0b1), tag(s0b2), tag(s0f1), tag(s0f2)]) if (t) f.push(mix(2, t));
  const pairs: [number, number][] = [[wn0, tn0], [wn1, tn1], [wn2, tn2], [ws0, ts0]];
  pairs.forEach(([w, t], k) => {
    if (w || t) f.push(mix(3 + k, w, t));
  });
  f.push(mix(10, ws0, wn0), mix(11, wn0, tn0, ws0), mix(12, wn0, tn0, ts0), mix(13, ws0, ts0, wn0));
  f.push(mix(14, ws0, ts0, tn0), mix(15, mix(99, ws0, ts0), wn0, tn0), mix(16, ts0, tn0), mix(17, tn0, tn1));
  const trigrams = [[tn0, tn1, tn2], [ts0, tn0, tn1], [ts0, ts1, tn0], [ts0, tag(s0f1), tn0], [ts0, tn0, tag(n0b1)], [ts0, tag(s0b1), tag(s0b2)], [ts0, tag(s0f1), tag(s0f2)], [tn0, tag(n0b1), tag(n0b2)], [ts0, ts1, ts2]];
  trigrams.forEach(([a, b, c], k) => {
    if (a || b || c) f.push(mix(20 + k, a, b, c));
  });
  const valency: [number, number][] = [[ws0, vs0f], [ws0, vs0b], [wn0, vn0b], [ts0, vs0f], [ts0, vs0b], [tn0, vn0b], [ws0, d], [wn0, d], [ts0, d], [tn0, d], [mix(98, tn0, ts0), d], [mix(97, wn0, ws0), d]];
  valency.forEach(([wt, v], k) => {
    if (wt || v) f.push(mix(40 + k, wt, v + 1));
  });
  return f;
}

const PASSIVE_AUX = new Set(["was", "were", "been", "being", "is", "are", "be", "am", "'s", "get", "got", "gets"]);

/** The context of one arc, for its label: the dependent d, its head h (n - 1 is the root). */
export function labelFeatures(s: ParseState, heads: Int32Array, children: number[][], d: number): number[] {
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
  const f = [
    mix(60), mix(61, dw), mix(62, dt), mix(63, hw), mix(64, ht), mix(65, dt, ht), mix(66, dw, ht), mix(67, dt, hw),
    mix(68, dir, bucket), mix(69, dt, ht, dir), mix(70, mix(96, dt, ht), dir, bucket),
    mix(71, dt, th[d - 1] ?? 0), mix(72, dt, th[d + 1] ?? 0), mix(73, ht, th[h - 1] ?? 0), mix(74, ht, th[h + 1] ?? 0),
    mix(75, first >= 0 ? wh[first]! : 0, dt), mix(76, first >= 0 ? th[first]! : 0, dt), mix(77, Math.min(kids.length, 4), dt),
  ];
  for (const k of kids) if (s.tags[k] === "ADP" || s.tags[k] === "SCONJ" || s.tags[k] === "PART") f.push(mix(78, wh[k]!, dt, ht));
  // "was built": a passive auxiliary on the head makes its subject the one acted on
  const passive = hkids.some((k) => k < h && PASSIVE_AUX.has(words[k]!) && s.tags[k] === "AUX");
  f.push(mix(79, passive ? 2 : 1, dt, dir));
  if (hkids.some((k) => words[k] === "by" || (children[k] ?? []).some((j) => words[j] === "by"))) f.push(mix(80, dt, dir));
  return f;
}
