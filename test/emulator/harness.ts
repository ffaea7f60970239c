/**
 * The bot under test, in-process: the real discord.js client started by the bot's own `launchBot`,
 * logged in to a fresh emulator, its log lines captured as objects.
 */
import type { AnyCommand } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { launchBot, type RunningBot } from "../../src/discord/bot.js";
import type { CooldownOptions } from "../../commands/cooldown.js";
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

export async function startBotUnderTest(options: { emulator?: EmulatorOptions; extraCommands?: AnyCommand[]; cooldown?: CooldownOptions } = {}): Promise<BotUnderTest> {
  const emulator = await DiscordEmulator.start(options.emulator);
  const logs: Record<string, any>[] = [];
  const log = createLogger({ level: "debug", secrets: [emulator.world.token], destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const bot = await launchBot({
    token: emulator.world.token,
    apiUrl: emulator.apiUrl,
    stories: await projectStories(),
    log,
    commands: [...commands, ...(options.extraCommands ?? [])],
    cooldown: options.cooldown,
    client: { ws: { buildIdentifyThrottler: async () => noIdentifyThrottle } },
  });
  let stopped = false;
  return {
    emulator,
    bot: { ...bot, stop: (budgetMs) => ((stopped = true), bot.stop(budgetMs)) },
    logs,
    async close() {
      if (!stopped) await bot.client.destroy();
      await emulator.close();
    },
  };
}
