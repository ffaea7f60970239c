/**
 * Date mentions: chrono-node for calendar and relative expressions (resolved against the
 * article's publication date), plus bare years, decades and centuries, which chrono ignores.
 */
import type * as Chrono from "chrono-node";
import { lazy, require } from "../lazy-require.js";

const chrono = lazy<typeof Chrono>(() => require("chrono-node"));
import { spanText, tokenRange } from "./spans.js";
import type { DateMention, DatePrecision, Token } from "../types.js";

const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
/** chrono also reads clock times and "one second later"; only calendar-like text counts here */
const CALENDAR_WORD = new RegExp(`\\b(?:${MONTH}|${WEEKDAY}|yesterday|today|tomorrow|ago|\\d{4}|(?:last|next|this|previous|coming)\\s+(?:year|month|week))\\b`, "i");
/** "last week", "this week": a span of days, not one day */
const WEEK = /\bweek\b/i;
const CAPITALISED_MAY = /\bMay\b/;
const LEADING = /^(?:on|in|at|since|during|by|from|until|till|of)\s+/i;
const DEEP_TIME = /\b(?:\d[\d,.]*\s+(?:(?:thousand|million|billion)\s+)?years?\s+ago|\d[\d,]*\s*(?:BP|BCE|BC)|(?:AD|CE)\s+\d{1,4})\b/g;
const BARE_YEAR = /\b(?:(?:the\s+)?(?:(?:early|mid|late)[- ]|(?:spring|summer|autumn|fall|winter)\s+of\s+))?(\d{1,2}(?:st|nd|rd|th)\s+century|(?:1[0-9]|20)\d0s|(?:1[0-9]|20)\d{2}(?:\s*[-–]\s*\d{2,4})?)\b/g;

/** words that put a date after the story's own: "will reopen in March", "until Monday", "next June" */
const FUTURE = /\b(?:will|would|shall|next|until|till|due|plans?|planned|expected|scheduled|upcoming|coming)\b/i;
/** how far past the story's date a month or day named without its year may fall before it is taken for the year before */
const AHEAD_DAYS = 45;

/**
 * A month or day named without its year ("in March") is the latest one before the story, unless
 * the sentence speaks of what is to come: chrono may pick the next one ("March" → March 2024 in a
 * story of September 2023 about an inspection that "had passed … in March").
 */
function yearResolved(d: Date, published: Date, text: string): Date {
  if (d.getTime() - published.getTime() <= AHEAD_DAYS * 86_400_000 || FUTURE.test(text)) return d;
  const earlier = new Date(d);
  earlier.setUTCFullYear(d.getUTCFullYear() - 1);
  return earlier;
}

