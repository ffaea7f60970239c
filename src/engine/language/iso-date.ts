/** ISO dates as a reader writes them: "2020-10-19" → "19 Oct 2020", "1950-06" → "Jun 1950". */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatIso(iso: string): string {
  const [y, m, d] = iso.split("-");
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y!;
}
