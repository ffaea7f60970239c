/**
 * The gateway connection as an operator needs to see it: a close Discord will not take back ends the
 * process with a reason, and a gateway that cannot be reached is retried with a growing, bounded
 * delay, reported every few attempts and given up after a set time, so that a service manager sees
 * a failure instead of a bot that looks up and answers no one.
 *
 * discord.js reconnects on its own, 0.5 s after every failed attempt and without end. Its one
 * awaited step before each connection attempt is the `retrieveSessionInfo` option of
 * @discordjs/ws's manager (documented as async, for session stores): the watch wraps it, through
 * the client's public `ws.buildStrategy` option, to wait out the back-off there, while the shard
 * holds no connection and no heartbeat timer. The same function is also asked on every dispatch and
 * heartbeat, so only the first call after login or after a close (discord.js's shardReconnecting)
 * counts as an attempt. One process serves one shard (sharding runs a process per shard).
 */
import { Events, SimpleShardingStrategy, type Client, type ClientOptions, type IShardingStrategy } from "discord.js";
import type { Logger } from "pino";

/** @discordjs/ws's manager (discord.js exports its own class of that name) */
type GatewayManager = Parameters<NonNullable<NonNullable<ClientOptions["ws"]>["buildStrategy"]>>[0];
type RetrieveSessionInfo = GatewayManager["options"]["retrieveSessionInfo"];

/** Close codes after which discord.js does not reconnect, and what the operator has to do. */
export const FATAL_CLOSES: Readonly<Record<number, { name: string; advice: string }>> = {
  4004: { name: "Authentication failed", advice: "the token was reset: update DISCORD_TOKEN (Developer Portal → Bot → Reset Token)" },
  4010: { name: "Invalid shard", advice: "the shard id or count is not valid: check SHARD_COUNT" },
  4011: { name: "Sharding required", advice: "the bot is in too many servers for one connection: run `storybot start --sharded` (SHARD_COUNT=auto)" },
  4012: { name: "Invalid API version", advice: "Discord no longer accepts this gateway version: upgrade discord.js" },
  4013: { name: "Invalid intents", advice: "the intents the bot asks for are not valid: the client's intents need fixing" },
  4014: { name: "Disallowed intents", advice: "the bot asks for a privileged intent not enabled for it: enable it under Developer Portal → Bot → Privileged Gateway Intents, or stop asking for it" },
};

export interface GatewayPolicy {
  /** attempts in a row that go out without delay (a resume after a blip needs no waiting) */
  quickAttempts: number;
  /** the delay before the next attempt after those: `firstDelayMs`, doubling, at most `maxDelayMs` */
  firstDelayMs: number;
  maxDelayMs: number;
  /** an error line every this many failed attempts */
  logEvery: number;
  /** without a session for this long, give up */
  giveUpAfterMs: number;
}

export const DEFAULT_GATEWAY_POLICY: GatewayPolicy = { quickAttempts: 2, firstDelayMs: 1000, maxDelayMs: 60_000, logEvery: 5, giveUpAfterMs: 600_000 };

/** Why the bot cannot go on serving: a fatal close (with its code) or an unreachable gateway. */
export class GatewayFailure extends Error {
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message);
    this.name = "GatewayFailure";
  }
}

export function fatalCloseFailure(code: number): GatewayFailure | null {
  const known = FATAL_CLOSES[code];
  return known ? new GatewayFailure(`the Discord gateway closed the connection with ${code} (${known.name}) and will not take it back: ${known.advice}`, code) : null;
}

/** The wait before connection attempt `attempt` (1 = the first since the last session): 0, then doubling up to the cap. */
export function backoffDelay(attempt: number, policy: GatewayPolicy): number {
  const slow = attempt - 1 - policy.quickAttempts;
  return slow < 0 ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** slow);
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export class GatewayWatch {
  /** resolves once the bot cannot go on; never rejects */
  readonly failed: Promise<GatewayFailure>;
  private fail!: (failure: GatewayFailure) => void;
  private attempts = 0;
  private downSince: number | null = null;
  private closed = false;
  /** the next retrieveSessionInfo call opens a connection: at login, and after each close */
  private connecting = true;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly log: Logger,
    private readonly policy: GatewayPolicy = DEFAULT_GATEWAY_POLICY,
  ) {
    this.failed = new Promise((done) => (this.fail = done));
  }

  /** For the client's `ws.buildStrategy` option: discord.js's own strategy, with the back-off before each attempt. */
  readonly buildStrategy = (manager: GatewayManager): IShardingStrategy => {
    const options = manager.options as { retrieveSessionInfo: RetrieveSessionInfo };
    const retrieve = options.retrieveSessionInfo;
    options.retrieveSessionInfo = async (shardId: number) => {
      if (this.connecting) {
        this.connecting = false;
        await this.beforeAttempt();
      }
      return retrieve(shardId);
    };
    return new SimpleShardingStrategy(manager);
  };

  /** Listens to the client's shard events: a session resets the count; a fatal close fails. */
  attach(client: Client): void {
    const up = () => {
      if (this.downSince !== null && this.attempts > 1) this.log.info({ attempts: this.attempts - 1, downForS: seconds(Date.now() - this.downSince) }, "Discord gateway reachable again");
      this.attempts = 0;
      this.downSince = null;
    };
    client.on(Events.ShardReady, up);
    client.on(Events.ShardResume, up);
    client.on(Events.ShardReconnecting, () => (this.connecting = true));
    client.on(Events.ShardDisconnect, (event) => {
      const failure = fatalCloseFailure(event.code);
      if (failure && !this.closed) this.fail(failure);
    });
  }

  /** After the bot's own stop: no more waiting, and an attempt still waiting never goes out. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async beforeAttempt(): Promise<void> {
    if (this.closed) return new Promise(() => {});
    this.attempts++;
    const now = Date.now();
    this.downSince ??= now;
    if (this.attempts === 1) return;
    const failed = this.attempts - 1;
    const downFor = now - this.downSince;
    const delay = backoffDelay(this.attempts, this.policy);
    if (downFor + delay >= this.policy.giveUpAfterMs) {
      this.fail(new GatewayFailure(`could not connect to the Discord gateway for ${seconds(downFor)} s (${failed} failed attempts); giving up after GATEWAY_GIVE_UP_SECONDS=${seconds(this.policy.giveUpAfterMs)}`, null));
      return new Promise(() => {});
    }
    if (failed % this.policy.logEvery === 0) this.log.error({ failedAttempts: failed, downForS: seconds(downFor), nextDelayS: seconds(delay), giveUpAfterS: seconds(this.policy.giveUpAfterMs) }, "cannot connect to the Discord gateway; still retrying");
    if (delay > 0) await new Promise<void>((done) => {
      const timer = setTimeout(() => (this.timers.delete(timer), done()), delay);
      this.timers.add(timer);
    });
    if (this.closed) return new Promise(() => {});
  }
}
