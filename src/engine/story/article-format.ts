/**
 * Which reader an article needs: by its file name, and by its first bytes when the name says
 * nothing (a page saved as .txt, or fetched HTML that comes without a name).
 */
import { extname } from "node:path";
import type { ArticleDraft } from "./draft.js";
import { readHtmlDraft } from "./html-reader.js";
import { readMarkdownDraft } from "./markdown-reader.js";
import { FORMAT_OF_EXTENSION, type StoryFormat } from "./formats.js";
import { readTextDraft } from "./text-reader.js";

export { FORMAT_OF_EXTENSION, type StoryFormat };

const LOOKS_LIKE_HTML = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

export function formatOf(file: string | null, text: string): StoryFormat {
  if (LOOKS_LIKE_HTML.test(text.slice(0, 2048).replace(/^\uFEFF/, ""))) return "html";
  return (file && FORMAT_OF_EXTENSION[extname(file).toLowerCase()]) || "text";
}

export function readDraft(text: string, format: StoryFormat, url: string | null = null): ArticleDraft {
  if (format === "html") return readHtmlDraft(text, url);
  if (format === "markdown") return readMarkdownDraft(text);
  return readTextDraft(text);
}
