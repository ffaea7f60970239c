/**
 * What someone hands the bot as a story, turned into an article's text: a link (fetched with
 * src/web's checks) or an uploaded file (.txt, .md, .html). Nothing here knows Discord: an
 * attachment is its name, size and the address it can be downloaded from.
 */
import { extname } from "node:path";
import { MAX_STORY_BYTES } from "../engine/index.js";
import { FetchError, fetchPage, type FetchOptions } from "../web/fetch-page.js";

export type StoryInput = { url: string } | { file: { name: string; size: number; url: string } };

export interface Article {
  text: string;
  /** a file name whose extension says how the text is written (.txt, .md, .html) */
  fileName: string;
  /** the link it was fetched from; null for an upload */
  sourceUrl: string | null;
}

/** The input cannot become a story; the message is for the person who gave it. */
export class StoryInputError extends Error {}

export const UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".htm"];
const KIND_EXTENSION = { text: ".txt", markdown: ".md", html: ".html" } as const;

/** A name for the fetched text from the link's last path segment ("…/harbour-fire.html" → harbour-fire.txt). */
function nameFromUrl(url: string, extension: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).pop() ?? "");
  const stem = last.replace(/\.[a-z0-9]{1,5}$/i, "");
  return `${stem.length >= 3 ? stem : new URL(url).hostname}${extension}`;
}

export async function readStoryInput(input: StoryInput, fetchOptions: FetchOptions): Promise<Article> {
  try {
    if ("url" in input) {
      const page = await fetchPage(input.url, { maxBytes: Math.max(MAX_STORY_BYTES, fetchOptions.maxBytes ?? 0), ...fetchOptions });
      return { text: page.text, fileName: nameFromUrl(page.url, KIND_EXTENSION[page.kind]), sourceUrl: page.url };
    }
    const { name, size, url } = input.file;
    const ext = extname(name).toLowerCase();
    if (!UPLOAD_EXTENSIONS.includes(ext)) throw new StoryInputError(`${name} is not an article file: upload a .txt, .md or .html file.`);
    if (size > MAX_STORY_BYTES) throw new StoryInputError(`${name} is too large (${Math.ceil(size / 1024)} KB; at most ${MAX_STORY_BYTES / 1024} KB).`);
    // an upload's type is its extension: the file store's content type is not the uploader's to choose
    const page = await fetchPage(url, { ...fetchOptions, maxBytes: MAX_STORY_BYTES, anyTextType: true });
    return { text: page.text, fileName: name, sourceUrl: null };
  } catch (err) {
    if (err instanceof FetchError) throw new StoryInputError(err.message);
    throw err;
  }
}
