/**
 * ISO dates as a reader writes them: "2020-10-19" → "19 Oct 2020", "1950-06" → "Jun 1950", and a
 * century (ISO 8601's two digits, "18" for 1800–1899) as the story says it: "19th century".
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatIso(iso: string): string {
  const [y, m, d] = iso.split("-");
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  if (y!.length === 2) return `${ordinal(Number(y) + 1)} century`;
  return y!;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}
