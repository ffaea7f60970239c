/** Discord's answers that are part of normal life for a bot, told apart from real failures. */
import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";

/**
 * 10062 Unknown interaction: the 3-second window closed before the first response (a slow event loop,
 * a gateway replay that came late). Nothing can be sent for it any more; it is not a bug in the command.
 */
export function isUnknownInteraction(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;
}
