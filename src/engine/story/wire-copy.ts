/**
 * The conventions of wire and newspaper copy around a story's text, by their general form: photo
 * captions ("… Photo: Name / Agency", "… (Reuters)", "(AP Photo/Name)"), reporting credits
 * ("(Reporting by …; Editing by …)", "… contributed to this report."), date lines ("Updated
 * March 8, 2023, 6:45 AM GMT", "April 28, 2019 at 6:01 am Updated …"), and copyright lines, which
 * give the year a dateline leaves out.
 */
import type * as Chrono from "chrono-node";
import { lazy, require } from "../lazy-require.js";

const chrono = lazy<typeof Chrono>(() => require("chrono-node"));

/** News and photo agencies whose name in brackets closes a caption ("… in Brena. (Reuters)"). */
const AGENCY = String.raw`(?:Reuters|AP|AFP|EPA|EPA-EFE|Xinhua|Yonhap|Kyodo|ANSA|dpa|DPA|PA|PA Wire|Bloomberg|UPI|TASS|Anadolu|Getty Images|Shutterstock|Alamy|Sipa|Zuma|ZUMA)`;
const PHOTO_WORD = String.raw`(?:Photo(?:graph)?s?|Pictures?|Image|Illustration|Video|Credit|Source|Footage)`;
/** "… Photo: Ana Brill / Reuters", "… Photograph: Getty Images", "… Image credit: AFP" at the end of a block. */
const TRAILING_CREDIT = new RegExp(String.raw`(?:^|[.!?"”’)]\s+|\s[-—–|]\s+|\s)${PHOTO_WORD}(?:\s+credits?)?\s*:\s*[^.!?:]{2,90}$`, "iu");
/** "… (Reuters)", "… (AP Photo/Evan Vucci)", "(Photo by X/AFP via Getty Images)", "(Ana Brill/Reuters)" at the end. */
const TRAILING_AGENCY = new RegExp(String.raw`\((?:${AGENCY}(?:\s+Photo)?(?:\s*\/\s*[^()]{2,60})?|[^()]{0,60}\b(?:Photo|Photograph|Pictures?|Image)\b[^()]{0,60}|[^()]{2,60}\s*\/\s*${AGENCY}(?:\s+via\s+Getty\s+Images)?|[^()]{0,60}\bvia\s+Getty\s+Images)\)$`, "u");
/** "Reuters photo", "File photo: …", "PHOTO: …" opening a caption. */
const LEADING_CREDIT = new RegExp(String.raw`^(?:file\s+)?${PHOTO_WORD}(?:\s+(?:credit|courtesy|by))?\s*(?::|—|–|-|\bof\b|\bcourtesy\b|\bby\b)`, "iu");

/** A photo caption or picture credit: never a paragraph of the story. */
export function isCaption(block: string): boolean {
  const text = block.trim();
  if (text.length > 500) return false;
  return TRAILING_CREDIT.test(text) || TRAILING_AGENCY.test(text) || (text.length < 200 && LEADING_CREDIT.test(text));
}

/** "(Reporting by …; editing by …)", "Additional reporting by …", "Compiled by …", "… contributed to this report." */
const REPORTING = /^[(\[]?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|edited|translated|contributing|research)(?:\s+by)?\b[\s\S]{0,300}$/i;
const CONTRIBUTED = /\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)(?:ing)?\b[^.]{0,40}\.?\)?$/i;

export function isCredit(block: string): boolean {
  const text = block.trim();
  if (text.length > 400) return false;
  // a credit names people and ends the story; it is not prose, though it may close with a bracket or full stop
  return (REPORTING.test(text) && /\bby\b|:/i.test(text)) || CONTRIBUTED.test(text);
}

export interface Credits {
  /** who reported, wrote or contributed: "Heba Habib" of "Heba Habib contributed to this report." */
  reporting: string[];
  /** who edited: "Kim Coghill" of "(Reporting by …; Editing by Kim Coghill)" */
  editing: string[];
}

