/**
 * The layout of an article, whatever format it came in: the headline, the byline, the dateline,
 * the body paragraphs (¶1 is the dateline paragraph) and what is set aside (photo captions and
 * credits, reporting credits, date lines, share buttons, promos, subheads). It also settles the
 * publication date: the file's or page's own, else the dateline's (its year, when it prints none,
 * from a date line, the page or a copyright line), else a date line's. No language analysis here.
 */
import { isBoilerplate } from "./boilerplate.js";
import { parseByline } from "./byline.js";
import { parseDateline, type Dateline } from "./dateline.js";
import type { ArticleDraft } from "./draft.js";
import type { FrontMatter } from "./front-matter.js";
import { StoryFormatError } from "./front-matter.js";
import { isoDay } from "./page-metadata.js";
import { copyrightYear, isCaption, isCredit, isoOf, parseDateLine, yearFor, type DateLine } from "./wire-copy.js";

export interface ArticleLayout {
  meta: FrontMatter;
  /** the headline: the metadata's, else the text's first short line */
  title: string | null;
  byline: { text: string; author: string } | null;
  dateline: Dateline | null;
  /** ISO day of publication, or null when nothing dates the article */
  published: string | null;
  /**
   * The latest day the article carries (an "Updated" line a day after the dateline's date), or
   * `published`: what it reports as done happened by then
   */
  latest: string | null;
  /** body paragraphs, the dateline taken off the first */
  paragraphs: string[];
  /** lines kept out of the story: captions, credits, date lines, share buttons, promos, subheads */
  boilerplate: string[];
  /** what the article lacks that a reader (and `storybot stories`) should know */
  missing: string[];
}

/** A headline is a single short line without sentence punctuation at the end. */
function looksLikeTitle(block: string): boolean {
  return block.length <= 200 && !/[.!?]["”’]?$/.test(block) && block.split(/\s+/).length >= 2;
}

/** How far down a dateline may stand: below a standfirst or a kicker, never deep in the story. */
const DATELINE_WITHIN = 3;

/**
 * The first of the opening paragraphs that opens with a dateline. Below the first, only a dateline
 * that is unmistakably one counts ("CITY (Agency) -", "CITY, March 7 -", "CITY —"), not a
 * sentence that happens to open with an upper-case word and a comma.
 */
function findDateline(body: string[]): { at: number; dateline: Dateline } | null {
  for (let at = 0; at < Math.min(DATELINE_WITHIN, body.length); at++) {
    const dateline = parseDateline(body[at]!);
    if (!dateline) continue;
    if (at === 0 || dateline.dateText || /[—–]|\s-\s|--|\(/.test(dateline.raw)) return { at, dateline };
  }
  return null;
}

export function layoutOf(draft: ArticleDraft): ArticleLayout {
  const { meta, blocks } = draft;
  if (blocks.length === 0) throw new StoryFormatError("the article is empty");
  let title = meta.title ?? null;
  let byline: ArticleLayout["byline"] = null;
  const boilerplate: string[] = [];
  const body: string[] = [];
  const dateLines: DateLine[] = [];
  let copyright: number | null = null;
  for (const [i, block] of blocks.entries()) {
    const text = block.text;
    if (i === 0 && draft.titleInText && blocks.length > 1 && (block.kind === "heading" || looksLikeTitle(text))) {
      title ??= text;
      continue;
    }
    if (block.kind === "heading" || block.kind === "link" || block.kind === "caption") {
      // a subhead, a link to another article, a picture's caption: not a paragraph to cite
      boilerplate.push(text);
      continue;
    }
    // a byline stands above the story's first paragraph
    const author: string | null = body.length === 0 && !byline ? parseByline(text) : null;
    const dateLine = author ? null : parseDateLine(text);
    if (author) byline = { text, author };
    else if (dateLine) {
      dateLines.push(dateLine);
      boilerplate.push(text);
    } else if (isCaption(text) || isCredit(text) || isBoilerplate(text, block.kind === "item")) {
      copyright ??= copyrightYear(text);
      boilerplate.push(text);
    } else body.push(text);
  }
  if (body.length === 0) throw new StoryFormatError("no article text found (only a title or boilerplate)");

  const found = findDateline(body);
  let dateline: Dateline | null = null;
  if (found) {
    // what stands above the dateline (a standfirst, a kicker) is not the story's first paragraph
    boilerplate.push(...body.splice(0, found.at));
    dateline = found.dateline;
    body[0] = body[0]!.slice(dateline.raw.length);
  }
  const stated = isoDay(meta.published ?? null);
  const dated = dateLines.find((d) => d.date)?.date ?? null;
  if (dateline && !dateline.date && dateline.monthDay) {
    const known = { date: stated ?? dated, year: dateLines.find((d) => d.year)?.year ?? copyright };
    const year = yearFor(dateline.monthDay.month, dateline.monthDay.day, known);
    if (year) dateline = { ...dateline, date: isoOf(year, dateline.monthDay.month, dateline.monthDay.day) };
  }
  const published = meta.published ? stated : (dateline?.date ?? dated);
  const days = [published, stated, ...dateLines.map((d) => d.date)].filter((d): d is string => !!d && !!published && d >= published);
  const latest = days.sort().at(-1) ?? published;
  const layout = { meta, title, byline, dateline, published, latest, paragraphs: body, boilerplate, missing: [] as string[] };
  layout.missing = missingOf(layout, draft.titleInText);
  return layout;
}

/** What the story lacks, each with what would supply it. */
function missingOf(layout: Omit<ArticleLayout, "missing">, fromText: boolean): string[] {
  const missing: string[] = [];
  // a page cannot take front matter; a text or Markdown file can
  const add = (field: string) => (fromText ? `: add \`${field}:\` front matter` : "");
  if (layout.published === null) {
    const d = layout.dateline;
    missing.push(d?.monthDay ? `no year for the dateline's date "${d.dateText}"${add("published")}` : d?.dateText ? `the dateline's date "${d.dateText}" could not be read${add("published")}` : `no date found${add("published")}`);
  }
  if (!layout.title) missing.push(`no headline found${add("title")}`);
  return missing;
}
