/**
 * What a story says about a named person, place or organisation: its name, type, other names,
 * descriptions and the sentences that mention it. Names are matched forgivingly (case, accents,
 * a typo or two, a surname alone) with fuse.js.
 */
import type Fuse from "fuse.js";
import { lazy, require } from "../lazy-require.js";

const FuseClass = lazy<typeof Fuse>(() => require("fuse.js"));
import type { Entity, EntityType, Story } from "../types.js";

export interface CitedSentence {
  sentence: number;
  paragraph: number;
  text: string;
}

export interface Profile {
  name: string;
  type: EntityType;
  aliases: string[];
  descriptions: string[];
  /** every sentence that mentions it, in story order */
  sentences: CitedSentence[];
}

/** Looser than this and "sent flowers" starts to look like somebody's name. */
const MATCH_THRESHOLD = 0.3;

const fuses = new WeakMap<Story, Fuse<Entity>>();

function fuseOf(story: Story): Fuse<Entity> {
  let fuse = fuses.get(story);
  if (!fuse) {
    fuse = new (FuseClass())(story.entities, {
      keys: [
        { name: "name", weight: 2 },
        { name: "aliases", weight: 1 },
      ],
      includeScore: true,
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: MATCH_THRESHOLD,
    });
    fuses.set(story, fuse);
  }
  return fuse;
}

const normal = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[’']/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

/** Entities matching `name`, best first: exact names and aliases, then fuzzy matches. */
export function searchEntities(story: Story, name: string, limit = 25): Entity[] {
  const wanted = normal(name);
  if (!wanted) return [];
  const exact = story.entities.filter((e) => normal(e.name) === wanted || e.aliases.some((a) => normal(a) === wanted));
  const fuzzy = fuseOf(story)
    .search(name.trim().slice(0, 100), { limit })
    .map((r) => r.item)
    .filter((e) => !exact.includes(e));
  return [...exact, ...fuzzy].slice(0, limit);
}

/** The entity a user means by `name`, or null when nothing in the story is close enough. */
export function findEntity(story: Story, name: string): Entity | null {
  return searchEntities(story, name, 1)[0] ?? null;
}

export function profileOf(story: Story, entity: Entity): Profile {
  const ids = [...new Set(entity.mentions.map((m) => m.sentence))].sort((a, b) => a - b);
  const sentences = ids.flatMap((id) => {
    const s = story.sentences[id];
    return s ? [{ sentence: id, paragraph: s.paragraph, text: s.text }] : [];
  });
  return { name: entity.name, type: entity.type, aliases: [...entity.aliases], descriptions: [...entity.descriptions], sentences };
}

export function profile(story: Story, name: string): Profile | null {
  const entity = findEntity(story, name);
  return entity ? profileOf(story, entity) : null;
}
