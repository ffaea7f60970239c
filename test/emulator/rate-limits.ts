/**
 * Discord's rate limits as @discordjs/rest must meet them: every response on a limited route carries
 * its bucket's X-RateLimit-* headers, so that a client that reads them waits before the bucket runs
 * out; a request past the limit anyway gets a 429 with retry-after. A global 429 (every route at
 * once, X-RateLimit-Global) can be injected. Times are the emulator's own clock.
 */
import { randomToken } from "./ids.js";

export interface RouteLimit {
  limit: number;
  windowMs: number;
}

interface Bucket {
  id: string;
  remaining: number;
  resetAt: number;
}

export type Limited = { status: 429; body: unknown; headers: Record<string, string> };

export class RateLimits {
  /** requests refused because their bucket was empty: a client ignoring the headers */
  readonly refused: { key: string; at: number }[] = [];
  /** global 429s sent, and when */
  readonly globalRefusals: { at: number; retryAfterS: number }[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private globalFaults: number[] = [];

  constructor(private readonly messages: RouteLimit | null) {}

  /** The next `times` requests get a global 429 with this retry-after. */
  failGlobally(retryAfterS: number, times = 1): void {
    for (let i = 0; i < times; i++) this.globalFaults.push(retryAfterS);
  }

  /** A 429 for this request, or null; `headers` receives the bucket's headers for the answer. */
  check(method: string, path: string, headers: Record<string, string>): Limited | null {
    const global = this.globalFaults.shift();
    if (global !== undefined) {
      this.globalRefusals.push({ at: performance.now(), retryAfterS: global });
      return { status: 429, body: { message: "You are being rate limited.", retry_after: global, global: true }, headers: { "retry-after": String(Math.ceil(global)), "x-ratelimit-global": "true", "x-ratelimit-scope": "global" } };
    }
    const channel = method === "POST" ? /^\/channels\/(\d+)\/messages$/.exec(path)?.[1] : undefined;
    if (!channel || !this.messages) return null;
    const now = performance.now();
    const key = `messages:${channel}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) this.buckets.set(key, (bucket = { id: bucket?.id ?? randomToken("bucket"), remaining: this.messages.limit, resetAt: now + this.messages.windowMs }));
    const resetAfterS = Math.max(0, bucket.resetAt - now) / 1000;
    const limitHeaders = {
      "x-ratelimit-limit": String(this.messages.limit),
      "x-ratelimit-reset": String((Date.now() + resetAfterS * 1000) / 1000),
      "x-ratelimit-reset-after": resetAfterS.toFixed(3),
      "x-ratelimit-bucket": bucket.id,
    };
    if (bucket.remaining === 0) {
      this.refused.push({ key, at: now });
      return { status: 429, body: { message: "You are being rate limited.", retry_after: resetAfterS, global: false }, headers: { ...limitHeaders, "x-ratelimit-remaining": "0", "retry-after": String(Math.ceil(resetAfterS)), "x-ratelimit-scope": "user" } };
    }
    bucket.remaining--;
    Object.assign(headers, limitHeaders, { "x-ratelimit-remaining": String(bucket.remaining) });
    return null;
  }
}
