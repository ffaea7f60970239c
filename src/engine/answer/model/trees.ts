/**
 * A gradient-boosted tree ensemble, evaluated: the sum of each tree's leaf for a feature vector.
 * Trees come from LightGBM (scripts/train/fit.py flattens them): internal node i splits on feature
 * f[i] (left when the value is <= t[i]); a child index below zero is the leaf ~index. Feature
 * values are float32, as the learner saw them.
 *
 * Answering scores every candidate with every tree, so the ensemble is packed into one set of
 * typed arrays (all trees' nodes side by side) and each threshold is stored as the largest float32
 * not above it, which keeps `x <= t` exact while comparing float32 with float32.
 */
export interface Tree {
  f: number[];
  t: number[];
  l: number[];
  r: number[];
  v: number[];
}

export interface Ensemble {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float32Array;
  /** children: a node index, or ~leaf for a leaf */
  left: Int32Array;
  right: Int32Array;
  leaves: Float64Array;
}

/** The largest float32 that is not above t: for a float32 x, x <= t exactly when x <= it. */
function float32AtMost(t: number): number {
  if (!Number.isFinite(t)) return t;
  const f = Math.fround(t);
  if (f <= t) return f;
  // one float32 step down
  const buffer = new Float32Array([f]);
  const bits = new Int32Array(buffer.buffer);
  bits[0] = f > 0 ? bits[0]! - 1 : f === 0 ? -2147483647 : bits[0]! + 1;
  return buffer[0]!;
}

export function pack(trees: readonly Tree[]): Ensemble {
  const nodes = trees.reduce((n, t) => n + t.f.length, 0);
  const leafCount = trees.reduce((n, t) => n + t.v.length, 0);
  const e: Ensemble = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(nodes),
    threshold: new Float32Array(nodes),
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    leaves: new Float64Array(leafCount),
  };
  let node = 0;
  let leaf = 0;
  trees.forEach((t, k) => {
    e.roots[k] = node;
    const child = (c: number) => (c >= 0 ? node + c : ~(leaf + ~c));
    for (let i = 0; i < t.f.length; i++) {
      e.feature[node + i] = t.f[i]!;
      e.threshold[node + i] = float32AtMost(t.t[i]!);
      e.left[node + i] = child(t.l[i]!);
      e.right[node + i] = child(t.r[i]!);
    }
    e.leaves.set(t.v, leaf);
    node += t.f.length;
    leaf += t.v.length;
  });
  return e;
}

/** The sum of trees [from, to) for x: all of them by default. */
export function evaluate(e: Ensemble, x: Float32Array, from = 0, to = e.roots.length): number {
  const { roots, feature, threshold, left, right, leaves } = e;
  let sum = 0;
  for (let k = from; k < to; k++) {
    let node = roots[k]!;
    while (node >= 0) node = x[feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
    sum += leaves[~node]!;
  }
  return sum;
}
