/** Discord-shaped ids: snowflakes from a time and a counter. */
export const DISCORD_EPOCH_MS = 1420070400000;
const DISCORD_EPOCH = BigInt(DISCORD_EPOCH_MS);
let counter = 0n;

/** A snowflake minted at `ms` (Unix time): its upper bits, `id >> 22`, are that time since Discord's epoch. */
export function snowflakeAt(ms: number): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export const snowflake = (): string => snowflakeAt(Date.now());

/** Discord's rule for which shard receives a guild's events: (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export const randomToken = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
