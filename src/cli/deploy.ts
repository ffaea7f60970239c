/** `storybot deploy [--guild ID | --global]`: registers the slash commands once (never on every start). */
import type { Command } from "commander";
import type { DeployFlags } from "./deploy-commands.js";

export function registerDeploy(program: Command): void {
  program
    .command("deploy")
    .description("register the slash commands with Discord: in a guild (instant; --guild or DISCORD_GUILD_ID) or globally")
    .option("--guild <id>", "guild (server) id to register in; overrides DISCORD_GUILD_ID")
    .option("--global", "register globally even if DISCORD_GUILD_ID is set")
    .option("--print", "print the command definitions as JSON instead of registering them")
    // loaded on use, so that other subcommands do not pay for discord.js
    .action(async (opts: DeployFlags) => (await import("./deploy-commands.js")).deploy(opts));
}