/** words that leave a past-tense clause's time open: "hoped to hold the fire once the winds eased on Tuesday" */
const UNSETTLED = /\b(?:once|if|unless|hope[sd]?|hoping|expect(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?|intend(?:s|ed)?|could|might|should)\b/i;
const PRESENT_FORMS = new Set(["is", "are", "am", "be", "been", "being", "has", "'s", "’s", "'re", "’re", "'m", "’m"]);

/** "was", "had", "declared", "took", "was taken": a verb form that reports something done. */
function isPastForm(t: Token): boolean {
  if (t.pos !== "VERB" && t.pos !== "AUX") return false;
  const w = t.text.toLowerCase();
  if (w === "was" || w === "were" || w === "had" || w === "did") return true;
  return w !== t.lemma.toLowerCase() && !PRESENT_FORMS.has(w) && !/(?:s|ing)$/.test(w);
}

/**
 * The words of the clause a date stands in (between commas, semicolons or the sentence's ends),
 * or of the clause after it when its own has no verb ("On Monday, officials said …").
 */
function clauseAround(tokens: Token[], start: number, end: number): Token[] {
  const cut = (t: Token) => t.text === "," || t.text === ";";
  let a = start;
  while (a > 0 && !cut(tokens[a - 1]!)) a--;
  let b = end;
  while (b < tokens.length && !cut(tokens[b]!)) b++;
  const own = tokens.slice(a, b);
  if (own.some((t) => t.pos === "VERB" || t.pos === "AUX") || b >= tokens.length) return own;
  let c = b + 1;
  while (c < tokens.length && !cut(tokens[c]!)) c++;
  return tokens.slice(b + 1, c);
}

/**
 * A bare weekday as the story means it. chrono-node takes the nearest such day, up to three days
 * ahead ("on Monday" in a Friday story is the Monday after it); but a clause that reports
 * something done ("was taken to hospital on Monday", "declared mourning on Wednesday") means one
 * on or before the latest day the article carries (its "Updated" line's, else its own), and a
 * clause that looks ahead one on or after the story's: "schools will stay closed until Monday",
 * "the council will vote on Friday".
 */
function weekdayResolved(d: Date, published: Date, latest: Date, before: string, clause: Token[]): Date {
  const week = 7 * 86_400_000;
  const sentenceClause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(".")) + 1);
  // "On Monday, the council will vote": the clause after a date that opens the sentence counts too
  const willDo = clause.some((t) => /^(?:will|shall|'ll|’ll)$/i.test(t.text));
  if (/\b(?:until|till)\s*$/i.test(before) || /\b(?:will|shall|would)\b/i.test(sentenceClause) || willDo) return d.getTime() < published.getTime() ? new Date(d.getTime() + week) : d;
  const words = clause.map((t) => t.text).join(" ");
  // "may" in lower case only: "May" is as often the month
  const open = UNSETTLED.test(words) || FUTURE.test(words) || clause.some((t) => t.text === "may");
  if (d.getTime() > latest.getTime() && clause.some(isPastForm) && !open) return new Date(d.getTime() - week);
  return d;
}

function iso(d: Date, precision: DatePrecision): string {
  const s = d.toISOString();
  return precision === "day" ? s.slice(0, 10) : precision === "month" ? s.slice(0, 7) : s.slice(0, 4);
}

/** The calendar date of a chrono result, a year-less month or bare weekday placed as the story means it. */
function resolvedDate(c: Chrono.ParsedComponents, published: Date | null, latest: Date | null, text: string, at: number, clause: () => Token[]): Date {
  if (!published || c.isCertain("year")) return c.date();
  const bareWeekday = c.isCertain("weekday") && !c.isCertain("day") && !c.isCertain("month");
  // the clause's words are read only for a bare weekday
  return bareWeekday ? weekdayResolved(c.date(), published, latest ?? published, text.slice(0, at), clause()) : yearResolved(c.date(), published, text);
}

/**
 * Finds the date mentions of one sentence. `published` anchors relative dates; without it they stay
 * unresolved. `latest` is the latest day the article carries (by default `published`).
 */
export function findDates(text: string, tokens: Token[], sentence: number, published: Date | null, latest: Date | null = published): DateMention[] {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const results = chrono().parse(text, { instant: published ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    let phrase = r.text.replace(/[\s,.;:]+$/, "");
    let from = r.index;
    const lead = LEADING.exec(phrase);
    if (lead) {
      from += lead[0].length;
      phrase = phrase.slice(lead[0].length);
    }
    if (!CALENDAR_WORD.test(phrase)) continue;
    if (/^may$/i.test(phrase) && !CAPITALISED_MAY.test(phrase)) continue;
    const c = r.start;
    const hasYear = c.isCertain("year");
    const relative = !hasYear || /\bago\b|yesterday|today|tomorrow|last|next|this/i.test(phrase);
    const precision: DatePrecision = WEEK.test(phrase) ? "approximate" : c.isCertain("day") || c.isCertain("weekday") ? "day" : c.isCertain("month") ? "month" : "year";
    const range = tokenRange(tokens, from, from + phrase.length);
    if (!range) continue;
    // a relative date without a publication date to anchor it is a mention with no calendar value
    const resolvable = published !== null || !relative;
    const yearOnly = /\bago\b/i.test(phrase) && precision !== "approximate" ? "year" : precision;
    found.push({
      sentence,
      ...range,
      text: spanText(text, tokens, range.start, range.end),
      iso: resolvable ? iso(resolvedDate(c, published, latest, text, r.index, () => clauseAround(tokens, range.start, range.end)), yearOnly) : null,
      precision: resolvable ? yearOnly : "approximate",
      relative,
    });
    taken.push([from, from + phrase.length]);
  }
  /** Matches of a pattern that no earlier pass has taken, with their token range. */
  function* untaken(pattern: RegExp) {
    for (const m of text.matchAll(pattern)) {
      const from = m.index!;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const range = tokenRange(tokens, from, to);
      if (!range) continue;
      taken.push([from, to]);
      yield { m, range, text: spanText(text, tokens, range.start, range.end) };
    }
  }
  // "66 million years ago", "11,600 BP", "AD 79", "300 BC": times chrono does not read
  for (const { m, range, text: said } of untaken(DEEP_TIME)) {
    found.push({ sentence, ...range, text: said, iso: null, precision: "approximate", relative: /ago/i.test(m[0]) });
  }
  for (const { m, range, text: said } of untaken(BARE_YEAR)) {
    // "2000 people" is a count, not a year
    // ("her 2019 election campaign" is a year: a count takes a plural noun)
    const next = tokens[range.end];
    const plural = !!next && (next.lemma !== next.text.toLowerCase() || /(?:[^s]s|people|men|children)$/i.test(next.text));
    if (next?.pos === "NOUN" && plural && /^\d+$/.test(m[0])) continue;
    const value = m[1]!;
    const year = /^\d{4}/.exec(value)?.[0];
    const century = /^(\d{1,2})/.exec(value)?.[1];
    const approximate = /s$|century/i.test(value) || /early|mid|late|spring|summer|autumn|fall|winter/i.test(m[0]);
    found.push({
      sentence,
      ...range,
      text: said,
      iso: /century/i.test(value) ? String(Number(century) - 1).padStart(2, "0") : (year ?? null),
      precision: approximate ? "approximate" : "year",
      relative: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
