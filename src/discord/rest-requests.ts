/**
 * How the bot's REST requests reach Discord: @discordjs/rest's own request function, wrapped through
 * its public `makeRequest` option for two faults it handles poorly.
 *
 * - A connection reset ("other side closed", undici's UND_ERR_SOCKET; ECONNRESET is already retried
 *   by @discordjs/rest) is not retried: under load, a keep-alive socket closed by the far side as a
 *   request goes out loses that request. Requests that may be sent twice are retried here: reads,
 *   PUT/PATCH/DELETE, a message sent with an enforced nonce (the mention replies), and the
 *   interaction callback, which Discord accepts once and refuses after with 40060 (the responder
 *   takes that as done).
 * - A request that gets no answer is aborted after the REST timeout and retried; the last one fails
 *   with "This operation was aborted", which does not say what timed out. It now says which request,
 *   to which API, after how long.
 */
import { DefaultRestOptions, type RESTOptions } from "discord.js";

type MakeRequest = RESTOptions["makeRequest"];

/** How many times a reset request is sent again; resets come singly, a run of them means the API is down. */
export const RESET_RETRIES = 3;
const RESET_CODES = new Set(["UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNRESET", "EPIPE"]);

/** The request's path with ids and interaction tokens replaced: the token answers for the interaction. */
export function routeOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\/api(?:\/v\d+)?/, "");
  return path.replace(/\/(interactions|webhooks)\/(\d+)\/[^/]+/, "/$1/:id/:token").replace(/\/\d{15,}(?=\/|$)/g, "/:id");
}

function causeCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

export function isConnectionReset(err: unknown): boolean {
  const code = causeCode(err);
  return code !== undefined && RESET_CODES.has(code);
}

/** A message create that Discord makes once per nonce (`enforce_nonce`): sending it again returns the first. */
function enforcesNonce(body: unknown): boolean {
  if (typeof body !== "string") return false;
  try {
    const data = JSON.parse(body) as { nonce?: unknown; enforce_nonce?: unknown };
    return data.enforce_nonce === true && (typeof data.nonce === "string" || typeof data.nonce === "number");
  } catch {
    return false;
  }
}

/**
 * Safe to send twice: Discord's effect is the same (reads, PUT/PATCH/DELETE, a message with an
 * enforced nonce), or it refuses the second (the interaction callback, with 40060).
 */
export function retrySafe(method: string, url: string, body?: unknown): boolean {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD" || m === "PUT" || m === "PATCH" || m === "DELETE") return true;
  if (m !== "POST") return false;
  const path = new URL(url).pathname;
  return /\/interactions\/\d+\/[^/]+\/callback$/.test(path) || (/\/channels\/\d+\/messages$/.test(path) && enforcesNonce(body));
}

export interface RequestHooks {
  /** the REST timeout, for the message of a request that got no answer */
  timeoutMs: number;
  onReset?(info: { method: string; route: string; attempt: number; willRetry: boolean }): void;
}

export function resilientRequests(hooks: RequestHooks, base: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  return async (url, init) => {
    const method = (init.method ?? "GET").toUpperCase();
    for (let attempt = 1; ; attempt++) {
      try {
        return await base(url, init);
      } catch (err) {
        if (init.signal?.aborted) {
          // @discordjs/rest retries an AbortError: the name must stay, the message says what happened
          const timedOut = new Error(`${method} ${routeOf(url)}: the Discord API at ${new URL(url).origin} accepted the connection but gave no answer within ${hooks.timeoutMs} ms`, { cause: err });
          timedOut.name = "AbortError";
          throw timedOut;
        }
        if (!isConnectionReset(err)) throw err;
        const willRetry = attempt <= RESET_RETRIES && retrySafe(method, url, init.body);
        hooks.onReset?.({ method, route: routeOf(url), attempt, willRetry });
        if (!willRetry) throw err;
      }
    }
  };
}
