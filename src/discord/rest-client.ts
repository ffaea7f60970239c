/** A REST client outside the gateway client (deploy, the shard manager), through DISCORD_API_URL when set. */
import { REST } from "discord.js";

export function restClient(token: string, apiUrl?: string): REST {
  // `api: undefined` would replace the default base URL: leave the key out unless it is set
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}
