/**
 * What `about:` points at: a named entity of the story (matched fuzzily, aliases included), or
 * else a topic word the story uses; failing both, the closest names to suggest.
 */
import type Fuse from "fuse.js";
import { lazy, require } from "../lazy-require.js";

const FuseClass = lazy<typeof Fuse>(() => require("fuse.js"));
import { analyse } from "../language/nlp.js";
import { findEntity } from "./profile.js";
import { isContent } from "../index/search-index.js";
import type { Entity, Story } from "../types.js";

export type Topic =
  | { kind: "entity"; label: string; entity: Entity; sentences: number[] }
  | { kind: "words"; label: string; sentences: number[] }
  | { kind: "unknown"; label: string };

const NAMED: ReadonlySet<Entity["type"]> = new Set(["person", "place", "organisation", "other"]);
const SUBJECT_PRONOUN = /^(?:he|she|his|her|him)$/i;
const MAX_SUGGESTIONS = 5;
/** looser than this and "Obama" is close to "Korea" */
const CLOSE_THRESHOLD = 0.45;

/**
 * Names to offer instead of one the story lacks: those spelt most like it, or when none is
 * close, the story's most-mentioned people, places and organisations.
 */
export function closestNames(story: Story, query: string): { names: string[]; close: boolean } {
  const rows = story.entities.filter((e) => NAMED.has(e.type)).flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name })));
  const fuse = new (FuseClass())(rows, { keys: ["name"], threshold: CLOSE_THRESHOLD, ignoreLocation: true, ignoreDiacritics: true });
  const close = [...new Set(fuse.search(query.slice(0, 100)).map((r) => r.item.entity.name))];
  if (close.length) return { names: close.slice(0, MAX_SUGGESTIONS), close: true };
  const rank = { person: 0, place: 1, organisation: 2 } as Record<string, number>;
  const known = story.entities
    .filter((e) => e.type in rank)
    .sort((a, b) => b.mentions.length - a.mentions.length || rank[a.type]! - rank[b.type]!)
    .map((e) => e.name);
  return { names: known.slice(0, MAX_SUGGESTIONS), close: false };
}

/** What to tell someone who asked about a name or topic the story does not have. */
export class UnknownTopicError extends Error {
  constructor(
    readonly topic: string,
    readonly suggestions: string[],
    close: boolean,
  ) {
    const offer = suggestions.length ? ` ${close ? "Closest names" : "It names"}: ${suggestions.join(", ")}.` : "";
    super(`"${topic}" is not in the story.${offer}`);
  }
}

export function unknownTopic(story: Story, query: string): UnknownTopicError {
  const { names, close } = closestNames(story, query);
  return new UnknownTopicError(query.trim(), names, close);
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

/**
 * A name the story uses, exactly; else words the story uses, at least one as an ordinary word
 * ("war", "Chinese soldiers", rather than the war's name); else the closest name (forgiving
 * typos); else unknown.
 */
export function resolveTopic(story: Story, query: string): Topic {
  const label = query.trim();
  const asEntity = (entity: Entity): Topic => ({ kind: "entity", label: entity.name, entity, sentences: sentencesOf(story, entity) });
  const lower = label.toLowerCase();
  const exact = story.entities.find((e) => NAMED.has(e.type) && [e.name, ...e.aliases].some((n) => n.toLowerCase() === lower));
  if (exact) return asEntity(exact);
  const stems = new Set(analyse(label).flatMap((s) => s.tokens.filter(isContent).map((t) => t.stem)));
  const used = (st: string, common: boolean) => story.sentences.some((s) => s.tokens.some((t) => t.stem === st && (!common || t.pos !== "PROPN")));
  if (stems.size > 0 && [...stems].every((st) => used(st, false)) && [...stems].some((st) => used(st, true))) {
    const sentences = story.sentences.filter((s) => [...stems].every((st) => s.tokens.some((t) => t.stem === st))).map((s) => s.id);
    if (sentences.length > 0) return { kind: "words", label, sentences };
  }
  const entity = findEntity(story, label);
  return entity ? asEntity(entity) : { kind: "unknown", label };
}
