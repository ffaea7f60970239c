/** The lower-case forms and words of an entity's names: how a question's words are tied to it. */
import type { Entity } from "../types.js";

/** Entities do not change once ingested, and these run for every entity on every question. */
const formsCache = new WeakMap<Entity, string[]>();
const wordsCache = new WeakMap<Entity, string[]>();

/** "Kim Jong-un", "Kim" → ["kim jong-un", "kim"] */
export function nameForms(entity: Entity): string[] {
  let forms = formsCache.get(entity);
  if (!forms) {
    forms = [entity.name, ...entity.aliases].map((n) => n.toLowerCase());
    formsCache.set(entity, forms);
  }
  return forms;
}

/** "Kim Jong-un", "Kim" → ["kim", "jong", "un", "kim"] */
export function nameWords(entity: Entity): string[] {
  let words = wordsCache.get(entity);
  if (!words) {
    words = nameForms(entity).flatMap((n) => n.split(/[\s-]+/));
    wordsCache.set(entity, words);
  }
  return words;
}
