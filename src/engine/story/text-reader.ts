/** A plain-text article: optional YAML front matter, then paragraphs separated by blank lines. */
import type { decodeHTMLStrict } from "entities";
import { lazy, require } from "../lazy-require.js";
import { paragraph, type ArticleDraft } from "./draft.js";
import { splitFrontMatter } from "./front-matter.js";

/**
 * Text copied out of a web page's source or a feed keeps its character references ("&#34;quiet&#34;",
 * "Q&amp;A"): as written they are noise a reader never sees, and "34" became an answer. Only
 * complete references are read ("AT&T" stays); a no-break space is a space.
 */
const entities = lazy<{ decodeHTMLStrict: typeof decodeHTMLStrict }>(() => require("entities"));

function withoutCharacterReferences(block: string): string {
  return block.includes("&") ? entities().decodeHTMLStrict(block).replace(/\u00a0/g, " ") : block;
}

/** Paragraphs are separated by blank lines; a file without any uses one line per paragraph. */
export function textBlocks(body: string): string[] {
  const normalised = body.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const splitter = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n/;
  return normalised
    .split(splitter)
    .map((b) => withoutCharacterReferences(b).replace(/\s*\n\s*/g, " ").replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
}

export function readTextDraft(text: string): ArticleDraft {
  const { meta, body } = splitFrontMatter(text);
  return { meta, blocks: textBlocks(body).map(paragraph), titleInText: true };
}
