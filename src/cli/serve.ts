/**
 * What `storybot start` does: with DISCORD_TOKEN, log in and serve Discord until SIGTERM/SIGINT;
 * without it (or with --console), the local console on stdin until the end of input. Also what each
 * shard process of `storybot start --sharded` runs.
 */
import { UserError, type AnyCommand } from "../../commands/command.js";
import { commands as allCommands } from "../../commands/index.js";
import { DEFAULT_COOLDOWN } from "../../commands/cooldown.js";
import type { Services } from "../../commands/services.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_DB_FILE, DEFAULT_STORY_DIR } from "../config-paths.js";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { runConsole } from "../console/console.js";
import { launchBot, STOP_BUDGET_MS, type RunningBot } from "../discord/bot.js";
import { GatewayFailure } from "../discord/gateway-watch.js";
import { ingestLog } from "../discord/ingest-log.js";
import { dropStrayShardCount, shardOfThisProcess } from "../discord/shard-process.js";
import { answerModel, ModelError, preloadIngest, StoryLibrary } from "../engine/index.js";
import { createLogger, type Logger } from "../log.js";
import { DatabaseError } from "../store/database.js";
import { processStorage } from "../store/process-storage.js";
import { ServerLibraries } from "../servers/server-libraries.js";

export interface ServeOptions {
  console?: boolean;
  /** the command set (default: every command); process tests add test-only commands */
  commands?: AnyCommand[];
}

/** The last resort if disconnecting hangs: out before the 5 s a service manager grants ends in SIGKILL. */
const EXIT_DEADLINE_MS = STOP_BUDGET_MS + 800;

async function loadStories(config: Config, log: Logger): Promise<{ stories: Stories; servers: ServerLibraries }> {
  const storage = processStorage();
  const library = await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR, { cache: storage.ingest, progress: ingestLog(log) });
  for (const e of library.errors) log.warn({ file: e.file }, `skipped ${e.message}`);
  for (const e of library.rebuilt) log.warn({ file: e.file }, e.message);
  // a damaged copy found later, when a question reaches its story, is rebuilt on the spot and named
  library.onRebuilt = (e) => log.warn({ file: e.file }, e.message);
  await preloadIngest();
  // serving nothing would look like a working bot; a clear refusal also keeps a service manager from a login loop
  if (library.size === 0) {
    const why = library.errors.map((e) => e.message).join("; ");
    throw new UserError(`no story could be loaded from ${DEFAULT_STORY_DIR}${why ? `: ${why}` : ""}`);
  }
  log.info({ stories: library.size, dir: DEFAULT_STORY_DIR }, "stories loaded");
  const servers = new ServerLibraries(library, storage.servers, { preferred: config.story, ingest: storage.ingest, fetch: { allow: config.fetchAllow } });
  return { stories: new Stories(library, config.story), servers };
}

/**
 * SIGTERM or SIGINT: finish the replies in flight, disconnect, exit 0. A second signal changes
 * nothing (Ctrl-C reaches every process of a sharded bot, and the manager forwards it as well).
 */
function stopOnSignals(running: () => RunningBot | null, log: Logger): void {
  let stopping = false;
  const stop = (cause: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ cause }, "stopping");
    setTimeout(() => {
      log.error({ deadlineMs: EXIT_DEADLINE_MS }, "could not disconnect in time; exiting anyway");
      process.exit(1);
    }, EXIT_DEADLINE_MS).unref();
    // before the bot is ready there is nothing in flight to finish
    Promise.resolve(running()?.stop())
      .catch((err) => log.error({ err }, "error while stopping"))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // a shard process whose manager has gone would otherwise serve on, orphaned
  if (process.send) process.on("disconnect", () => stop("sharding manager disconnected"));
}

/** What commands keep between messages, in the database (already opened for the stories). */
const services = (): Services => ({ conversation: processStorage().conversations, feedback: processStorage().feedback });

/** Prints a setup problem (never a secret) and exits 2. */
function refuse(err: unknown): never {
  if (!(err instanceof ConfigError || err instanceof UserError || err instanceof DatabaseError)) throw err;
  process.stderr.write(`storybot start: ${err.message}\n`);
  process.exit(2);
}

export async function serve(opts: ServeOptions): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    // read (and checked) now, so that a bad STORYBOT_MODEL stops the start instead of the first question
    answerModel();
  } catch (err) {
    refuse(err instanceof ModelError ? new ConfigError(err.message) : err);
  }
  const serving = !!config.token && !opts.console;
  const shard = shardOfThisProcess();
  // in the console, routine log lines would interleave with the answers
  const rootLog = createLogger({ level: config.logLevel ?? (serving ? "info" : "warn"), secrets: [config.token] });
  const log = shard ? rootLog.child({ shard: shard.id }) : rootLog;
  if (serving && dropStrayShardCount()) log.warn("SHARD_COUNT is for `storybot start --sharded`; this bot serves as the only shard");
  let stories: Stories;
  let servers: ServerLibraries;
  try {
    ({ stories, servers } = await loadStories(config, log));
  } catch (err) {
    refuse(err);
  }
  if (!serving || !config.token) {
    await runConsole({ input: process.stdin, output: process.stdout, stories, commands: opts.commands ?? allCommands, log, interactive: process.stdin.isTTY === true, services: services() });
    return;
  }
  // a failing handler must never take the bot down: log what slipped through and carry on
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  // summaries of long stories take seconds: worker threads make them, so that no user waits on another
  // (loaded here, so that the console and a refused start do not pay for the pool)
  const { HeavyWork } = await import("../workers/heavy-work.js");
  stories.heavy = new HeavyWork({ dbFile: DEFAULT_DB_FILE === ":memory:" ? null : DEFAULT_DB_FILE });
  let bot: RunningBot | null = null;
  try {
    stopOnSignals(() => bot, log);
    const gateway = config.gatewayGiveUpSeconds ? { giveUpAfterMs: config.gatewayGiveUpSeconds * 1000 } : {};
    const cooldown = { limit: config.cooldown?.questions ?? DEFAULT_COOLDOWN.limit, windowMs: (config.cooldown?.seconds ?? DEFAULT_COOLDOWN.windowMs / 1000) * 1000 };
    bot = await launchBot({ token: config.token, apiUrl: config.apiUrl, stories, servers, log, commands: opts.commands ?? allCommands, gateway, services: services(), cooldown });
  } catch (err) {
    log.fatal({ err, ...(err instanceof GatewayFailure ? { code: err.code } : {}) }, `could not log in to Discord: ${(err as Error).message}`);
    process.exit(1);
  }
  const running = bot;
  // a close Discord will not take back, or a gateway gone for good: a supervisor must see a failure
  void running.failed.then(async (failure) => {
    log.fatal({ code: failure.code }, failure.message);
    await running.stop().catch((err: unknown) => log.error({ err }, "error while stopping"));
    process.exit(1);
  });
}
