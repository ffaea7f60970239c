/**
 * The dateline that opens a wire or newspaper story: "PYONGYANG, Oct 22, 2020, The Korea Herald.",
 * "WASHINGTON (AP) —", "SEOUL, Oct. 22 (Yonhap) --". It gives place, date and source.
 */
import type * as Chrono from "chrono-node";
import { lazy, require } from "../lazy-require.js";

const chrono = lazy<typeof Chrono>(() => require("chrono-node"));

export interface Dateline {
  /** the prefix removed from the first paragraph */
  raw: string;
  place: string;
  date: string | null;
  /** the date as printed */
  dateText: string | null;
  /** month and day of a date printed without its year ("March 7"): the year comes from elsewhere */
  monthDay: { month: number; day: number } | null;
  source: string | null;
}

// "ISTANBUL/ANKARA" names two places filed from at once
const PLACE = String.raw`\p{Lu}[\p{Lu}.'’\-/ ]{1,40}?(?:,\s*\p{Lu}[\p{L}.]{1,20}(?:\s\p{Lu}[\p{L}.]{1,20})?)?`;
const HEAD = new RegExp(String.raw`^(${PLACE})(?=\s*(?:,|\(|—|–|--|-\s))`, "u");
const TAIL = /^(.*?)(?:\s*(?:—|–|--|-)\s+|\.\s+(?=[A-Z“"‘']))/;

export function parseDateline(paragraph: string): Dateline | null {
  const head = HEAD.exec(paragraph);
  if (!head) return null;
  const place = head[1]!.trim();
  // an all-caps word that is really the first word of a sentence ("THE ...") is not a place
  if (!/\p{Lu}{3,}/u.test(place) || place.split(/\s+/).length > 5) return null;
  const rest = paragraph.slice(head[0].length);
  const tail = TAIL.exec(rest);
  if (!tail || tail[0].length > 120) return null;
  const middle = tail[1]!.replace(/^[\s,]+/, "");
  const parsed = chrono().parse(middle, new Date(Date.UTC(2000, 0, 1, 12)))[0];
  let date: string | null = null;
  let dateText: string | null = null;
  let monthDay: Dateline["monthDay"] = null;
  let source = middle;
  if (parsed && parsed.start.isCertain("month")) {
    const d = parsed.start;
    const year = d.isCertain("year") ? d.get("year") : null;
    date = year ? `${year}-${String(d.get("month")).padStart(2, "0")}-${String(d.get("day")).padStart(2, "0")}` : null;
    if (!year && d.isCertain("day")) monthDay = { month: d.get("month")!, day: d.get("day")! };
    dateText = parsed.text.trim();
    source = middle.slice(0, parsed.index) + middle.slice(parsed.index + parsed.text.length);
  }
  source = source.replace(/[()]/g, " ").replace(/^[\s,.]+|[\s,.]+$/g, "").replace(/\s+/g, " ");
  return { raw: head[0] + tail[0], place: titleCase(place), date, dateText, monthDay, source: source || null };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’./])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
