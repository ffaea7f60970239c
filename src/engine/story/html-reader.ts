/**
 * A saved or fetched news page → its article: Mozilla's Readability (the library behind Firefox
 * Reader View) finds the article's content in the page, over linkedom's DOM (docs/ingest.md: as
 * accurate as jsdom on real pages, 4× faster and a third of the memory); the page's own metadata
 * (JSON-LD, `<meta>` tags) gives headline, author, date and publisher. The content is cut into
 * blocks at block elements and double line breaks; figures, captions, asides and forms are left out.
 */
import type * as Linkedom from "linkedom";
import type * as ReadabilityModule from "@mozilla/readability";
import { lazy, require } from "../lazy-require.js";
import { isElement, squeeze, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from "./dom.js";
import { paragraph, type ArticleDraft, type Block } from "./draft.js";
import { isPictureCaption, pictureWords, type PictureWords } from "./picture-captions.js";
import { StoryFormatError } from "./front-matter.js";
import { isoDay, pageMetadata } from "./page-metadata.js";

const linkedom = lazy<typeof Linkedom>(() => require("linkedom"));
const readability = lazy<typeof ReadabilityModule>(() => require("@mozilla/readability"));

/** Elements whose text is never the article's: pictures and their captions, widgets, forms, code. */
const SKIP = new Set(["FIGURE", "FIGCAPTION", "PICTURE", "IMG", "SVG", "VIDEO", "AUDIO", "IFRAME", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "ASIDE", "FORM", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "LABEL", "TABLE", "OBJECT", "EMBED", "CANVAS", "MENU", "DIALOG"]);
const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
const BLOCKS = new Set([...SKIP, ...HEADINGS, "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "BLOCKQUOTE", "UL", "OL", "LI", "PRE", "DL", "DT", "DD", "HR", "ADDRESS", "CENTER", "DETAILS", "SUMMARY", "TR", "TD", "TH", "TBODY", "THEAD"]);
/** A page's boilerplate outside the article, removed before the fallback reads the whole body. */
const PAGE_CHROME = "script, style, noscript, template, nav, header, footer, aside, form, figure, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

function hasBlockInside(el: DomElement): boolean {
  return Array.from(el.childNodes).some((c) => isElement(c) && (BLOCKS.has(c.tagName) || hasBlockInside(c)));
}

/** Marks around link and bold text inside a run (private-use characters, never in a page's text). */
const LINK_OPEN = "\uE000";
const LINK_CLOSE = "\uE001";
const BOLD_OPEN = "\uE002";
const BOLD_CLOSE = "\uE003";
const MARKS = /[\uE000-\uE003]/g;
const BOLD = new Set(["B", "STRONG"]);

/** Inline text with <br> kept as a newline, so that "<br><br>" can end a paragraph, and links and bold marked. */
function inlineText(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return (node.textContent ?? "").replace(MARKS, "");
  if (!isElement(node) || SKIP.has(node.tagName)) return "";
  if (node.tagName === "BR") return "\n";
  const inner = Array.from(node.childNodes).map(inlineText).join("");
  if (node.tagName === "A") return LINK_OPEN + inner + LINK_CLOSE;
  return BOLD.has(node.tagName) ? BOLD_OPEN + inner + BOLD_CLOSE : inner;
}

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "").length;

/** The letters of `marked` outside the open…close spans. */
function lettersOutside(marked: string, open: string, close: string): number {
  let depth = 0;
  let outside = "";
  for (const ch of marked) {
    if (ch === open) depth++;
    else if (ch === close) depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += ch;
  }
  return letters(outside.replace(MARKS, ""));
}

/**
 * A run of inline content as a block: all of it a link is a related-article teaser or a share
 * button ("[Read: …]", a list of headlines), all of it bold and short is a subhead.
 */
function blockOfRun(marked: string, inItem: boolean): Block | null {
  const text = squeeze(marked.replace(MARKS, ""));
  if (!text) return null;
  const total = letters(text);
  if (lettersOutside(marked, LINK_OPEN, LINK_CLOSE) <= total * 0.1) return { text, kind: "link" };
  if (lettersOutside(marked, BOLD_OPEN, BOLD_CLOSE) === 0 && text.split(" ").length <= 10 && !/[.!?]["”’]?$/.test(text)) return { text, kind: "heading" };
  return inItem ? { text, kind: "item" } : paragraph(text);
}

/** The blocks of an element, in reading order: inline runs between block children become paragraphs. */
export function blocksOfElement(root: DomElement): Block[] {
  const out: Block[] = [];
  let run = "";
  let inItem = false;
  /** the pictures passed since the last block: the next block may be their caption */
  let pictures: PictureWords = [];
  const emit = (block: Block) => {
    out.push(isPictureCaption(block.text, pictures) ? { text: block.text, kind: "caption" } : block);
    pictures = [];
  };
  const flush = () => {
    for (const part of run.split(/\n[ \t\u00a0\uE000-\uE003]*\n/)) {
      const block = blockOfRun(part, inItem);
      if (block) emit(block);
    }
    run = "";
  };
  const visit = (el: DomElement) => {
    for (const child of Array.from(el.childNodes)) {
      if (!isElement(child)) {
        if (child.nodeType === TEXT_NODE) run += inlineText(child);
        continue;
      }
      const block = BLOCKS.has(child.tagName) || hasBlockInside(child);
      if (!block) {
        run += inlineText(child);
        continue;
      }
      flush();
      if (SKIP.has(child.tagName)) {
        pictures.push(...pictureWords(child));
        continue;
      }
      if (HEADINGS.has(child.tagName)) {
        const text = squeeze(inlineText(child).replace(MARKS, ""));
        if (text) emit({ text, kind: "heading" });
        continue;
      }
      const outer = inItem;
      inItem = child.tagName === "LI" || (inItem && child.tagName !== "UL" && child.tagName !== "OL");
      visit(child);
      flush();
      inItem = outer;
    }
  };
  visit(root);
  flush();
  return out;
}

export interface HtmlArticleDraft extends ArticleDraft {
  /** the page's summary line (og:description), not part of the text */
  description: string | null;
  lang: string | null;
}

function parse(html: string): DomDocument {
  return linkedom().parseHTML(html).document as unknown as DomDocument;
}

/**
 * " | The Guardian", " - Reuters": the site's name after the headline in og:title or <title>; or the
 * writer's (" | Eleanor Ainge Roy", as the Guardian titles its features).
 */
function withoutSiteName(title: string | null, site: string | null, author: string | null): string | null {
  if (!title) return null;
  const cut = /^(.{12,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/.exec(title);
  const same = (a: string, b: string | null) => !!b && a.trim().toLowerCase().replace(/^the\s+/, "") === b.toLowerCase().replace(/^the\s+/, "");
  if (cut && (same(cut[2]!, site) || same(cut[2]!, author))) return cut[1]!.trim();
  return title;
}

/** Deeper than any real page (news pages nest under a hundred): beyond it the tree walks would exhaust the stack. */
export const MAX_NESTING = 1000;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/** How deep the page's elements nest, counted from its tags (stopping once past MAX_NESTING). */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest && (deepest = depth) > MAX_NESTING) break;
  }
  return deepest;
}

export function readHtmlDraft(html: string, url: string | null = null): HtmlArticleDraft {
  if (nestingDepth(html) > MAX_NESTING) throw new StoryFormatError(`the page's markup nests more than ${MAX_NESTING} elements deep; no news page does`);
  const doc = parse(html);
  const page = pageMetadata(doc);
  const lang = doc.documentElement?.getAttribute("lang") ?? null;
  const { Readability } = readability();
  // the serializer hands back the content element itself, so it is not printed and parsed again
  const article = new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement }).parse();
  let blocks = article?.content ? blocksOfElement(article.content) : [];
  if (blocks.length === 0) {
    // too little text for Readability to call it an article: the body without its chrome
    const bare = parse(html);
    for (const el of Array.from(bare.querySelectorAll(PAGE_CHROME))) (el as unknown as { remove(): void }).remove();
    const body = bare.querySelector("body");
    blocks = body ? blocksOfElement(body) : [];
  }
  const source = page.publisher ?? squeeze(article?.siteName) ?? null;
  const author = page.author ?? personalByline(article?.byline);
  const title = withoutSiteName(page.headline, source, author) ?? (squeeze(article?.title) || null);
  const published = isoDay(page.published) ?? isoDay(article?.publishedTime ?? null);
  return {
    meta: {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(published ? { published } : {}),
      ...(source ? { source } : {}),
      ...(url ?? page.url ? { url: (url ?? page.url)! } : {}),
    },
    blocks,
    titleInText: false,
    description: page.description ?? (squeeze(article?.excerpt) || null),
    lang,
  };
}

/** Readability's byline when it names people: not a date line or a desk ("April 28, 2019 at 6:01 am"). */
function personalByline(byline: string | null | undefined): string | null {
  const text = squeeze(byline).replace(/^by\s+/i, "");
  if (!text || /\d/.test(text) || text.length > 100) return null;
  return text;
}
