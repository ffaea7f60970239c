/**
 * The full shape of a cached story, checked when it is read back. A cache entry can be stamped
 * right (engine, content hash) and still be damaged: a disk error, a half-written row, a hand
 * edit. A structural glance at the top level let such an entry through, and then the commands
 * that touch the damaged part (entities, dates, tokens) failed on every call. Every field the
 * engine reads is checked here, so that a damaged entry is rebuilt instead.
 *
 * Plain checks rather than a schema library: this runs on every cached read, on the path of a
 * cached `storybot ask` whose whole budget is 300 ms, and zod alone takes 50–75 ms to load.
 */
type Check = (v: unknown) => boolean;

const isText: Check = (v) => typeof v === "string";
const isNullableText: Check = (v) => v === null || typeof v === "string";
const isOptionalText: Check = (v) => v === undefined || isNullableText(v);
const isCount: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isPositive: Check = (v) => Number.isInteger(v) && (v as number) > 0;
const isBoolean: Check = (v) => typeof v === "boolean";
const oneOf = (...values: string[]): Check => (v) => values.includes(v as string);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

type Shape = Record<string, Check>;

/** each shape's fields as a list, made once: a story has thousands of tokens to check */
const fieldLists = new WeakMap<Shape, [string, Check][]>();

/** The first field of `v` that breaks `shape` ("mentions"), or null. */
function badField(v: unknown, shape: Shape): string | null {
  if (!isRecord(v)) return "";
  let fields = fieldLists.get(shape);
  if (!fields) fieldLists.set(shape, (fields = Object.entries(shape)));
  for (let i = 0; i < fields.length; i++) if (!fields[i]![1](v[fields[i]![0]])) return fields[i]![0];
  return null;
}

/** The first problem of a list of `shape` items ("3.mentions: not what ingest writes"), or null. */
function badItem(list: unknown, shape: Shape | Check): string | null {
  if (!Array.isArray(list)) return "not a list";
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (typeof shape === "function") {
      if (!shape(item)) return `${i}: not what ingest writes`;
      continue;
    }
    const field = badField(item, shape);
    if (field !== null) return `${i}${field ? `.${field}` : ""}: not what ingest writes`;
  }
  return null;
}

const listOf = (shape: Shape | Check): Check => (v) => badItem(v, shape) === null;

const TOKEN: Shape = { text: isText, lemma: isText, stem: isText, pos: isText, start: isCount, end: isCount };
const SPAN: Shape = { sentence: isCount, start: isCount, end: isCount, text: isText };
const SENTENCE: Shape = { id: isCount, paragraph: isPositive, text: isText, tokens: listOf(TOKEN) };
const PARAGRAPH: Shape = { number: isPositive, text: isText, sentenceIds: listOf(isCount) };
const ENTITY: Shape = { name: isText, type: oneOf("person", "place", "organisation", "date", "number", "other"), aliases: listOf(isText), descriptions: listOf(isText), mentions: listOf(SPAN) };
const DATE: Shape = { ...SPAN, iso: isNullableText, precision: oneOf("day", "month", "year", "approximate"), relative: isBoolean };
const META: Shape = { title: isText, source: isNullableText, url: isNullableText, published: isNullableText, place: isNullableText, dateline: isNullableText, datelineDate: isNullableText, author: isOptionalText, byline: isOptionalText, missing: (v) => v === undefined || listOf(isText)(v) };
const LISTS: Record<string, Shape | Check> = { paragraphs: PARAGRAPH, sentences: SENTENCE, entities: ENTITY, dates: DATE, boilerplate: isText, personNouns: isText };

interface Parts {
  paragraphs: { sentenceIds: number[] }[];
  sentences: { id: number }[];
  entities: { mentions: { sentence: number }[] }[];
  dates: { sentence: number }[];
}

/** null if `value` is a story as ingest writes it, else the first problem found ("entities.3.mentions: …"). */
export function storyShapeProblem(value: unknown): string | null {
  const meta = badField(value, META);
  if (meta !== null) return `${meta || "the entry"}: not what ingest writes`;
  const story = value as Record<string, unknown>;
  for (const [name, shape] of Object.entries(LISTS)) {
    const problem = badItem(story[name], shape);
    if (problem) return `${name}${problem.startsWith("not") ? ": " : "."}${problem}`;
  }
  if (!(story.paragraphs as unknown[]).length) return "paragraphs: none";
  const demonyms = story.demonyms;
  if (!isRecord(demonyms) || !Object.values(demonyms).every(isText)) return "demonyms: not what ingest writes";
  return references(story as unknown as Parts);
}

/** The ids that tie the parts together must point inside the story. */
function references(story: Parts): string | null {
  const sentences = story.sentences.length;
  for (const [i, s] of story.sentences.entries()) if (s.id !== i) return `sentences.${i}.id: ${s.id} is not its place`;
  for (const [i, p] of story.paragraphs.entries()) if (p.sentenceIds.some((id) => id >= sentences)) return `paragraphs.${i}.sentenceIds: past the last sentence`;
  for (const [i, e] of story.entities.entries()) if (e.mentions.some((m) => m.sentence >= sentences)) return `entities.${i}.mentions: past the last sentence`;
  for (const [i, d] of story.dates.entries()) if (d.sentence >= sentences) return `dates.${i}.sentence: past the last sentence`;
  return null;
}
