/**
 * Per-user rate limit: at most `limit` questions in any `windowMs`. A refused user hears about it
 * once per window, so that hammering the command does not turn into a stream of notes.
 */
export interface CooldownOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export type CooldownVerdict = { ok: true } | { ok: false; retryAfterMs: number; notify: boolean };

export const DEFAULT_COOLDOWN: CooldownOptions = { limit: 4, windowMs: 10_000 };

export class Cooldown {
  private readonly seen = new Map<string, { times: number[]; notified: number | null }>();
  private readonly now: () => number;

  constructor(private readonly options: CooldownOptions = DEFAULT_COOLDOWN) {
    this.now = options.now ?? Date.now;
  }

  take(user: string): CooldownVerdict {
    const now = this.now();
    const since = now - this.options.windowMs;
    const entry = this.seen.get(user) ?? { times: [], notified: null };
    entry.times = entry.times.filter((t) => t > since);
    this.seen.set(user, entry);
    this.forgetIdle(since);
    if (entry.times.length < this.options.limit) {
      entry.times.push(now);
      entry.notified = null;
      return { ok: true };
    }
    const notify = entry.notified === null || entry.notified <= since;
    if (notify) entry.notified = now;
    return { ok: false, retryAfterMs: entry.times[0]! + this.options.windowMs - now, notify };
  }

  /** Keeps memory bounded by the users active in the last window. */
  private forgetIdle(since: number): void {
    if (this.seen.size < 1000) return;
    for (const [user, e] of this.seen) if (!e.times.some((t) => t > since)) this.seen.delete(user);
  }
}
