/**
 * `readHtml(html, url?)`: a web page's article text and metadata, without the language analysis
 * of a full ingest (for fetching code that wants to show or store what a page holds).
 */
import { readHtmlDraft } from "./html-reader.js";
import { layoutOf } from "./layout.js";

export interface HtmlArticle {
  title: string | null;
  author: string | null;
  /** ISO day of publication: the page's metadata, else its dateline */
  published: string | null;
  /** the publisher or site name */
  source: string | null;
  url: string | null;
  /** the page's own summary line (og:description) */
  description: string | null;
  lang: string | null;
  /** the dateline as printed ("CAIRO —"), kept off ¶1 */
  dateline: string | null;
  place: string | null;
  /** the article's paragraphs in order: no navigation, captions, share lines or promos */
  paragraphs: string[];
  /** what was set aside: captions and credits, share buttons, promos, subheads */
  boilerplate: string[];
}

export function readHtml(html: string, url: string | null = null): HtmlArticle {
  const draft = readHtmlDraft(html, url);
  const layout = layoutOf(draft);
  const { meta, dateline } = layout;
  return {
    title: layout.title,
    author: meta.author ?? layout.byline?.author ?? null,
    published: layout.published,
    source: meta.source ?? dateline?.source ?? null,
    url: meta.url ?? null,
    description: draft.description,
    lang: draft.lang,
    dateline: dateline ? dateline.raw.trim() : null,
    place: meta.place ?? dateline?.place ?? null,
    paragraphs: layout.paragraphs,
    boilerplate: layout.boilerplate,
  };
}
