/** Ordering ISO dates of mixed precision ("2012", "1950-06", "2020-10-19", a span "1950-06/1953-07", a century "19"). */

/** Earliest and latest instant the date can mean, in ms since the epoch. */
export function dateBounds(iso: string): [number, number] {
  const [from, to = from] = iso.split("/") as [string, string?];
  const start = (s: string): number => {
    if (/^\d{2}$/.test(s)) return Date.UTC(Number(s) * 100, 0, 1);
    const [y, m = "01", d = "01"] = s.split("-");
    return Date.UTC(Number(y), Number(m) - 1, Number(d));
  };
  const end = (s: string): number => {
    if (/^\d{2}$/.test(s)) return Date.UTC(Number(s) * 100 + 100, 0, 1) - 1;
    const [y, m, d] = s.split("-").map(Number);
    if (d) return Date.UTC(y!, m! - 1, d + 1) - 1;
    if (m) return Date.UTC(y!, m, 1) - 1;
    return Date.UTC(y! + 1, 0, 1) - 1;
  };
  return [start(from), end(to)];
}

/**
 * By the middle of each date's span: "1950" (any time that year) sorts after "June 1950", and a
 * span after its start. Ties keep story order.
 */
export function chronological(a: { date: string; sentence: number }, b: { date: string; sentence: number }): number {
  return dateMiddle(a.date) - dateMiddle(b.date) || a.sentence - b.sentence;
}

export function dateMiddle(iso: string): number {
  const [start, end] = dateBounds(iso);
  return (start + end) / 2;
}
