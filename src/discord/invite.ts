/** The link that adds the bot to a server, with only the permissions it uses. */
import { OAuth2Scopes, PermissionFlagsBits } from "discord.js";

/** Mentions are answered with a reply in the channel: it must see the channel, send, embed and reference the message. */
export const BOT_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory;

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({ client_id: applicationId, scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "), permissions: BOT_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${params}`;
}
