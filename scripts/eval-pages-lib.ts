/** The measure behind `npm run eval:pages` and test/news-pages.test.ts (see scripts/eval-pages.ts). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { readHtml } from "../src/engine/index.js";

export interface PageResult {
  page: string;
  title: { expected: string | null; found: string | null; ok: boolean };
  byline: { expected: string | null; found: string | null; ok: boolean | null };
  date: { expected: string | null; found: string | null; ok: boolean | null };
  expectedParagraphs: number;
  present: number;
  /** every <p>/<li> block of the reference, teasers and subheads included, and how many the story has */
  allBlocks: number;
  allPresent: number;
  storyParagraphs: number;
  extra: number;
  missing: string[];
  extraLines: string[];
}

export interface PagesReport {
  pages: PageResult[];
  expectedParagraphs: number;
  present: number;
  storyParagraphs: number;
  extra: number;
  presentShare: number;
  extraShare: number;
  allBlocks: number;
  allPresent: number;
}

/** Letters and digits only, lower case: quotes, dashes and spacing differ between extractions. */
const key = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const words = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The reference's <p> and <li> blocks outside figures, as prose paragraphs and the others: a block
 * that is all link (a teaser for another article, "Continue reading the main story") or a short
 * all-bold line (a subhead) is no paragraph of the story. A story that keeps one counts it as extra.
 */
function expectedBlocks(html: string): { prose: string[]; other: string[] } {
  const { document } = parseHTML(html);
  const prose: string[] = [];
  const other: string[] = [];
  const letters = (s: string) => key(s).length;
  for (const el of document.querySelectorAll("p, li")) {
    if (el.closest("figure, figcaption") || el.querySelector("p, li")) continue;
    const text = words(el.textContent ?? "");
    if (letters(text) === 0) continue;
    const inside = (selector: string) => [...el.querySelectorAll(selector)].filter((x) => !x.parentElement?.closest(selector) || x.parentElement === el).reduce((a, x) => a + letters(x.textContent ?? ""), 0);
    const linkOnly = inside("a") >= 0.9 * letters(text);
    const subhead = inside("b, strong") >= letters(text) && text.split(" ").length <= 10 && !/[.!?]["”’]?$/.test(text);
    (linkOnly || subhead ? other : prose).push(text);
  }
  return { prose, other };
}

/** Same text, or the expected one with a dateline of up to 60 characters in front. */
function same(expected: string, found: string): boolean {
  const e = key(expected);
  const f = key(found);
  return e === f || (f.length > 0 && e.endsWith(f) && e.length - f.length <= 60);
}

const loose = (s: string | null) => (s ? key(s.replace(/^by\s+/i, "")) : "");

function agrees(expected: string | null, found: string | null): boolean {
  const e = loose(expected);
  const f = loose(found);
  return !!e && !!f && (e === f || e.includes(f) || f.includes(e));
}

export function evaluatePage(dir: string, page: string): PageResult {
  const source = readFileSync(join(dir, page, "source.html"), "utf8");
  const { prose: want, other } = expectedBlocks(readFileSync(join(dir, page, "expected.html"), "utf8"));
  const meta = JSON.parse(readFileSync(join(dir, page, "expected-metadata.json"), "utf8")) as { title?: string | null; byline?: string | null; publishedTime?: string | null };
  const got = readHtml(source);
  const paragraphs = got.paragraphs.map((p, i) => (i === 0 && got.dateline ? `${got.dateline} ${p}` : p));
  const missing = want.filter((w) => !paragraphs.some((p) => same(w, p)));
  const rawPresent = [...want, ...other].filter((w) => paragraphs.some((p) => same(w, p))).length;
  const extraLines = paragraphs.filter((p) => !want.some((w) => same(w, p)));
  const expectedDate = meta.publishedTime ? meta.publishedTime.slice(0, 10) : null;
  return {
    page,
    title: { expected: meta.title ?? null, found: got.title, ok: agrees(meta.title ?? null, got.title) },
    byline: { expected: meta.byline ?? null, found: got.author, ok: meta.byline ? agrees(meta.byline, got.author) : null },
    date: { expected: expectedDate, found: got.published, ok: expectedDate ? expectedDate === got.published : null },
    expectedParagraphs: want.length,
    present: want.length - missing.length,
    allBlocks: want.length + other.length,
    allPresent: rawPresent,
    storyParagraphs: paragraphs.length,
    extra: extraLines.length,
    missing,
    extraLines,
  };
}

export function evaluatePages(dir: string): PagesReport {
  const pages = readdirSync(dir)
    .filter((p) => statSync(join(dir, p)).isDirectory())
    .sort()
    .map((p) => evaluatePage(dir, p));
  const sum = (f: (r: PageResult) => number) => pages.reduce((a, r) => a + f(r), 0);
  const expected = sum((r) => r.expectedParagraphs);
  const present = sum((r) => r.present);
  const story = sum((r) => r.storyParagraphs);
  const extra = sum((r) => r.extra);
  return { pages, expectedParagraphs: expected, present, storyParagraphs: story, extra, presentShare: expected ? present / expected : 1, extraShare: story ? extra / story : 0, allBlocks: sum((r) => r.allBlocks), allPresent: sum((r) => r.allPresent) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mark = (ok: boolean | null, found: string | null) => (ok === null ? (found ? "found" : "–") : ok ? "yes" : found ? "differs" : "no");

export function formatReport(r: PagesReport, verbose = false): string {
  const rows = [["page", "title", "byline", "date", "present", "extra"]];
  for (const p of r.pages) {
    rows.push([p.page, mark(p.title.ok, p.title.found), mark(p.byline.ok, p.byline.found), `${mark(p.date.ok, p.date.found)}${p.date.found ? ` ${p.date.found}` : ""}`, `${p.present}/${p.expectedParagraphs}`, `${p.extra}/${p.storyParagraphs}`]);
  }
  rows.push(["all", "", "", "", `${r.present}/${r.expectedParagraphs} (${pct(r.presentShare)})`, `${r.extra}/${r.storyParagraphs} (${pct(r.extraShare)})`]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  let out = rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd()).join("\n") + "\n";
  out += `every <p>/<li> block of the references, link-only teasers and subheads included: ${r.allPresent}/${r.allBlocks} (${pct(r.allPresent / (r.allBlocks || 1))}) in the stories\n`;
  if (verbose) {
    for (const p of r.pages) {
      for (const m of p.missing) out += `${p.page} missing: ${m.slice(0, 140)}\n`;
      for (const x of p.extraLines) out += `${p.page} extra:   ${x.slice(0, 140)}\n`;
      out += `${p.page} title: ${p.title.found} | byline: ${p.byline.found} (expected ${p.byline.expected}) | date: ${p.date.found}\n`;
    }
  }
  return out;
}
