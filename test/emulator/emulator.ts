/**
 * A loopback Discord for end-to-end tests: REST under /api/v10 and the gateway on one local port.
 * The bot's real discord.js Client connects to it with `rest: { api: emulator.apiUrl }`; the
 * gateway address comes from GET /gateway/bot, as with Discord.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Gateway } from "./gateway.js";
import { RestApi, type RestCall } from "./rest.js";
import { createWorld, type World } from "./world.js";

export const EMULATED_TOKEN = "ZW11bGF0ZWQ.Ym90.dG9rZW4tZm9yLXRlc3Rz";

export class DiscordEmulator {
  readonly world: World;
  readonly rest: RestApi;
  readonly gateway: Gateway;
  private port = 0;

  private constructor(
    private readonly server: Server,
    token: string,
  ) {
    this.world = createWorld(token);
    this.rest = new RestApi(this.world, () => this.gatewayUrl);
    this.gateway = new Gateway(this.world, () => this.gatewayUrl);
    server.on("request", (req, res) => void this.rest.handle(req, res));
    server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/gateway")) this.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(token = EMULATED_TOKEN): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(createServer(), token);
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
