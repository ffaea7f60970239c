/**
 * What `about:` points at: a named entity of the story (matched fuzzily, aliases included), or
 * else a topic word the story uses; failing both, the closest names to suggest.
 */
import Fuse from "fuse.js";
import { analyse } from "./nlp.js";
import { isContent } from "./search-index.js";
import type { Entity, Story } from "./types.js";

export type Topic =
  | { kind: "entity"; label: string; entity: Entity; sentences: number[] }
  | { kind: "words"; label: string; sentences: number[] }
  | { kind: "unknown"; label: string; suggestions: string[] };

const NAMED: ReadonlySet<Entity["type"]> = new Set(["person", "place", "organisation", "other"]);
const SUBJECT_PRONOUN = /^(?:he|she|his|her|him)$/i;
const MAX_SUGGESTIONS = 5;

function fuseOver(story: Story, threshold: number): Fuse<{ entity: Entity; name: string }> {
  const rows = story.entities
    .filter((e) => NAMED.has(e.type))
    .flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name })));
  return new Fuse(rows, { keys: ["name"], includeScore: true, threshold, ignoreLocation: true });
}

/** Names in the story closest to what was asked, most-mentioned first when nothing is close. */
export function closestNames(story: Story, query: string): string[] {
  const close = fuseOver(story, 0.6).search(query).map((r) => r.item.entity.name);
  const byMentions = story.entities
    .filter((e) => e.type === "person" || e.type === "place" || e.type === "organisation")
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .map((e) => e.name);
  return [...new Set([...close, ...byMentions])].slice(0, MAX_SUGGESTIONS);
}

export function findNamedEntity(story: Story, query: string): Entity | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const exact = story.entities.find((e) => NAMED.has(e.type) && [e.name, ...e.aliases].some((n) => n.toLowerCase() === q));
  if (exact) return exact;
  return fuseOver(story, 0.3).search(query)[0]?.item.entity ?? null;
}

/**
 * Sentences that speak of a person: those naming them, and a following sentence that refers to
 * them only by pronoun when they were the one person of the sentence before.
 */
export function sentencesOf(story: Story, entity: Entity): number[] {
  const ids = new Set(entity.mentions.map((m) => m.sentence));
  if (entity.type === "person") {
    const people = (id: number) => new Set(story.entities.filter((e) => e.type === "person" && e.mentions.some((m) => m.sentence === id)));
    for (const id of [...ids]) {
      const next = story.sentences[id + 1];
      if (!next || ids.has(next.id)) continue;
      const before = people(id);
      if (before.size === 1 && people(next.id).size === 0 && next.tokens.some((t) => SUBJECT_PRONOUN.test(t.text))) ids.add(next.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

export function resolveTopic(story: Story, query: string): Topic {
  const label = query.trim();
  const entity = findNamedEntity(story, label);
  if (entity) return { kind: "entity", label: entity.name, entity, sentences: sentencesOf(story, entity) };
  const stems = new Set(analyse(label).flatMap((s) => s.tokens.filter(isContent).map((t) => t.stem)));
  if (stems.size > 0) {
    const sentences = story.sentences.filter((s) => [...stems].every((st) => s.tokens.some((t) => t.stem === st))).map((s) => s.id);
    if (sentences.length > 0) return { kind: "words", label, sentences };
  }
  return { kind: "unknown", label, suggestions: closestNames(story, label) };
}
