/**
 * One bot process among several: discord.js's ShardingManager starts each shard process with
 * SHARDING_MANAGER, SHARDS (its id) and SHARD_COUNT in the environment, and discord.js's Client reads
 * them itself. A bot started on its own is shard 0 of 1 whatever SHARD_COUNT says.
 */
export interface ShardIdentity {
  id: number;
  count: number;
}

export function shardOfThisProcess(env: NodeJS.ProcessEnv = process.env): ShardIdentity | null {
  if (!env.SHARDING_MANAGER || env.SHARDS === undefined) return null;
  return { id: Number(env.SHARDS), count: Number(env.SHARD_COUNT) };
}

/**
 * SHARD_COUNT is for `storybot start --sharded`. Left in the environment of a lone bot, discord.js's
 * Client would read it (and `auto` would become NaN): take it out, and say so. Returns whether it was set.
 */
export function dropStrayShardCount(env: NodeJS.ProcessEnv = process.env): boolean {
  if (shardOfThisProcess(env) || env.SHARD_COUNT === undefined) return false;
  // `SHARD_COUNT=` left empty, as in .env.example, means unset: drop it without a warning
  const set = env.SHARD_COUNT.trim() !== "";
  delete env.SHARD_COUNT;
  return set;
}
