/** The bot on Discord: a client with its handlers attached, logged in and ready. */
import { once } from "node:events";
import { Events, type Client } from "discord.js";
import type { Logger } from "pino";
import type { Command } from "../../commands/command.js";
import { commands as allCommands } from "../../commands/index.js";
import type { Stories } from "../../commands/stories-service.js";
import { suggestedQuestions } from "../engine/suggest.js";
import { createClient, type ClientSettings } from "./client.js";
import { Cooldown, DEFAULT_COOLDOWN, type CooldownOptions } from "./cooldown.js";
import { inviteUrl } from "./invite.js";
import { attachHandlers } from "./router.js";

export interface BotOptions extends ClientSettings {
  token: string;
  stories: Stories;
  log: Logger;
  commands?: Command[];
  cooldown?: CooldownOptions;
  deferAfterMs?: number;
}

/** Resolves once the client is ready; rejects (without the token in the message) if login fails. */
export async function startBot(options: BotOptions): Promise<Client<true>> {
  const { log, stories } = options;
  const client = createClient(options);
  attachHandlers(client, { commands: options.commands ?? allCommands, stories, log, cooldown: new Cooldown(options.cooldown ?? DEFAULT_COOLDOWN), deferAfterMs: options.deferAfterMs });
  client.on(Events.Error, (err) => log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, "gateway disconnected"));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  // the first autocomplete must be quick: generate the default story's suggestions now
  if (stories.defaultId) suggestedQuestions(stories.pick(null));
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, stories: stories.list().length, invite: client.application ? inviteUrl(client.application.id) : undefined }, "ready");
  return client as Client<true>;
}
