/**
 * `storybot start --sharded` (`npm run start:sharded`): discord.js's ShardingManager runs SHARD_COUNT
 * shard processes, each a plain `storybot start` that reads its shard from the environment the
 * manager sets and honours DISCORD_API_URL like any bot. This process only starts them (in identify
 * groups, see shard-plan.ts), restarts one that dies once all are up, and on SIGTERM/SIGINT stops
 * them all gracefully and exits 0 when they have. See docs/reliability.md for when to shard.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { ShardingManager, type Shard } from "discord.js";
import { ConfigError, loadConfig, requireSettings } from "../config/index.js";
import { STOP_BUDGET_MS } from "../discord/bot.js";
import { IDENTIFY_INTERVAL_MS, parseShardCount, planShards, type ShardPlan } from "../discord/shard-plan.js";
import { createLogger, type Logger } from "../log.js";

/** A shard has this long to log in and become ready. */
const READY_TIMEOUT_MS = 30_000;
/** The shards' own stop budget, and a margin to disconnect and exit. */
const SHARDS_STOP_MS = STOP_BUDGET_MS + 1500;

interface Settings {
  token: string;
  plan: ShardPlan;
  log: Logger;
}

/** Prints a setup problem (never a secret) and exits 2, as `storybot start` does. */
function refuse(err: unknown): never {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`storybot start --sharded: ${err.message}\n`);
  process.exit(2);
}

async function settings(): Promise<Settings> {
  let token: string, apiUrl: string | undefined, setting: ReturnType<typeof parseShardCount>, log: Logger;
  try {
    const config = requireSettings(loadConfig(), ["token"], "storybot start --sharded");
    setting = parseShardCount(process.env.SHARD_COUNT);
    ({ token, apiUrl } = config);
    log = createLogger({ level: config.logLevel ?? "info", secrets: [token] });
  } catch (err) {
    refuse(err);
  }
  try {
    const plan = await planShards({ token, apiUrl, setting });
    if (plan.count < plan.recommended) log.warn({ shards: plan.count, recommended: plan.recommended }, "fewer shards than Discord recommends: it refuses a shard with too many guilds (close 4011)");
    return { token, plan, log };
  } catch (err) {
    log.fatal({ err }, "could not ask Discord for the gateway (GET /gateway/bot)");
    process.exit(1);
  }
}

/** SIGTERM to every shard process, and their exit codes once they have all gone (SIGKILL for a late one). */
async function stopShards(manager: ShardingManager, log: Logger): Promise<(number | null)[]> {
  manager.respawn = false;
  const children = [...manager.shards.values()].map((s) => s.process).filter((p): p is ChildProcess => !!p && p.exitCode === null);
  const exits = children.map((child) => once(child, "exit").then(([code]) => code as number | null));
  for (const child of children) child.kill("SIGTERM");
  const late = setTimeout(() => {
    log.error({ afterMs: SHARDS_STOP_MS }, "a shard did not stop in time; killing it");
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }, SHARDS_STOP_MS);
  const codes = await Promise.all(exits);
  clearTimeout(late);
  return codes;
}

function watch(shard: Shard, log: Logger, stopping: () => boolean): void {
  shard.on("death", (child) => {
    if (!stopping()) log.warn({ shard: shard.id, code: "exitCode" in child ? child.exitCode : undefined }, "shard process exited");
  });
  // an 'error' event without a listener would take the manager down with it
  shard.on("error", (err) => log.error({ err, shard: shard.id }, "shard error"));
}

export async function serveSharded(): Promise<void> {
  const { token, plan, log } = await settings();
  // each shard is this same command line without --sharded, run the same way (tsx in development)
  const manager = new ShardingManager(process.argv[1]!, { totalShards: plan.count, token, shardArgs: ["start"], execArgv: process.execArgv, respawn: false });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping every shard");
    void stopShards(manager, log).then((codes) => {
      log.info({ codes }, "all shards stopped");
      process.exit(codes.every((c) => c === 0) ? 0 : 1);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  log.info({ shards: plan.count, recommended: plan.recommended, groups: plan.groups.length }, "starting shards");
  try {
    for (const [i, group] of plan.groups.entries()) {
      if (i > 0) await sleep(IDENTIFY_INTERVAL_MS);
      await Promise.all(
        group.map((id) => {
          const shard = manager.createShard(id);
          watch(shard, log, () => stopping);
          return shard.spawn(READY_TIMEOUT_MS);
        }),
      );
    }
  } catch (err) {
    if (stopping) return;
    // no restart loop: a shard that cannot start once will not start the second time either
    log.fatal({ err }, "a shard could not start; stopping the others");
    stopping = true;
    await stopShards(manager, log);
    process.exit(1);
  }
  if (stopping) return;
  // from here a shard that dies is started again
  manager.respawn = true;
  log.info({ shards: plan.count }, "all shards ready");
}
