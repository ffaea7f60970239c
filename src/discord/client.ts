/** The discord.js Client as the bot needs it: two non-privileged intents, and no pings from anything it echoes. */
import { Client, GatewayIntentBits, type ClientOptions } from "discord.js";

export interface ClientSettings {
  /** REST base up to /api; when unset the option is left out so discord.js uses Discord's own */
  apiUrl?: string;
  /** extra Client options (tests pass a gateway identify throttler) */
  client?: Partial<ClientOptions>;
}

export function createClient(settings: ClientSettings = {}): Client {
  return new Client({
    // Discord delivers the content of messages that mention the bot without the privileged MessageContent intent
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    ...(settings.apiUrl ? { rest: { api: settings.apiUrl } } : {}),
    ...settings.client,
  });
}
