/** `storybot start`: serve Discord (DISCORD_TOKEN set) or the local console (no token); `--sharded` runs one process per shard. */
import type { Command } from "commander";

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("serve the bot on Discord (DISCORD_TOKEN set) or start the local console on stdin (no token)")
    .option("--console", "use the local console even when DISCORD_TOKEN is set")
    .option("--sharded", "run SHARD_COUNT shard processes with discord.js's ShardingManager (needs DISCORD_TOKEN)")
    // loaded on use, so that other subcommands do not pay for discord.js
    .action(async (opts: { console?: boolean; sharded?: boolean }) => {
      if (opts.sharded) await (await import("./sharded.js")).serveSharded();
      else await (await import("./serve.js")).serve(opts);
    });
}
