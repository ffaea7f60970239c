/**
 * What a news page says about itself, apart from its text: the JSON-LD `NewsArticle` block
 * (headline, author, datePublished, publisher) and the `<meta>` tags (Open Graph, `article:*`,
 * `author`, Dublin Core, `itemprop`). Publishers fill these for search engines and link previews,
 * so they are more reliable than anything guessed from the layout.
 */
import { squeeze, type DomDocument } from "./dom.js";

export interface PageMetadata {
  headline: string | null;
  author: string | null;
  /** as the page gives it ("2019-01-03T07:00:02.000Z", "2015-03-18") */
  published: string | null;
  publisher: string | null;
  url: string | null;
  description: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every object of the page's JSON-LD blocks, `@graph` members and arrays flattened, article types first. */
function jsonLdArticles(doc: DomDocument): Json[] {
  const found: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isRecord(v)) {
      const types = ([] as unknown[]).concat(v["@type"] ?? []).map(String);
      if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(v);
      if (v["@graph"]) visit(v["@graph"], depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      // some CMSs wrap the block in an HTML comment or CDATA
      visit(JSON.parse((script.textContent ?? "").replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, "")), 0);
    } catch {
      // a broken block says nothing
    }
  }
  // a WebPage is the weakest claim: articles first
  return found.sort((a, b) => Number(String(a["@type"]) === "WebPage") - Number(String(b["@type"]) === "WebPage"));
}

function names(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (isRecord(v) && typeof v.name === "string") return [v.name];
  return [];
}

function text(v: unknown): string | null {
  const s = typeof v === "string" ? squeeze(v) : null;
  return s || null;
}

/** A person's name, not a profile link or a desk ("https://…/profile/jane", "Staff"). */
function personName(v: string | null): string | null {
  if (!v || /^https?:|\/|@/.test(v) || v.length > 120) return null;
  return v.replace(/^by\s+/i, "").trim() || null;
}

function joinNames(list: string[]): string | null {
  const clean = [...new Set(list.map((n) => personName(squeeze(n))).filter((n): n is string => !!n))];
  if (clean.length === 0) return null;
  return clean.length === 1 ? clean[0]! : `${clean.slice(0, -1).join(", ")} and ${clean[clean.length - 1]}`;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ["property", "name", "itemprop"]) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const content = text(el?.getAttribute("content"));
      if (content) return content;
    }
  }
  return null;
}

export function pageMetadata(doc: DomDocument): PageMetadata {
  const ld = jsonLdArticles(doc);
  const fromLd = (read: (a: Json) => string | null) => ld.map(read).find((x) => x) ?? null;
  const timeTag = doc.querySelector("time[datetime][itemprop~=datePublished], time[pubdate][datetime]")?.getAttribute("datetime") ?? null;
  return {
    headline: fromLd((a) => text(a.headline)) ?? meta(doc, "og:title", "twitter:title", "dc.title", "headline"),
    author: fromLd((a) => joinNames(names(a.author))) ?? joinNames([meta(doc, "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author") ?? ""]),
    published:
      fromLd((a) => text(a.datePublished) ?? text(a.dateCreated)) ??
      meta(doc, "article:published_time", "datePublished", "og:published_time", "publish-date", "pubdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date") ??
      text(timeTag),
    publisher: fromLd((a) => names(a.publisher)[0] ?? null) ?? meta(doc, "og:site_name", "application-name", "publisher"),
    url: fromLd((a) => text(a.url)) ?? meta(doc, "og:url") ?? text(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")),
    description: fromLd((a) => text(a.description)) ?? meta(doc, "og:description", "description", "twitter:description"),
  };
}

/** "2019-01-03T07:00:02.000Z", "2019-04-28 06:01:07", "Wed, 18 Mar 2015 10:00:00 GMT" → "2019-01-03"; else null. */
export function isoDay(value: string | null): string | null {
  if (!value) return null;
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (ymd) return `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
