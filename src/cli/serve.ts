/**
 * What `storybot start` does: with DISCORD_TOKEN, log in and serve Discord until SIGTERM/SIGINT;
 * without it (or with --console), the local console on stdin until the end of input.
 */
import type { Client } from "discord.js";
import { UserError } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_CACHE_DIR, DEFAULT_STORY_DIR } from "../config-paths.js";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { runConsole } from "../console/console.js";
import { startBot } from "../discord/bot.js";
import { StoryLibrary } from "../engine/library.js";
import { createLogger, type Logger } from "../log.js";

async function loadStories(config: Config, log: Logger): Promise<Stories> {
  const library = await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR, { cacheDir: DEFAULT_CACHE_DIR });
  for (const e of library.errors) log.warn({ file: e.file }, `skipped ${e.message}`);
  log.info({ stories: library.size, dir: DEFAULT_STORY_DIR }, "stories loaded");
  return new Stories(library, config.story);
}

function stopOnSignals(client: Client, log: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    log.info({ signal }, "stopping");
    client
      .destroy()
      .catch((err) => log.error({ err }, "error while disconnecting"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Prints a setup problem (never a secret) and exits 2. */
function refuse(err: unknown): never {
  if (!(err instanceof ConfigError || err instanceof UserError)) throw err;
  process.stderr.write(`storybot start: ${err.message}\n`);
  process.exit(2);
}

export async function serve(opts: { console?: boolean }): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    refuse(err);
  }
  const serving = !!config.token && !opts.console;
  // in the console, routine log lines would interleave with the answers
  const log = createLogger({ level: config.logLevel ?? (serving ? "info" : "warn"), secrets: [config.token] });
  let stories: Stories;
  try {
    stories = await loadStories(config, log);
  } catch (err) {
    refuse(err);
  }
  if (!serving || !config.token) {
    await runConsole({ input: process.stdin, output: process.stdout, stories, commands, log, interactive: process.stdin.isTTY === true });
    return;
  }
  // a failing handler must never take the bot down: log what slipped through and carry on
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  try {
    const client = await startBot({ token: config.token, apiUrl: config.apiUrl, stories, log });
    stopOnSignals(client, log);
  } catch (err) {
    log.fatal({ err }, "could not log in to Discord");
    process.exit(1);
  }
}
