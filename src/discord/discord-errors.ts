/** Discord's answers that are part of normal life for a bot, told apart from real failures. */
import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";

/**
 * 10062 Unknown interaction: the 3-second window closed before the first response (a slow event loop,
 * a gateway replay that came late). Nothing can be sent for it any more; it is not a bug in the command.
 */
export function isUnknownInteraction(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;
}

/**
 * Errors from @discordjs/rest carry the request's URL, and an interaction's URLs carry its token,
 * which lets anyone edit or follow up the bot's answer for 15 minutes: replace it before the error is
 * logged. Returns the same error.
 */
export function hideInteractionToken(err: unknown, token: string): unknown {
  if (err && typeof err === "object" && "url" in err && typeof err.url === "string" && err.url.includes(token)) {
    (err as { url: string }).url = err.url.split(token).join(":token");
  }
  return err;
}