const CREDIT_PART = /^(?:additional\s+)?(reporting|writing|compiled|produced|research|contributing|editing|edited)\s+by\s+(.+)$/i;

/** Who a credit line names, by part of the work; none when it is no credit. */
export function creditsOf(block: string): Credits {
  const out: Credits = { reporting: [], editing: [] };
  if (!isCredit(block)) return out;
  const text = block.trim().replace(/^[(\[]\s*|\s*[)\]]?\.?$/g, "");
  const contributed = /^(.+?)\s+contributed\b/i.exec(text);
  if (contributed) out.reporting.push(contributed[1]!);
  for (const part of text.split(/\s*;\s*/)) {
    const m = CREDIT_PART.exec(part);
    // "Reporting by Ana Brill in Tessaro": where they filed from is not who they are
    if (m) (/^edit/i.test(m[1]!) ? out.editing : out.reporting).push(m[2]!.replace(/\s+in\s+\p{Lu}[^,;]*$/u, "").trim());
  }
  return out;
}

export interface DateLine {
  /** ISO day of the first full date on the line (the publication), when it has a year */
  date: string | null;
  year: number | null;
}

const DATE_LINE_LEAD = /^(?:(?:last\s+)?updated|published|posted|first\s+published|modified|filed|updated\s+on|published\s+on)\b\s*(?:on|at)?\s*:?\s*/i;
const DATE_START = /^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b)/i;
const LEFTOVER = /^[\s,.;:|·•–—-]*(?:(?:(?:last\s+)?updated|published|posted|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[a-z]{2,4}t|[+-]\d{2}:?\d{2}|\d{1,2}[:.]\d{2}(?::\d{2})?)[\s,.;:|·•–—-]*)*$/i;

/**
 * A line that only dates the article ("Updated March 8, 2023, 6:45 AM GMT", "Published 14 Sep
 * 2023", "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"), or null.
 */
export function parseDateLine(block: string): DateLine | null {
  const text = block.trim();
  if (text.length > 140 || /[.!?]["”’]?$/.test(text.replace(/\b(?:a\.m|p\.m)\.$/i, ""))) return null;
  const lead = DATE_LINE_LEAD.exec(text);
  // a date line opens with "Updated"/"Published" or with the date itself: spare chrono every other block
  if (!lead && !DATE_START.test(text)) return null;
  const results = chrono().parse(text, new Date(Date.UTC(2000, 0, 1, 12)));
  if (results.length === 0) return null;
  // everything that is not a date, a time or the words "Updated"/"Published" means it is prose
  let rest = text;
  for (const r of [...results].sort((a, b) => b.index - a.index)) rest = rest.slice(0, r.index) + " " + rest.slice(r.index + r.text.length);
  if (!LEFTOVER.test(rest)) return null;
  if (!lead && results[0]!.index > 0) return null;
  const first = results.find((r) => r.start.isCertain("month") && r.start.isCertain("day")) ?? null;
  const year = results.map((r) => (r.start.isCertain("year") ? r.start.get("year") : null)).find((y) => y !== null) ?? null;
  const date = first && first.start.isCertain("year") ? isoOf(first.start.get("year")!, first.start.get("month")!, first.start.get("day")!) : null;
  return { date, year: year ?? null };
}

/** "© 2023 The Coastal Ledger", "Copyright 2023 Reuters": the year of publication, or null. */
export function copyrightYear(block: string): number | null {
  const m = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?((?:19|20)\d{2})\b/i.exec(block.trim());
  return m ? Number(m[1]) : null;
}

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The year of a dateline's "March 7" given a date the article is known by (its "Updated" line, its
 * page's date): that year, unless the day would then fall after it, when it is the year before
 * (a story dated Dec 31 and updated on Jan 1).
 */
export function yearFor(month: number, day: number, known: { date: string | null; year: number | null }): number | null {
  if (known.date) {
    const year = Number(known.date.slice(0, 4));
    return isoOf(year, month, day) <= known.date ? year : year - 1;
  }
  return known.year;
}
