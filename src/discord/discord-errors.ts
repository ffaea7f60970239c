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
 * 40060 Interaction has already been acknowledged. The bot acknowledges each interaction once, so
 * this is the answer to a callback sent again after its first try reached Discord but the reply was
 * lost (a reset connection, a timed-out request that @discordjs/rest retried): the interaction is
 * acknowledged, which is what was asked.
 */
export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
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
