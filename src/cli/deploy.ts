/** `storybot deploy [--guild ID | --global]`: registers the slash commands once (never on every start). */
import type { Command } from "commander";
import { commands } from "../../commands/index.js";
import { ConfigError, loadConfig, requireSettings } from "../config/index.js";
import { deployCommands } from "../discord/deploy.js";

export function registerDeploy(program: Command): void {
  program
    .command("deploy")
    .description("register the slash commands with Discord: in a guild (instant; --guild or DISCORD_GUILD_ID) or globally")
    .option("--guild <id>", "guild (server) id to register in; overrides DISCORD_GUILD_ID")
    .option("--global", "register globally even if DISCORD_GUILD_ID is set")
    .option("--print", "print the command definitions as JSON instead of registering them")
    .action(async (opts: { guild?: string; global?: boolean; print?: boolean }) => {
      if (opts.print) return void process.stdout.write(JSON.stringify(commands.map((c) => c.data), null, 2) + "\n");
      try {
        if (opts.guild !== undefined && !/^\d{17,20}$/.test(opts.guild)) throw new ConfigError("--guild must be a Discord id (17 to 20 digits)");
        const config = requireSettings(loadConfig(), ["token", "clientId"], "storybot deploy");
        const guildId = opts.global ? undefined : (opts.guild ?? config.guildId);
        const { registered, scope } = await deployCommands({ token: config.token, clientId: config.clientId, guildId, apiUrl: config.apiUrl, commands });
        process.stdout.write(`registered ${registered} commands (${scope})\n`);
      } catch (err) {
        const message = err instanceof ConfigError ? err.message : `Discord refused the commands: ${(err as Error).message}`;
        process.stderr.write(`storybot deploy: ${message}\n`);
        process.exitCode = 1;
      }
    });
}
