/** Article text → Story: title, dateline, numbered body paragraphs, sentences, entities, dates. */
import { formatOf, readDraft, type StoryFormat } from "./article-format.js";
import { countryOf, isDemonym } from "../language/gazetteer.js";
import { personNounsIn } from "../language/person-nouns.js";
import { findDates } from "../language/dates.js";
import { findEntities } from "../language/entities.js";
import { StoryFormatError } from "./front-matter.js";
import { layoutOf } from "./layout.js";
import { analyse } from "../language/nlp.js";
import type { DateMention, Paragraph, Sentence, Story } from "../types.js";

export { StoryFormatError };

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

export interface IngestOptions {
  /** how to read the text; by default from the file name and the text's first bytes */
  format?: StoryFormat;
  /** where the article was fetched from (a page's canonical URL otherwise) */
  url?: string | null;
}

export function ingestText(text: string, id: string, file: string | null = null, options: IngestOptions = {}): Story {
  if (/\u0000/.test(text)) throw new StoryFormatError("not a text file (it contains NUL bytes)");
  const layout = layoutOf(readDraft(text, options.format ?? formatOf(file, text), options.url ?? null));
  const { meta, dateline, byline, boilerplate } = layout;
  const bodyBlocks = layout.paragraphs;
  const title = layout.title;
  const noon = (day: string | null) => (day ? new Date(Date.parse(`${day}T12:00:00Z`)) : null);
  const published = noon(layout.published);
  const latest = noon(layout.latest);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const dates: DateMention[] = [];
  bodyBlocks.forEach((block, i) => {
    const number = i + 1;
    const ids: number[] = [];
    for (const s of analyse(block)) {
      const id = sentences.length;
      sentences.push({ id, paragraph: number, text: s.text, tokens: s.tokens });
      dates.push(...findDates(s.text, s.tokens, id, published, latest));
      ids.push(id);
    }
    paragraphs.push({ number, text: block, sentenceIds: ids });
  });

  return {
    id,
    title: title ?? firstWords(bodyBlocks[0]!, 8),
    source: meta.source ?? dateline?.source ?? null,
    url: options.url ?? meta.url ?? null,
    published: published ? published.toISOString().slice(0, 10) : null,
    place: meta.place ?? dateline?.place ?? null,
    file,
    dateline: dateline ? dateline.raw.trim() : null,
    datelineDate: dateline?.dateText ?? null,
    author: meta.author ?? byline?.author ?? null,
    byline: byline?.text ?? null,
    missing: layout.missing,
    paragraphs,
    sentences,
    entities: findEntities(sentences, dates),
    dates,
    boilerplate,
    personNouns: personNounsIn(sentences),
    demonyms: demonymsIn(sentences),
  };
}
