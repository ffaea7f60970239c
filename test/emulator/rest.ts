/**
 * Discord's REST API under /api/v10, as much of it as the bot uses. Every call is recorded (method,
 * decoded path, query, JSON body, whether it carried the bot token) so tests can assert on payloads.
 * `fail()` injects errors on chosen routes: 429 with retry-after, 5xx, or a Discord error code.
 * Interaction callbacks go through the ledger, which refuses them as Discord would (10062, 40060).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { snowflake } from "./ids.js";
import type { InteractionLedger } from "./ledger.js";
import { choiceErrors, invalidFormBody, messageErrors } from "./limits.js";
import { RateLimits, type RouteLimit } from "./rate-limits.js";
import { messageObject, type World } from "./world.js";

export interface RestCall {
  method: string;
  /** path after /api/v10, percent-decoded: "/webhooks/1/tok/messages/@original" */
  path: string;
  query: Record<string, string>;
  body: any;
  /** carried "Authorization: Bot <the emulator's token>" */
  authorized: boolean;
  status: number;
  /** the connection was closed instead of answered, or left hanging (see Fault.drop) */
  dropped?: Fault["drop"];
}

export interface Fault {
  method?: string;
  path: RegExp;
  /** the error status to answer with; or, instead, a connection that goes wrong (`drop`) */
  status?: number;
  /**
   * "before": the socket is closed before the request is handled (the client sees "other side
   * closed"); "after": the request is handled, then the socket is closed without the answer;
   * "hang": the request is never answered
   */
  drop?: "before" | "after" | "hang";
  /** handle the request at once, but send the answer only after this long (a slow API) */
  delayMs?: number;
  /** how many matching calls fail before the route works again */
  times: number;
  /** seconds, for 429 */
  retryAfter?: number;
  /** Discord's JSON error code for a 4xx (10062 Unknown interaction…) */
  code?: number;
}

export interface GatewayInfo {
  /** the shard count Discord recommends (GET /gateway/bot `shards`) */
  shards: number;
  /** how many shards may IDENTIFY at once (`session_start_limit.max_concurrency`) */
  maxConcurrency: number;
  /** the bot's channel messages: `limit` per `windowMs` per channel; none when absent */
  messageRateLimit?: RouteLimit;
}

type Result = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (m: RegExpMatchArray, call: RestCall) => Result;

const notFound: Result = { status: 404, body: { message: "404: Not Found", code: 0 } };
const unauthorized: Result = { status: 401, body: { message: "401: Unauthorized", code: 0 } };

export class RestApi {
  readonly calls: RestCall[] = [];
  /** the bot's channel messages, each once however often it was sent */
  readonly created: { id: string }[] = [];
  private readonly byNonce = new Map<string, { id: string }>();
  /** route buckets with their headers, and global 429s on demand */
  readonly rateLimits: RateLimits;
  readonly commands = new Map<string, unknown[]>();
  private readonly faults: Fault[] = [];
  private readonly messages = new Map<string, any>();
  private readonly waiters: { match: (c: RestCall) => boolean; done: (c: RestCall) => void }[] = [];
  private readonly routes: [string, RegExp, Handler][];

