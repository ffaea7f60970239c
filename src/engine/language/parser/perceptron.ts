/**
 * An averaged perceptron over hashed string features (Collins 2002; the form Honnibal's "Parsing
 * English in 500 lines of Python" uses): a weight vector per class for each feature, and at the end
 * of training the average of every weight over all updates, which generalises far better than the
 * last weights. Training keeps Maps; a trained model is frozen into typed arrays (about 2 MB),
 * which is all a parse needs.
 */

/** FNV-1a: a feature string → a 32-bit key (0 is kept for empty slots). */
export function featureKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

export class Perceptron {
  readonly classes: number;
  private readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(classes: number) {
    this.classes = classes;
  }

  score(features: readonly number[], into: Float64Array = new Float64Array(this.classes)): Float64Array {
    into.fill(0);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let c = 0; c < this.classes; c++) into[c]! += w[c]!;
    }
    return into;
  }

  /** One training example: reward the truth, punish the guess. */
  update(truth: number, guess: number, features: readonly number[]): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      let w = this.weights.get(f);
      if (!w) {
        w = new Float64Array(this.classes);
        this.weights.set(f, w);
        this.totals.set(f, new Float64Array(this.classes));
        this.stamps.set(f, new Float64Array(this.classes));
      }
      const total = this.totals.get(f)!;
      const stamp = this.stamps.get(f)!;
      for (const [c, delta] of [[truth, 1], [guess, -1]] as const) {
        total[c]! += (this.instances - stamp[c]!) * w[c]!;
        stamp[c] = this.instances;
        w[c]! += delta;
      }
    }
  }

  /** The averaged weights, dropping features whose every weight stays below `minWeight`. */
  freeze(minWeight = 0): FrozenPerceptron {
    const kept: [number, Float32Array][] = [];
    for (const [f, w] of this.weights) {
      const total = this.totals.get(f)!;
      const stamp = this.stamps.get(f)!;
      const avg = new Float32Array(this.classes);
      let big = false;
      for (let c = 0; c < this.classes; c++) {
        avg[c] = (total[c]! + (this.instances - stamp[c]!) * w[c]!) / this.instances;
        if (Math.abs(avg[c]!) > minWeight) big = true;
      }
      if (big) kept.push([f, avg]);
    }
    return FrozenPerceptron.from(this.classes, kept);
  }
}

/** At most half full: a missed key, which most features are, ends at an empty slot in a probe or two. */
export const tableSize = (keys: number) => {
  let size = 1;
  while (size < keys * 2) size <<= 1;
  return size;
};

function slotsFor(keys: Uint32Array): Int32Array {
  const slots = new Int32Array(tableSize(keys.length)).fill(-1);
  const mask = slots.length - 1;
  for (let row = 0; row < keys.length; row++) {
    let slot = keys[row]! & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = row;
  }
  return slots;
}

/**
 * The trained weights, quantised to int8 with one scale per table (measured: no loss of attachment
 * accuracy), behind an open-addressing hash table of their keys. The parser's file stores that
 * table too: building it for 190,000 keys scattered over 2.3 MB took ~10 ms of a cold start.
 */
export class FrozenPerceptron {
  /** for each slot the row whose key is there, -1 for none; a key's first slot is key & (length - 1) */
  readonly slots: Int32Array;

  constructor(
    readonly classes: number,
    /** the features' keys, one a row */
    readonly keys: Uint32Array,
    /** `classes` weights a row, times `scale` */
    readonly weights: Int8Array,
    readonly scale: number,
    /** the table slotsFor built for these keys, when stored with them */
    slots?: Int32Array,
  ) {
    if (weights.length !== keys.length * classes) throw new Error("malformed weight table");
    // a lookup ends at an empty slot, so there must be one; a slot naming another key's row is only a miss
    if (slots && (slots.length !== tableSize(keys.length) || !slots.includes(-1))) throw new Error("malformed slot table");
    this.slots = slots ?? slotsFor(keys);
  }

  static from(classes: number, entries: readonly [number, Float32Array][]): FrozenPerceptron {
    let max = 0;
    for (const [, w] of entries) for (const x of w) max = Math.max(max, Math.abs(x));
    const scale = max > 0 ? max / 127 : 1;
    const keys = new Uint32Array(entries.length);
    const weights = new Int8Array(entries.length * classes);
    entries.forEach(([f, w], row) => {
      keys[row] = f;
      for (let c = 0; c < classes; c++) weights[row * classes + c] = Math.round(w[c]! / scale);
    });
    return new FrozenPerceptron(classes, keys, weights, scale);
  }

  /** The classes' scores for the first `count` keys of `features` (all of them by default). */
  score(features: ArrayLike<number>, into: Float64Array = new Float64Array(this.classes), count = features.length): Float64Array {
    into.fill(0);
    const mask = this.slots.length - 1;
    for (let k = 0; k < count; k++) {
      const f = features[k]!;
      let slot = f & mask;
      let row = this.slots[slot]!;
      while (row !== -1 && this.keys[row] !== f) {
        slot = (slot + 1) & mask;
        row = this.slots[slot]!;
      }
      if (row === -1) continue;
      const at = row * this.classes;
      for (let c = 0; c < this.classes; c++) into[c]! += this.weights[at + c]!;
    }
    for (let c = 0; c < this.classes; c++) into[c]! *= this.scale;
    return into;
  }

  get features(): number {
    return this.keys.length;
  }
}
