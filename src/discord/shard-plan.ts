/**
 * How many shard processes `storybot start --sharded` runs, and in what order they may connect.
 *
 * SHARD_COUNT is a number, or `auto` for the count Discord recommends. discord.js's own `'auto'`
 * (ShardingManager `totalShards: 'auto'`) asks discord.com directly and ignores the REST base URL, so
 * storybot never hands it `'auto'`: it asks GET /gateway/bot itself, through DISCORD_API_URL when set,
 * and passes the number on. The same answer says how many shards may IDENTIFY at once
 * (`max_concurrency`); Discord admits one identify per rate-limit key (shard id % max_concurrency)
 * every 5 seconds, so shards start in groups of consecutive ids, 5.5 s apart.
 */
import { Routes, type RESTGetAPIGatewayBotResult } from "discord.js";
import { ConfigError } from "../config/index.js";
import { restClient } from "./rest-client.js";

/** Discord's identify window, 5 s, and a margin. */
export const IDENTIFY_INTERVAL_MS = 5500;

export type ShardCountSetting = number | "auto";

const RULE = "a whole number of shards from 1 up (at least one for every 2,500 guilds), or auto";

export function parseShardCount(raw: string | undefined): ShardCountSetting {
  const value = raw?.trim() ?? "";
  if (value === "auto") return "auto";
  const count = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(count >= 1)) throw new ConfigError(`invalid configuration:\n  SHARD_COUNT: ${value ? "must be" : "is not set; it must be"} ${RULE}`);
  return count;
}

export interface ShardPlan {
  count: number;
  /** what Discord recommends for the bot's guilds right now */
  recommended: number;
  /** shard ids that may identify together, group after group */
  groups: number[][];
}

/** Consecutive ids have distinct rate-limit keys (id % maxConcurrency): `maxConcurrency` of them at a time. */
export function identifyGroups(count: number, maxConcurrency: number): number[][] {
  const size = Math.max(1, maxConcurrency);
  const ids = Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: Math.ceil(count / size) }, (_, g) => ids.slice(g * size, (g + 1) * size));
}

export async function planShards(o: { token: string; apiUrl?: string; setting: ShardCountSetting }): Promise<ShardPlan> {
  const info = (await restClient(o.token, o.apiUrl).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const count = o.setting === "auto" ? info.shards : o.setting;
  return { count, recommended: info.shards, groups: identifyGroups(count, info.session_start_limit.max_concurrency) };
}
