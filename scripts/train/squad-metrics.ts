/**
 * SQuAD's answer metrics (v1.1 official normalisation: lower case, no punctuation, no articles),
 * and the hit rule of the project's scorer: the short answer holds every word of a gold answer.
 */
export function squadTokens(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

export function f1(prediction: string, gold: string): number {
  const p = squadTokens(prediction);
  const g = squadTokens(gold);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      same++;
      counts.set(t, n - 1);
    }
  }
  if (!same) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export function bestF1(prediction: string, golds: readonly string[]): number {
  let best = 0;
  for (const g of golds) best = Math.max(best, f1(prediction, g));
  return best;
}

export function exactMatch(prediction: string, golds: readonly string[]): boolean {
  const p = squadTokens(prediction).join(" ");
  return golds.some((g) => squadTokens(g).join(" ") === p);
}
