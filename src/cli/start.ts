/** `storybot start`: serve Discord (DISCORD_TOKEN set) or the local console (no token). */
import type { Command } from "commander";

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("serve the bot on Discord (DISCORD_TOKEN set) or start the local console on stdin (no token)")
    .option("--console", "use the local console even when DISCORD_TOKEN is set")
    // loaded on use, so that other subcommands do not pay for discord.js
    .action(async (opts: { console?: boolean }) => (await import("./serve.js")).serve(opts));
}
