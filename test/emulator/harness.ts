/**
 * The bot under test, in-process: the real discord.js client started by the bot's own `launchBot`,
 * logged in to a fresh emulator, its log lines captured as objects.
 */
import type { ClientOptions } from "discord.js";
import type { AnyCommand } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { launchBot, type RunningBot } from "../../src/discord/bot.js";
import type { CooldownOptions } from "../../commands/cooldown.js";
import type { GatewayPolicy } from "../../src/discord/gateway-watch.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";
import { DiscordEmulator, type EmulatorOptions } from "./emulator.js";

export interface BotUnderTest {
  emulator: DiscordEmulator;
  bot: RunningBot;
  /** every log line the bot wrote, parsed */
  logs: Record<string, any>[];
  /** stops the bot (if the test has not) and the emulator */
  close(): Promise<void>;
}

let stories: Promise<Stories> | undefined;

/** The project's stories, loaded once per test file. */
export const projectStories = (): Promise<Stories> => (stories ??= StoryLibrary.fromDirectory(DEFAULT_STORY_DIR).then((library) => new Stories(library)));

/**
 * A new session normally waits out Discord's 5-second identify window; the emulator has no such
 * limit, so tests reconnect at once after a 1000 close.
 */
const noIdentifyThrottle = { waitForIdentify: async () => {} };

export interface BotUnderTestOptions {
  emulator?: EmulatorOptions;
  extraCommands?: AnyCommand[];
  cooldown?: CooldownOptions;
  gateway?: Partial<GatewayPolicy>;
  /** Client options on top of the identify throttler (shorter REST timeouts…) */
  client?: Partial<ClientOptions>;
  /** the stories served (default: the project's) */
  stories?: Stories;
  /** how long a command may run before the bot defers its reply (default: the bot's own) */
  deferAfterMs?: number;
}

/** A logger whose lines land in `logs`, parsed, with the emulator's token as the secret. */
export function capturingLogger(emulator: DiscordEmulator, logs: Record<string, any>[]) {
  return createLogger({ level: "debug", secrets: [emulator.world.token], destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
}

/** Logs the bot in to `emulator` with the project's stories; rejects as launchBot does. */
export async function launchAgainst(emulator: DiscordEmulator, logs: Record<string, any>[], options: Omit<BotUnderTestOptions, "emulator"> = {}): Promise<RunningBot> {
  const { ws, ...client } = options.client ?? {};
  return launchBot({
    token: emulator.world.token,
    apiUrl: emulator.apiUrl,
    stories: options.stories ?? (await projectStories()),
    log: capturingLogger(emulator, logs),
    commands: [...commands, ...(options.extraCommands ?? [])],
    cooldown: options.cooldown,
    gateway: options.gateway,
    deferAfterMs: options.deferAfterMs,
    client: { ...client, ws: { buildIdentifyThrottler: async () => noIdentifyThrottle, ...ws } },
  });
}

export async function startBotUnderTest(options: BotUnderTestOptions = {}): Promise<BotUnderTest> {
  const emulator = await DiscordEmulator.start(options.emulator);
  const logs: Record<string, any>[] = [];
  const bot = await launchAgainst(emulator, logs, options);
  let stopped = false;
  return {
    emulator,
    bot: { ...bot, stop: (budgetMs) => ((stopped = true), bot.stop(budgetMs)) },
    logs,
    async close() {
      if (!stopped) await bot.stop(0);
      await emulator.close();
    },
  };
}
