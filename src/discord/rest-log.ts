/**
 * Discord's REST trouble, in the log: @discordjs/rest retries a 429 after its retry-after and a 5xx
 * up to three times on its own, silently. Logging each such response shows an operator why answers
 * slowed down. Only the route template is logged (ids and tokens replaced by :id/:token): an
 * interaction's URL carries its token.
 */
import { RESTEvents, type REST } from "discord.js";
import type { Logger } from "pino";

export function logRestTrouble(rest: REST, log: Logger): void {
  rest.on(RESTEvents.Response, (request, response) => {
    const { status } = response;
    if (status !== 429 && status < 500) return;
    const where = { status, method: request.method.toUpperCase(), route: request.route, attempt: request.retries + 1 };
    if (status === 429) log.warn({ ...where, retryAfterS: Number(response.headers.get("retry-after") ?? 0) }, "rate limited by Discord; @discordjs/rest retries after retry-after");
    else if (request.retries < rest.options.retries) log.warn(where, "Discord API server error; @discordjs/rest retries it");
    else log.warn(where, "Discord API server error; no retries left, the request fails");
  });
}
