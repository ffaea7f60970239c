/**
 * A loopback Discord for end-to-end tests: REST under /api/v10 and the gateway on one local port.
 * The bot's real discord.js Client connects to it with `rest: { api: emulator.apiUrl }`; the
 * gateway address comes from GET /gateway/bot, as with Discord.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestContext } from "vitest";
import { Attachments } from "./attachments.js";
import { Gateway } from "./gateway.js";
import { InteractionLedger } from "./ledger.js";
import { RestApi, type RestCall } from "./rest.js";
import { createWorld, type World } from "./world.js";

export const EMULATED_TOKEN = "ZW11bGF0ZWQ.Ym90.dG9rZW4tZm9yLXRlc3Rz";

/** Discord's window for the first response to an interaction. */
export const INTERACTION_DEADLINE_MS = 3000;

export interface EmulatorOptions {
  token?: string;
  /** how many guilds the bot is in (default 1); consecutive guilds fall on consecutive shards */
  guilds?: number;
  /** the shard count GET /gateway/bot recommends (default 1) */
  shards?: number;
  /** session_start_limit.max_concurrency (default 16: identifies are not throttled) */
  maxConcurrency?: number;
  /** refuse a first response later than Discord's 3 s with 10062 (default off: a loaded test machine is not a bot bug) */
  enforceDeadline?: boolean;
  /** the heartbeat interval HELLO asks for (default Discord's 41.25 s); a client quiet for 1.5 of them is dropped with 4009 */
  heartbeatIntervalMs?: number;
  /** rate limits of the bot's own messages (POST /channels/:id/messages): `limit` per `windowMs` per channel (default none) */
  messageRateLimit?: { limit: number; windowMs: number };
}

export class DiscordEmulator {
  readonly world: World;
  readonly rest: RestApi;
  readonly gateway: Gateway;
  /** every interaction dispatched, and what became of it */
  readonly interactions: InteractionLedger;
  /** the attachment CDN: files users upload with a command */
  readonly attachments = new Attachments(() => `http://127.0.0.1:${this.port}`);
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: EmulatorOptions,
  ) {
    this.world = createWorld(options.token ?? EMULATED_TOKEN, options.guilds ?? 1);
    this.interactions = new InteractionLedger(options.enforceDeadline ? INTERACTION_DEADLINE_MS : null);
    this.rest = new RestApi(this.world, () => this.gatewayUrl, this.interactions, { shards: options.shards ?? 1, maxConcurrency: options.maxConcurrency ?? 16, messageRateLimit: options.messageRateLimit });
    this.gateway = new Gateway(this.world, () => this.gatewayUrl, this.interactions, options.heartbeatIntervalMs);
    server.on("request", (req, res) => void (this.attachments.handle(req, res) || this.rest.handle(req, res)));
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway")) return socket.destroy();
      // an unreachable gateway, as a client sees one: the connection is cut before the handshake
      if (this.gateway.unreachable) return void (this.gateway.refused++, socket.destroy());
      this.gateway.upgrade(req, socket, head);
    });
  }

  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(createServer(), options);
    await new Promise<void>((done) => emulator.server.listen(0, "127.0.0.1", done));
    emulator.port = (emulator.server.address() as AddressInfo).port;
    return emulator;
  }

  /** What DISCORD_API_URL / `rest.api` should be: the base up to /api. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Sends a user's interaction and resolves with the bot's initial response to it. */
  interact(interaction: { id: string; token: string }): Promise<RestCall> {
    this.gateway.dispatch("INTERACTION_CREATE", interaction);
    return this.rest.waitFor((c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  }

  /** Every REST call the bot made about one interaction (callback, edits, follow-ups). */
  callsFor(interaction: { token: string }): RestCall[] {
    return this.rest.calls.filter((c) => c.path.split("/").includes(interaction.token));
  }

  /** A message posted in the guild's channel; resolves with the bot's reply to it. */
  post(message: { id: string }): Promise<RestCall> {
    this.gateway.dispatch("MESSAGE_CREATE", message);
    return this.rest.waitFor((c) => c.method === "POST" && c.path === `/channels/${this.world.guild.channelId}/messages` && c.body?.message_reference?.message_id === message.id);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(done));
  }
}

/** An emulator for one test, closed when that test ends (tests run concurrently, each against its own). */
export async function emulatorForTest(test: TestContext, options?: EmulatorOptions): Promise<DiscordEmulator> {
  const emulator = await DiscordEmulator.start(options);
  test.onTestFinished(() => emulator.close());
  return emulator;
}
