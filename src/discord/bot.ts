/** The bot on Discord: a client with its handlers attached, logged in and ready, and a way to stop it gracefully. */
import { once } from "node:events";
import { Events, type Client } from "discord.js";
import type { Logger } from "pino";
import type { AnyCommand } from "../../commands/command.js";
import type { Services } from "../../commands/services.js";
import { commands as allCommands } from "../../commands/index.js";
import type { Stories } from "../../commands/stories-service.js";
import type { ServerLibraries } from "../servers/server-libraries.js";
import { suggestedQuestions } from "../engine/index.js";
import { createClient, type ClientSettings } from "./client.js";
import { Cooldown, DEFAULT_COOLDOWN, type CooldownOptions } from "../../commands/cooldown.js";
import { DEFAULT_GATEWAY_POLICY, GatewayWatch, type GatewayFailure, type GatewayPolicy } from "./gateway-watch.js";
import { inviteUrl } from "./invite.js";
import { logRestTrouble } from "./rest-log.js";
import { attachHandlers } from "./router.js";
import { Workload } from "./workload.js";

export interface BotOptions extends ClientSettings {
  token: string;
  stories: Stories;
  /** each server's own stories; without it every server sees `stories` alone */
  servers?: ServerLibraries;
  log: Logger;
  commands?: AnyCommand[];
  cooldown?: CooldownOptions;
  deferAfterMs?: number;
  /** how an unreachable gateway is retried and when the bot gives up (GATEWAY_GIVE_UP_SECONDS) */
  gateway?: Partial<GatewayPolicy>;
  /** the conversation memory and other stores commands use */
  services?: Services;
}

/**
 * How long a stop waits for replies in flight. The rest of the 5 seconds a service manager usually
 * grants before SIGKILL is for closing the gateway and exiting.
 */
export const STOP_BUDGET_MS = 4000;

export interface RunningBot {
  client: Client<true>;
  /** Stops taking new interactions, waits for the replies in flight (at most `budgetMs`), then disconnects; resolves with how many replies were abandoned. */
  stop(budgetMs?: number): Promise<{ unfinished: number }>;
  /**
   * Resolves if the bot can no longer serve: a close code Discord will not take back (4004 token
   * reset, 4010–4014), or a gateway unreachable for longer than the policy allows. The caller logs
   * it, stops, and exits non-zero.
   */
  failed: Promise<GatewayFailure>;
}

/** `stopping`: our own disconnect is reported by discord.js as a reconnect; it is not news. */
function logGateway(client: Client, log: Logger, stopping: () => boolean): void {
  // a shard process's logger already says which shard it is
  const which = (shard: number) => ("shard" in log.bindings() ? {} : { shard });
  client.on(Events.Error, (err) => log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, ...which(shard) }, "gateway disconnected"));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping()) log.warn(which(shard), "gateway connection lost; reconnecting");
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ ...which(shard), replayed }, "gateway resumed"));
  client.on(Events.ShardReady, (shard) => log.info(which(shard), "gateway session started"));
}

/**
 * The first autocomplete must be quick, so the default story's suggestions are made up front; but
 * after login, not before: a big story takes seconds, and the bot would start late without a word.
 */
function prepareSuggestions(stories: Stories, log: Logger): void {
  if (!stories.defaultId) return;
  setImmediate(() => {
    const started = performance.now();
    try {
      const story = stories.pick(null);
      log.info({ story: story.id }, "preparing autocomplete suggestions");
      const count = suggestedQuestions(story).length;
      log.info({ story: story.id, suggestions: count, ms: Math.round(performance.now() - started) }, "autocomplete suggestions ready");
    } catch (err) {
      // autocomplete makes them on first use instead
      log.warn({ err }, "could not prepare autocomplete suggestions");
    }
  });
}

/** Resolves once the client is ready; rejects (without the token in the message) if login fails. */
export async function launchBot(options: BotOptions): Promise<RunningBot> {
  const { log, stories } = options;
  const gateway = new GatewayWatch(log, { ...DEFAULT_GATEWAY_POLICY, ...options.gateway });
  const onReset = (r: { method: string; route: string; attempt: number; willRetry: boolean }) =>
    log.warn(r, r.willRetry ? "Discord closed the connection before answering; sending the request again" : "Discord closed the connection before answering; not safe to send again");
  const client = createClient(options, { gateway, onReset });
  gateway.attach(client);
  const workload = new Workload();
  attachHandlers(client, { commands: options.commands ?? allCommands, stories, servers: options.servers, log, cooldown: new Cooldown(options.cooldown ?? DEFAULT_COOLDOWN), deferAfterMs: options.deferAfterMs, services: options.services }, workload);
  logGateway(client, log, () => !workload.accepting);
  logRestTrouble(client.rest, log);
  const ready = once(client, Events.ClientReady);
  try {
    await Promise.race([
      client.login(options.token).then(() => ready),
      gateway.failed.then((failure) => Promise.reject(failure)),
    ]);
  } catch (err) {
    gateway.close();
    await client.destroy();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, stories: stories.library.size, invite: client.application ? inviteUrl(client.application.id) : undefined }, "ready");
  prepareSuggestions(stories, log);
  const stop = async (budgetMs = STOP_BUDGET_MS) => {
    workload.close();
    log.info({ inFlight: workload.size }, "no longer taking new interactions; finishing the replies in flight");
    const unfinished = await workload.settle(budgetMs);
    if (unfinished) log.warn({ unfinished, budgetMs }, "gave up waiting for replies still in flight");
    gateway.close();
    await client.destroy();
    return { unfinished };
  };
  return { client: client as Client<true>, stop, failed: gateway.failed };
}

/** The ready client alone, for callers that stop it with `client.destroy()`. */
export async function startBot(options: BotOptions): Promise<Client<true>> {
  return (await launchBot(options)).client;
}