  constructor(
    private readonly world: World,
    private readonly gatewayUrl: () => string,
    private readonly ledger: InteractionLedger,
    private readonly gatewayInfo: GatewayInfo,
  ) {
    this.rateLimits = new RateLimits(gatewayInfo.messageRateLimit ?? null);
    const bot = (h: Handler): Handler => (m, call) => (call.authorized ? h(m, call) : unauthorized);
    this.routes = [
      ["GET", /^\/gateway\/bot$/, bot(() => ({ status: 200, body: { url: this.gatewayUrl(), shards: gatewayInfo.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: gatewayInfo.maxConcurrency } } }))],
      ["GET", /^\/gateway$/, () => ({ status: 200, body: { url: this.gatewayUrl() } })],
      ["GET", /^\/users\/@me$/, bot(() => ({ status: 200, body: this.world.bot }))],
      ["PUT", /^\/applications\/(\d+)\/commands$/, bot((m, c) => this.putCommands(m[1]!, null, c.body))],
      ["PUT", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, bot((m, c) => this.putCommands(m[1]!, m[2]!, c.body))],
      ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (m, c) => this.callback(m[1]!, m[2]!, c)],
      ["GET", /^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/, (m) => this.stored(m[1]!, m[2]!)],
      ["PATCH", /^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/, (m, c) => this.edit(m[1]!, m[2]!, c.body)],
      ["DELETE", /^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/, (m) => (this.messages.delete(`${m[1]}:${m[2]}`) ? { status: 204 } : notFound)],
      ["POST", /^\/webhooks\/\d+\/([^/]+)$/, (m, c) => this.followUp(m[1]!, c.body)],
      ["POST", /^\/channels\/(\d+)\/messages$/, bot((m, c) => (messageErrors(c.body).length ? invalidFormBody(messageErrors(c.body)) : { status: 200, body: this.botMessage(m[1]!, c.body) }))],
    ];
  }

  /** Makes the next `times` calls matching `path` (and `method`) fail with `status`. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** The first recorded call matching `match`, waiting for it if need be. */
  waitFor(match: (c: RestCall) => boolean, timeoutMs = 5000): Promise<RestCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching REST call within ${timeoutMs} ms; calls so far:\n${this.calls.map((c) => `${c.method} ${c.path}`).join("\n")}`)), timeoutMs);
      this.waiters.push({ match, done: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const raw = await new Promise<string>((done) => {
      let data = "";
      req.on("data", (chunk) => (data += chunk));
      req.on("end", () => done(data));
    });
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ""));
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // multipart or text bodies are kept as they came
    }
    const call: RestCall = { method: req.method ?? "GET", path, query: Object.fromEntries(url.searchParams), body, authorized: req.headers.authorization === `Bot ${this.world.token}`, status: 0 };
    const fault = this.takeFault(call);
    if (fault?.drop === "before" || fault?.drop === "hang") {
      this.record({ ...call, dropped: fault.drop });
      if (fault.drop === "before") req.socket.destroy();
      return;
    }
    const limits: Record<string, string> = {};
    const handled = (fault && this.injected(fault)) ?? (call.authorized ? this.rateLimits.check(call.method, call.path, limits) : null) ?? this.route(call);
    const result: Result = { ...handled, headers: { ...limits, ...handled.headers } };
    call.status = result.status;
    if (fault?.drop === "after") {
      this.record({ ...call, dropped: "after" });
      req.socket.destroy();
      return;
    }
    this.record(call);
    if (fault?.delayMs) await new Promise((done) => setTimeout(done, fault.delayMs));
    // a 204 carries no content type: @discordjs/rest would try to parse its empty body as JSON
    res.writeHead(result.status, { ...(result.body === undefined ? {} : { "content-type": "application/json" }), ...result.headers });
    res.end(result.body === undefined ? undefined : JSON.stringify(result.body));
  }

  private record(call: RestCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) if (w.match(call)) (this.waiters.splice(this.waiters.indexOf(w), 1), w.done(call));
  }

  private takeFault(call: RestCall): Fault | null {
    const f = this.faults.find((x) => x.times > 0 && x.path.test(call.path) && (!x.method || x.method === call.method));
    if (!f) return null;
    f.times--;
    return f;
  }

  private injected(f: Fault): Result | null {
    if (f.status === undefined) return null;
    if (f.status === 429) {
      const after = f.retryAfter ?? 0.05;
      return { status: 429, body: { message: "You are being rate limited.", retry_after: after, global: false }, headers: { "retry-after": String(after), "x-ratelimit-scope": "user" } };
    }
    return { status: f.status, body: { message: `${f.status}: injected`, code: f.code ?? 0 } };
  }

  private route(call: RestCall): Result {
    for (const [method, re, handler] of this.routes) {
      const m = call.path.match(re);
      if (m && method === call.method) return handler(m, call);
    }
    return notFound;
  }

  private putCommands(app: string, guild: string | null, body: unknown): Result {
    if (app !== this.world.application.id) return { status: 403, body: { message: "Missing Access", code: 50001 } };
    if (!Array.isArray(body)) return { status: 400, body: { message: "Invalid Form Body", code: 50035 } };
    const registered = body.map((c: object) => ({ ...c, id: snowflake(), application_id: app, version: snowflake(), ...(guild ? { guild_id: guild } : {}) }));
    this.commands.set(guild ?? "global", registered);
    return { status: 200, body: registered };
  }

  private callback(interactionId: string, token: string, call: RestCall): Result {
    const { type, data } = call.body ?? {};
    // Discord checks the payload before it counts the callback as the acknowledgement
    const errors = type === 4 || type === 7 ? messageErrors(data, "data.") : type === 8 ? choiceErrors(data) : [];
    if (errors.length) return invalidFormBody(errors);
    const ack = this.ledger.acknowledge(interactionId, token, type);
    if (!ack.ok) return { status: ack.status, body: { message: ack.message, code: ack.code } };
    // 4 = reply, 5 = deferred reply, 7 = update message, 8 = autocomplete result
    if (type === 4 || type === 5) {
      const guildId = this.ledger.get(interactionId)?.guildId;
      const guild = this.world.guilds.find((g) => g.id === guildId);
      const message = messageObject(this.world, { author: this.world.bot, ...(type === 4 ? data : { flags: (data?.flags ?? 0) | 128 }), id: snowflake() }, guild);
      this.messages.set(`${token}:@original`, message);
      if (call.query.with_response === "true") return { status: 200, body: { interaction: { id: interactionId, type: 2 }, resource: { type, message } } };
    }
    return call.query.with_response === "true" ? { status: 200, body: { interaction: { id: interactionId, type: 2 }, resource: { type } } } : { status: 204 };
  }

  private stored(token: string, id: string): Result {
    const m = this.messages.get(`${token}:${id}`);
    return m ? { status: 200, body: m } : notFound;
  }

  private edit(token: string, id: string, body: any): Result {
    const m = this.messages.get(`${token}:${id}`);
    if (!m) return notFound;
    const errors = messageErrors(body);
    if (errors.length) return invalidFormBody(errors);
    Object.assign(m, body, { edited_timestamp: new Date().toISOString() });
    if (id === "@original") this.ledger.answeredByWebhook(token);
    return { status: 200, body: m };
  }

  private followUp(token: string, body: any): Result {
    const errors = messageErrors(body);
    if (errors.length) return invalidFormBody(errors);
    const message = messageObject(this.world, { author: this.world.bot, ...body });
    this.messages.set(`${token}:${message.id}`, message);
    this.ledger.answeredByWebhook(token);
    return { status: 200, body: message };
  }

  /** Discord creates a message with an enforced nonce once: the same nonce again returns the first. */
  private botMessage(channel: string, body: any): unknown {
    const { allowed_mentions: _a, nonce, enforce_nonce: enforce, ...fields } = body ?? {};
    const key = enforce && nonce !== undefined ? `${channel}:${nonce}` : null;
    const earlier = key && this.byNonce.get(key);
    if (earlier) return earlier;
    const message = messageObject(this.world, { author: this.world.bot, ...fields });
    this.created.push(message);
    if (key) this.byNonce.set(key, message);
    return message;
  }
}
