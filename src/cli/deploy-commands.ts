/** What `storybot deploy` does: check the settings, PUT the command set once, say what was registered. */
import { commands } from "../../commands/index.js";
import { ConfigError, loadConfig, requireSettings } from "../config/index.js";
import { deployCommands } from "../discord/deploy.js";
import { scrub } from "../log.js";

export interface DeployFlags {
  guild?: string;
  global?: boolean;
  print?: boolean;
}

export async function deploy(opts: DeployFlags): Promise<void> {
  if (opts.print) return void process.stdout.write(JSON.stringify(commands.map((c) => c.data), null, 2) + "\n");
  let token = process.env.DISCORD_TOKEN;
  try {
    if (opts.guild !== undefined && !/^\d{17,20}$/.test(opts.guild)) throw new ConfigError("--guild must be a Discord id (17 to 20 digits)");
    const config = requireSettings(loadConfig(), ["token", "clientId"], "storybot deploy");
    token = config.token;
    const guildId = opts.global ? undefined : (opts.guild ?? config.guildId);
    const { registered, scope } = await deployCommands({ token: config.token, clientId: config.clientId, guildId, apiUrl: config.apiUrl, commands });
    process.stdout.write(`registered ${registered} commands (${scope})\n`);
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `Discord refused the commands: ${(err as Error).message}`;
    // an API or proxy may echo the Authorization header in its error body
    process.stderr.write(`storybot deploy: ${scrub(message, [token])}\n`);
    process.exitCode = 1;
  }
}
