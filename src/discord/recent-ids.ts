/**
 * Ids seen lately, to drop an event delivered twice. Bounded: an interaction can only be answered
 * within 15 minutes of its creation, and far fewer than this many arrive in that time on one shard.
 */
export const REMEMBERED_IDS = 50_000;

export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = REMEMBERED_IDS) {}

  /** true if `id` was seen before; remembers it otherwise */
  repeat(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    // a Set iterates in insertion order: the first is the oldest
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value!);
    return false;
  }
}
