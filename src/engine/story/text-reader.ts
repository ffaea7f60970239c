/** A plain-text article: optional YAML front matter, then paragraphs separated by blank lines. */
import { paragraph, type ArticleDraft } from "./draft.js";
import { splitFrontMatter } from "./front-matter.js";

/** Paragraphs are separated by blank lines; a file without any uses one line per paragraph. */
export function textBlocks(body: string): string[] {
  const normalised = body.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const splitter = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n/;
  return normalised
    .split(splitter)
    .map((b) => b.replace(/\s*\n\s*/g, " ").replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
}

export function readTextDraft(text: string): ArticleDraft {
  const { meta, body } = splitFrontMatter(text);
  return { meta, blocks: textBlocks(body).map(paragraph), titleInText: true };
}
