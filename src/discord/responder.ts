/**
 * Answers one interaction exactly once: the first Reply becomes the interaction response (or fills a
 * deferred one), later ones are follow-ups. If the handler has said nothing after `deferAfterMs`, the
 * interaction is deferred so Discord's 3-second window is never missed.
 */
import type { RepliableInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import { toDiscordMessage } from "../render/discord-message.js";
import type { Reply } from "../render/reply.js";

export const DEFER_AFTER_MS = 1500;

type State = "new" | "deferred" | "answered";

export class Responder {
  private state: State = "new";
  private deferredPrivately = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interaction: RepliableInteraction,
    /** whether the answer will be private, needed up front: a deferral fixes it */
    private readonly privateByDefault: boolean,
  ) {}

  get answered(): boolean {
    return this.state === "answered";
  }

  /** Defers now (slow commands) or after `ms` unless answered by then. */
  deferAfter(ms: number): void {
    this.timer = setTimeout(() => void this.defer().catch(() => {}), ms);
    this.timer.unref();
  }

  defer(): Promise<void> {
    return this.run(async () => {
      if (this.state !== "new") return;
      this.deferredPrivately = this.privateByDefault;
      await this.interaction.deferReply(this.privateByDefault ? { flags: MessageFlags.Ephemeral } : {});
      this.state = "deferred";
    });
  }

  send(reply: Reply): Promise<void> {
    clearTimeout(this.timer);
    return this.run(async () => {
      const { flags, ...message } = toDiscordMessage(reply);
      const wantsPrivate = flags === MessageFlags.Ephemeral;
      if (this.state === "new") {
        await this.interaction.reply({ ...message, flags });
      } else if (this.state === "deferred" && wantsPrivate === this.deferredPrivately) {
        await this.interaction.editReply(message);
      } else if (this.state === "deferred") {
        // the placeholder's visibility cannot change: replace it with a follow-up of the right kind
        await this.interaction.deleteReply().catch(() => {});
        await this.interaction.followUp({ ...message, flags });
      } else {
        await this.interaction.followUp({ ...message, flags });
      }
      this.state = "answered";
    });
  }

  finish(): void {
    clearTimeout(this.timer);
  }

  /** One Discord call at a time, so a timed deferral and the answer can never cross. */
  private run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => {});
    return next;
  }
}
