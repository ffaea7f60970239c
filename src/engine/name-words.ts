/** The lower-case words of every form of an entity's name: how a question's words are tied to it. */
import type { Entity } from "./types.js";

export function nameWords(entity: Entity): string[] {
  return [entity.name, ...entity.aliases].flatMap((n) => n.toLowerCase().split(/[\s-]+/));
}
