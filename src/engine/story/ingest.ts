/** Article text → Story: title, dateline, numbered body paragraphs, sentences, entities, dates. */
import { isBoilerplate } from "./boilerplate.js";
import { parseByline } from "./byline.js";
import { countryOf, isDemonym } from "../language/gazetteer.js";
import { personNounsIn } from "../language/person-nouns.js";
import { parseDateline } from "./dateline.js";
import { findDates } from "../language/dates.js";
import { findEntities } from "../language/entities.js";
import { splitFrontMatter, StoryFormatError } from "./front-matter.js";
import { analyse } from "../language/nlp.js";
import type { DateMention, Paragraph, Sentence, Story } from "../types.js";

export { StoryFormatError };

function blocksOf(body: string): string[] {
  const normalised = body.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  // paragraphs are separated by blank lines; a file without any uses one line per paragraph
  const splitter = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n/;
  return normalised
    .split(splitter)
    .map((b) => b.replace(/\s*\n\s*/g, " ").replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
}

/** A headline is a single short line without sentence punctuation at the end. */
function looksLikeTitle(block: string): boolean {
  return block.length <= 200 && !/[.!?]["”’]?$/.test(block) && block.split(/\s+/).length >= 2;
}

function firstWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  return words.slice(0, n).join(" ") + (words.length > n ? "…" : "");
}

/** The story's nationality words and their countries ("Chinese" → china), so that answering needs no gazetteer. */
function demonymsIn(sentences: Sentence[]): Record<string, string> {
  const found: Record<string, string> = {};
  const add = (text: string) => {
    const lower = text.toLowerCase();
    const country = found[lower] ?? countryOf(lower) ?? (isDemonym(text) ? countryOf(lower.replace(/s$/, "")) : null);
    if (country) found[lower] = country;
  };
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (!/^\p{Lu}/u.test(t.text)) return;
      add(t.text);
      // "North Korean", "New Zealanders"
      const next = s.tokens[i + 1];
      if (next && /^\p{Lu}/u.test(next.text)) add(`${t.text} ${next.text}`);
    });
  }
  return found;
}

export function ingestText(text: string, id: string, file: string | null = null): Story {
  if (/\u0000/.test(text)) throw new StoryFormatError("not a text file (it contains NUL bytes)");
  const { meta, body } = splitFrontMatter(text);
  const blocks = blocksOf(body);
  if (blocks.length === 0) throw new StoryFormatError("the article is empty");

  let title = meta.title ?? null;
  let byline: { text: string; author: string } | null = null;
  const boilerplate: string[] = [];
  const bodyBlocks: string[] = [];
  for (const [i, block] of blocks.entries()) {
    if (i === 0 && looksLikeTitle(block) && blocks.length > 1) {
      title ??= block;
      continue;
    }
    // a byline stands above the story's first paragraph
    const author: string | null = bodyBlocks.length === 0 && !byline ? parseByline(block) : null;
    if (author) byline = { text: block, author };
    else if (isBoilerplate(block)) boilerplate.push(block);
    else bodyBlocks.push(block);
  }
  if (bodyBlocks.length === 0) throw new StoryFormatError("no article text found (only a title or boilerplate)");

  const dateline = parseDateline(bodyBlocks[0]!);
  if (dateline) bodyBlocks[0] = bodyBlocks[0]!.slice(dateline.raw.length);
  const publishedIso = meta.published ?? dateline?.date ?? null;
  const published = publishedIso && !Number.isNaN(Date.parse(publishedIso)) ? new Date(Date.parse(publishedIso.slice(0, 10) + "T12:00:00Z")) : null;

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const dates: DateMention[] = [];
  bodyBlocks.forEach((block, i) => {
    const number = i + 1;
    const ids: number[] = [];
    for (const s of analyse(block)) {
      const id = sentences.length;
      sentences.push({ id, paragraph: number, text: s.text, tokens: s.tokens });
      dates.push(...findDates(s.text, s.tokens, id, published));
      ids.push(id);
    }
    paragraphs.push({ number, text: block, sentenceIds: ids });
  });

  return {
    id,
    title: title ?? firstWords(bodyBlocks[0]!, 8),
    source: meta.source ?? dateline?.source ?? null,
    url: meta.url ?? null,
    published: published ? published.toISOString().slice(0, 10) : null,
    place: meta.place ?? dateline?.place ?? null,
    file,
    dateline: dateline ? dateline.raw.trim() : null,
    datelineDate: dateline?.dateText ?? null,
    author: meta.author ?? byline?.author ?? null,
    byline: byline?.text ?? null,
    paragraphs,
    sentences,
    entities: findEntities(sentences, dates),
    dates,
    boilerplate,
    personNouns: personNounsIn(sentences),
    demonyms: demonymsIn(sentences),
  };
}
