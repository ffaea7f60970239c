/** The lower-case forms and words of an entity's names: how a question's words are tied to it. */
import type { Entity } from "../types.js";

/** Entities do not change once ingested, and these run for every entity on every question. */
const formsCache = new WeakMap<Entity, string[]>();
const wordsCache = new WeakMap<Entity, string[]>();
const plainCache = new WeakMap<Entity, string[]>();

/** Lower case without punctuation, spaces single: how a name and a question's text are compared. */
export function plainText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, " ").replace(/\s+/g, " ").trim();
}

/** "Dana F. Besecker Company" → ["dana f besecker company"]: nameForms as plainText writes them. */
export function plainNameForms(entity: Entity): string[] {
  let forms = plainCache.get(entity);
  if (!forms) {
    forms = nameForms(entity).map(plainText).filter((n) => n.length > 0);
    plainCache.set(entity, forms);
  }
  return forms;
}

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
