/** Registers the slash commands: one PUT of the whole set, to a guild (instant, for development) or globally. */
import { Routes } from "discord.js";
import type { AnyCommand } from "../../commands/command.js";
import { restClient } from "./rest-client.js";

export interface DeployOptions {
  token: string;
  clientId: string;
  /** a guild id registers there; without one the commands are global */
  guildId?: string;
  apiUrl?: string;
  commands: AnyCommand[];
}

export async function deployCommands(o: DeployOptions): Promise<{ registered: number; scope: string }> {
  const rest = restClient(o.token, o.apiUrl);
  const route = o.guildId ? Routes.applicationGuildCommands(o.clientId, o.guildId) : Routes.applicationCommands(o.clientId);
  const result = (await rest.put(route, { body: o.commands.map((c) => c.data) })) as unknown[];
  return { registered: Array.isArray(result) ? result.length : o.commands.length, scope: o.guildId ? `guild ${o.guildId}` : "global" };
}
