/**
 * Discord's side of every interaction: created when dispatched, delivered when a socket carried it,
 * acknowledged by at most one callback, completed when the user can see an answer (a reply, or an
 * edit/follow-up after a deferral). Callbacks are refused the way Discord refuses them: 10062 for
 * an unknown or expired interaction, 40060 for a second acknowledgement.
 */

export interface InteractionRecord {
  id: string;
  token: string;
  guildId: string | undefined;
  createdAt: number;
  /** how many times a gateway socket carried it (more than once would be a replay bug) */
  deliveries: number;
  replayed: boolean;
  /** when the first successful callback arrived */
  acknowledgedAt?: number;
  /** the callback type that acknowledged it: 4 reply, 5 deferral, 7 update, 8 autocomplete choices */
  acknowledgedWith?: number;
  /** when the user could see an answer */
  completedAt?: number;
  /** callbacks refused with 40060: a bot answering twice */
  extraAcknowledgements: number;
  expired: boolean;
}

export type Acknowledgement = { ok: true } | { ok: false; status: number; code: number; message: string };

const UNKNOWN: Acknowledgement = { ok: false, status: 404, code: 10062, message: "Unknown interaction" };
const ALREADY: Acknowledgement = { ok: false, status: 400, code: 40060, message: "Interaction has already been acknowledged." };
/** callback types that show the user an answer at once (a deferral, 5 or 6, shows "thinking…") */
const FINAL_TYPES = new Set([4, 7, 8, 9, 10]);

export class InteractionLedger {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly waiters = new Set<() => void>();

  /** `deadlineMs`: Discord's 3-second window for the first response; null leaves it unenforced. */
  constructor(private readonly deadlineMs: number | null) {}

  created(d: { id: string; token: string; guild_id?: string }): void {
    // the same interaction dispatched again (Discord delivering it twice) keeps its record
    if (this.byId.has(d.id)) return;
    const record: InteractionRecord = { id: d.id, token: d.token, guildId: d.guild_id, createdAt: performance.now(), deliveries: 0, replayed: false, extraAcknowledgements: 0, expired: false };
    this.byId.set(d.id, record);
    this.byToken.set(d.token, record);
  }

  delivered(id: string, replayed: boolean): void {
    const r = this.byId.get(id);
    if (!r) return;
    r.deliveries++;
    r.replayed ||= replayed;
  }

  /** Makes the interaction's token invalid, as Discord does once its window has passed. */
  expire(id: string): void {
    const r = this.byId.get(id);
    if (r) r.expired = true;
  }

  acknowledge(id: string, token: string, type: number): Acknowledgement {
    const r = this.byId.get(id);
    if (!r || r.token !== token) return UNKNOWN;
    const now = performance.now();
    if (r.expired || (this.deadlineMs !== null && r.acknowledgedAt === undefined && now - r.createdAt > this.deadlineMs)) return UNKNOWN;
    if (r.acknowledgedAt !== undefined) {
      r.extraAcknowledgements++;
      return ALREADY;
    }
    r.acknowledgedAt = now;
    r.acknowledgedWith = type;
    if (FINAL_TYPES.has(type)) r.completedAt = now;
    this.changed();
    return { ok: true };
  }

  /** An edit of the original response or a follow-up: after a deferral, that is the answer. */
  answeredByWebhook(token: string): void {
    const r = this.byToken.get(token);
    if (!r || r.acknowledgedAt === undefined || r.completedAt !== undefined) return;
    r.completedAt = performance.now();
    this.changed();
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  /** Resolves once every listed interaction has a visible answer; rejects after `timeoutMs` naming how many have none. */
  waitUntilCompleted(ids: string[], timeoutMs = 15_000): Promise<void> {
    const pending = () => ids.filter((id) => this.byId.get(id)?.completedAt === undefined);
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pending().length) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${pending().length} of ${ids.length} interactions still unanswered after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  private changed(): void {
    for (const w of [...this.waiters]) w();
  }
}
