/**
 * An article as a reader of one format (plain text, Markdown, a web page) hands it on: the
 * metadata the file or page states, and its blocks of text in reading order. The layout
 * (layout.ts) then finds the headline, byline, dateline, captions and boilerplate the same way
 * whatever the format was.
 */
import type { FrontMatter } from "./front-matter.js";

/**
 * a list item may be short and end without a full stop; a link-only block is a teaser for another
 * article or a button, and a caption says again what the pictures just before it are of: never the story's text
 */
export type BlockKind = "paragraph" | "item" | "heading" | "link" | "caption";

export interface Block {
  text: string;
  kind: BlockKind;
}

export interface ArticleDraft {
  /** what the file or page says of itself; it wins over what the layout suggests */
  meta: FrontMatter;
  blocks: Block[];
  /** a plain text's first short line is its headline; a page's headline is in its metadata */
  titleInText: boolean;
}

export const paragraph = (text: string): Block => ({ text, kind: "paragraph" });
