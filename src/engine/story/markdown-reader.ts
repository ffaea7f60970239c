/**
 * A Markdown article: YAML front matter, then the body through markdown-it (CommonMark), so that
 * headings, emphasis, links, images, lists and quotes become clean text: a link keeps its words,
 * an image and raw HTML are dropped, code is left out, a heading is a heading (the first one the
 * headline), and a paragraph that is all link is a teaser, not the story's text.
 */
import type MarkdownItConstructor from "markdown-it";
import { lazy, require } from "../lazy-require.js";
import { squeeze } from "./dom.js";
import { paragraph, type ArticleDraft, type Block } from "./draft.js";
import { splitFrontMatter } from "./front-matter.js";

type MarkdownIt = InstanceType<typeof MarkdownItConstructor>;
type Token = ReturnType<MarkdownIt["parse"]>[number];

const markdownIt = lazy<typeof MarkdownItConstructor>(() => require("markdown-it"));
let parser: MarkdownIt | null = null;

/** CommonMark, raw HTML recognised (so that it can be dropped rather than shown as tags). */
function md(): MarkdownIt {
  parser ??= new (markdownIt())("commonmark", { html: true });
  return parser;
}

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "").length;

/** An inline run as text, with how much of it sits inside links. */
function inlineText(children: Token[]): { text: string; linked: number } {
  let text = "";
  let linked = 0;
  let inLink = 0;
  for (const c of children) {
    if (c.type === "link_open") inLink++;
    else if (c.type === "link_close") inLink = Math.max(0, inLink - 1);
    else if (c.type === "text" || c.type === "code_inline") {
      text += c.content;
      if (inLink) linked += letters(c.content);
    } else if (c.type === "softbreak" || c.type === "hardbreak") text += " ";
    // images, raw HTML and emphasis markers carry no words of the story
  }
  return { text: squeeze(text), linked };
}

/** Containers whose text is no paragraph of the story. */
const SKIPPED = new Set(["table_open"]);

export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let skipping = 0;
  let heading = false;
  let items = 0;
  for (const t of md().parse(body, {})) {
    if (SKIPPED.has(t.type)) skipping++;
    else if (t.type.endsWith("_close") && SKIPPED.has(t.type.replace(/_close$/, "_open"))) skipping--;
    else if (t.type === "heading_open") heading = true;
    else if (t.type === "heading_close") heading = false;
    else if (t.type === "list_item_open") items++;
    else if (t.type === "list_item_close") items--;
    else if (t.type === "inline" && !skipping) {
      const { text, linked } = inlineText(t.children ?? []);
      if (!text) continue;
      if (heading) blocks.push({ text, kind: "heading" });
      else if (linked >= 0.9 * letters(text)) blocks.push({ text, kind: "link" });
      else blocks.push(items > 0 ? { text, kind: "item" } : paragraph(text));
    }
  }
  return blocks;
}

export function readMarkdownDraft(text: string): ArticleDraft {
  const { meta, body } = splitFrontMatter(text);
  return { meta, blocks: markdownBlocks(body.replace(/^\uFEFF/, "")), titleInText: true };
}
