/**
 * The abstainer's raw score → the probability that the answer is right, by the isotonic map fitted
 * on held-out questions (scripts/train/fit.py): linear between its points, flat beyond them.
 */
export interface Calibration {
  x: number[];
  y: number[];
}

export function calibrate(c: Calibration, raw: number): number {
  const { x, y } = c;
  if (!x.length) return raw;
  if (raw <= x[0]!) return y[0]!;
  if (raw >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= raw) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  return span > 0 ? y[lo]! + ((raw - x[lo]!) / span) * (y[hi]! - y[lo]!) : y[hi]!;
}
