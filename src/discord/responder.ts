/**
 * Answers one interaction exactly once: the first Reply becomes the interaction response (or fills a
 * deferred one), later ones are follow-ups. A first response refused as already acknowledged (40060)
 * was sent twice by a retry: it counts as sent. If the handler has said nothing after `deferAfterMs`, the
 * interaction is deferred so Discord's 3-second window is never missed. If the window has closed all
 * the same (10062 Unknown interaction), that is logged once and every later send is dropped: there is
 * no one left to answer, and the command should not be reported as failed.
 */
import type { RepliableInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import type { Logger } from "pino";
import { toDiscordMessage } from "../render/discord-message.js";
import type { Reply } from "../render/reply.js";
import { hideInteractionToken, isAlreadyAcknowledged, isUnknownInteraction } from "./discord-errors.js";

export const DEFER_AFTER_MS = 1500;

type State = "new" | "deferred" | "answered" | "expired";

export class Responder {
  private state: State = "new";
  private deferredPrivately = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interaction: RepliableInteraction,
    /** whether the answer will be private, needed up front: a deferral fixes it */
    private readonly privateByDefault: boolean,
    private readonly log: Logger,
  ) {}

  /** answered, or past answering: either way nothing more is owed */
  get settled(): boolean {
    return this.state === "answered" || this.state === "expired";
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
      if (await this.firstResponse(() => this.interaction.deferReply(this.privateByDefault ? { flags: MessageFlags.Ephemeral } : {}), "deferred")) this.state = "deferred";
    });
  }

  send(reply: Reply): Promise<void> {
    clearTimeout(this.timer);
    return this.run(async () => {
      if (this.state === "expired") return;
      const { flags, ...message } = toDiscordMessage(reply);
      const wantsPrivate = flags === MessageFlags.Ephemeral;
      if (this.state === "new") {
        if (!(await this.firstResponse(() => this.interaction.reply({ ...message, flags }), "replied"))) return;
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

  /**
   * Sends the interaction's first response; false if Discord no longer knows the interaction. A 40060
   * means an earlier try of this same request got through: discord.js marks the interaction as
   * replied or deferred only on success, so that is done here, for the edits and follow-ups after.
   */
  private async firstResponse(send: () => Promise<unknown>, marks: "replied" | "deferred"): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (err) {
      if (isAlreadyAcknowledged(err)) {
        this.interaction[marks] = true;
        this.log.debug({ interaction: this.interaction.id }, "first response already acknowledged by an earlier try of the same request");
        return true;
      }
      if (!isUnknownInteraction(err)) throw err;
      this.state = "expired";
      this.log.warn({ interaction: this.interaction.id, command: this.interaction.isCommand() ? this.interaction.commandName : undefined, ageMs: Date.now() - this.interaction.createdTimestamp }, "interaction expired before its first response (10062 Unknown interaction); dropped");
      return false;
    }
  }

  /** One Discord call at a time, so a timed deferral and the answer can never cross. */
  private run<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step).catch((err: unknown) => {
      throw hideInteractionToken(err, this.interaction.token);
    });
    this.queue = next.catch(() => {});
    return next;
  }
}
