/**
 * The layout of an article, whatever format it came in: the headline, the byline, the dateline,
 * the body paragraphs (¶1 is the dateline paragraph) and what is set aside (photo captions and
 * credits, share buttons, promos, subheads). No language analysis happens here.
 */
import { isBoilerplate } from "./boilerplate.js";
import { parseByline } from "./byline.js";
import { parseDateline, type Dateline } from "./dateline.js";
import type { ArticleDraft } from "./draft.js";
import type { FrontMatter } from "./front-matter.js";
import { StoryFormatError } from "./front-matter.js";

export interface ArticleLayout {
  meta: FrontMatter;
  /** the headline: the metadata's, else the text's first short line */
  title: string | null;
  byline: { text: string; author: string } | null;
  dateline: Dateline | null;
  /** body paragraphs, the dateline taken off the first */
  paragraphs: string[];
  /** lines kept out of the story: captions, credits, share buttons, promos, subheads */
  boilerplate: string[];
}

/** A headline is a single short line without sentence punctuation at the end. */
function looksLikeTitle(block: string): boolean {
  return block.length <= 200 && !/[.!?]["”’]?$/.test(block) && block.split(/\s+/).length >= 2;
}

export function layoutOf(draft: ArticleDraft): ArticleLayout {
  const { meta, blocks } = draft;
  if (blocks.length === 0) throw new StoryFormatError("the article is empty");
  let title = meta.title ?? null;
  let byline: ArticleLayout["byline"] = null;
  const boilerplate: string[] = [];
  const body: string[] = [];
  for (const [i, block] of blocks.entries()) {
    if (i === 0 && draft.titleInText && blocks.length > 1 && (block.kind === "heading" || looksLikeTitle(block.text))) {
      title ??= block.text;
      continue;
    }
    if (block.kind !== "paragraph") {
      // a subhead, or a link to another article: not a paragraph to cite
      boilerplate.push(block.text);
      continue;
    }
    // a byline stands above the story's first paragraph
    const author: string | null = body.length === 0 && !byline ? parseByline(block.text) : null;
    if (author) byline = { text: block.text, author };
    else if (isBoilerplate(block.text)) boilerplate.push(block.text);
    else body.push(block.text);
  }
  if (body.length === 0) throw new StoryFormatError("no article text found (only a title or boilerplate)");
  const dateline = parseDateline(body[0]!);
  if (dateline) body[0] = body[0]!.slice(dateline.raw.length);
  return { meta, title, byline, dateline, paragraphs: body, boilerplate };
}
