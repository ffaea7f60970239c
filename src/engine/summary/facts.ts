/**
 * The story's people, places, organisations and dates: for each, what the story calls it and
 * says it is, how often it comes up and in which paragraphs.
 */
import { chronological } from "../language/date-order.js";
import type { DatePrecision, Entity, EntityType, Story } from "../types.js";

export const FACT_TYPES = ["people", "places", "organisations", "dates"] as const;
export type FactType = (typeof FACT_TYPES)[number];

export interface NameFact {
  name: string;
  type: EntityType;
  aliases: string[];
  descriptions: string[];
  /** how many times the story names it, aliases included */
  count: number;
  paragraphs: number[];
}

export interface DateFact {
  /** ISO date as precise as the story allows, or null for a relative date with no dateline to anchor it */
  date: string | null;
  precision: DatePrecision;
  /** the story's words for it ("Thursday", "70 years ago") */
  texts: string[];
  relative: boolean;
  count: number;
  paragraphs: number[];
}

export interface Facts {
  story: string;
  people?: NameFact[];
  places?: NameFact[];
  organisations?: NameFact[];
  dates?: DateFact[];
}

const ENTITY_TYPE: Record<Exclude<FactType, "dates">, EntityType> = { people: "person", places: "place", organisations: "organisation" };

function paragraphsOf(story: Story, sentenceIds: number[]): number[] {
  return [...new Set(sentenceIds.map((id) => story.sentences[id]?.paragraph ?? 0).filter((p) => p > 0))].sort((a, b) => a - b);
}

export function nameFact(story: Story, e: Entity): NameFact {
  return {
    name: e.name,
    type: e.type,
    aliases: [...e.aliases],
    descriptions: [...e.descriptions],
    count: e.mentions.length,
    paragraphs: paragraphsOf(story, e.mentions.map((m) => m.sentence)),
  };
}

/** Most mentioned first; ties in order of first appearance. */
function namesOf(story: Story, type: EntityType): NameFact[] {
  const first = (e: Entity) => Math.min(...e.mentions.map((m) => m.sentence));
  return story.entities
    .filter((e) => e.type === type && e.mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length || first(a) - first(b))
    .map((e) => nameFact(story, e));
}

/** One entry per calendar date (or per wording, for dates that cannot be placed), in chronological order. */
function datesOf(story: Story): DateFact[] {
  const groups = new Map<string, { facts: DateFact; sentences: number[] }>();
  for (const d of story.dates) {
    const key = d.iso ?? `?${d.text.toLowerCase()}`;
    const g = groups.get(key) ?? { facts: { date: d.iso, precision: d.precision, texts: [], relative: d.relative, count: 0, paragraphs: [] }, sentences: [] };
    if (!g.facts.texts.includes(d.text)) g.facts.texts.push(d.text);
    g.facts.count++;
    g.facts.relative &&= d.relative;
    g.sentences.push(d.sentence);
    groups.set(key, g);
  }
  const all = [...groups.values()].map((g) => ({ ...g, facts: { ...g.facts, paragraphs: paragraphsOf(story, g.sentences) } }));
  const dated = all.filter((g) => g.facts.date !== null);
  dated.sort((a, b) => chronological({ date: a.facts.date!, sentence: a.sentences[0]! }, { date: b.facts.date!, sentence: b.sentences[0]! }));
  return [...dated, ...all.filter((g) => g.facts.date === null)].map((g) => g.facts);
}

export function storyFacts(story: Story, type?: FactType): Facts {
  const facts: Facts = { story: story.id };
  const wanted = type ? [type] : FACT_TYPES;
  for (const t of wanted) {
    if (t === "dates") facts.dates = datesOf(story);
    else facts[t] = namesOf(story, ENTITY_TYPE[t]);
  }
  return facts;
}
