/** The discord.js Client as the bot needs it: two non-privileged intents, and no pings from anything it echoes. */
import { Client, DefaultRestOptions, GatewayIntentBits, type ClientOptions } from "discord.js";
import type { GatewayWatch } from "./gateway-watch.js";
import { resilientRequests, type RequestHooks } from "./rest-requests.js";

export interface ClientSettings {
  /** REST base up to /api; when unset the option is left out so discord.js uses Discord's own */
  apiUrl?: string;
  /** extra Client options (tests pass a gateway identify throttler, shorter REST timeouts) */
  client?: Partial<ClientOptions>;
}

export interface ClientWiring {
  onReset?: RequestHooks["onReset"];
  gateway?: GatewayWatch;
}

export function createClient(settings: ClientSettings = {}, wiring: ClientWiring = {}): Client {
  const { rest, ws, ...others } = settings.client ?? {};
  const timeoutMs = rest?.timeout ?? DefaultRestOptions.timeout;
  return new Client({
    // Discord delivers the content of messages that mention the bot without the privileged MessageContent intent
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    // `api: undefined` would replace the default base URL: leave the key out unless it is set
    rest: { ...(settings.apiUrl ? { api: settings.apiUrl } : {}), ...rest, makeRequest: resilientRequests({ timeoutMs, onReset: wiring.onReset }, rest?.makeRequest) },
    ws: { ...ws, ...(wiring.gateway ? { buildStrategy: wiring.gateway.buildStrategy } : {}) },
    ...others,
  });
}
