/**
 * Discord's gateway over `ws`: HELLO, IDENTIFY → READY + GUILD_CREATE (the guilds of the identified
 * shard), heartbeats, RESUME, and dispatches pushed by tests, routed to the shard that owns the guild.
 *
 * Sessions behave as Discord's do under faults. A session outlives its socket: what is dispatched
 * while it has none waits, and RESUME replays every event after the client's last sequence number,
 * then sends RESUMED. Close code 1000 (either side) or 1001 from the client ends the session: what it
 * had not sent is lost, and a new IDENTIFY starts a session with no replay. Nothing counts as
 * delivered unless it went out on an open socket (`delivered`); what no session could take is in
 * `lost`.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { randomToken, shardOf } from "./ids.js";
import type { InteractionLedger } from "./ledger.js";
import { guildCreate, type World } from "./world.js";

export interface GatewayOp {
  op: number;
  d: any;
  s?: number | null;
  t?: string | null;
}

interface Dispatch extends GatewayOp {
  op: 0;
  s: number;
  t: string;
}

interface Session {
  id: string;
  socket: WebSocket | null;
  shard: [id: number, count: number];
  /** every dispatch of the session in order (s = index + 1), kept for replay */
  events: Dispatch[];
  /** the highest sequence number that went out on a socket */
  sentUpTo: number;
}

export interface Delivery {
  session: string;
  shard: [number, number];
  t: string;
  d: any;
  s: number;
  replayed: boolean;
}

export interface Close {
  code: number;
  by: "client" | "server";
  shard: [number, number] | null;
}

export const HEARTBEAT_INTERVAL = 41_250;
/**
 * Discord drops a connection whose client has gone quiet: no heartbeat for this many intervals
 * (the first may come up to one interval late, by the client's jitter). It closes with 4009,
 * after which the session can be resumed.
 */
export const MISSED_HEARTBEATS = 1.5;
export const SESSION_TIMED_OUT = 4009;
/** codes after which Discord will not resume the session */
const SESSION_ENDING = new Set([1000, 1001]);

export class Gateway {
  /** every op the clients sent, in order */
  readonly received: GatewayOp[] = [];
  /** every dispatch that went out on an open socket, replays included */
  readonly delivered: Delivery[] = [];
  /** dispatches no session took: sent while the shard had no session (after a 1000 close, before IDENTIFY) */
  readonly lost: { t: string; d: any }[] = [];
  readonly closes: Close[] = [];
  /** while set, every connection attempt is cut before the handshake (counted in `refused`) */
  unreachable = false;
  refused = 0;
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly waiters: { match: (op: GatewayOp) => boolean; done: (op: GatewayOp) => void }[] = [];
  private readonly sentWaiters: { match: (op: GatewayOp) => boolean; done: () => void }[] = [];

  constructor(
    private readonly world: World,
    private readonly url: () => string,
    private readonly ledger: InteractionLedger,
    /** the interval HELLO asks for; tests shorten it to see a quiet client dropped */
    private readonly heartbeatInterval = HEARTBEAT_INTERVAL,
  ) {
    this.server.on("connection", (socket) => this.accept(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.server.emit("connection", ws, req));
  }

  /** Sends an event to the session of the shard that owns `d.guild_id` (shard 0 for events outside guilds). */
  dispatch(t: string, d: any): void {
    if (t === "INTERACTION_CREATE") this.ledger.created(d);
    const targets = [...this.sessions.values()].filter((s) => (typeof d?.guild_id === "string" ? shardOf(d.guild_id, s.shard[1]) : 0) === s.shard[0]);
    if (!targets.length) this.lost.push({ t, d });
    for (const session of targets) {
      const event: Dispatch = { op: 0, t, s: session.events.length + 1, d };
      session.events.push(event);
      if (session.socket) this.deliver(session, event, false);
    }
  }

  /** The first op a client sent that matches, waiting for it if need be. */
  waitFor(match: (op: GatewayOp) => boolean, timeoutMs = 5000): Promise<GatewayOp> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching gateway op within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, done: (op) => (clearTimeout(timer), resolve(op)) });
    });
  }

  /** Resolves when the emulator next sends a matching op (READY, RESUMED…) on an open socket. */
  nextSent(match: (op: GatewayOp) => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the emulator sent no matching gateway op within ${timeoutMs} ms`)), timeoutMs);
      this.sentWaiters.push({ match, done: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Drops every connection with `code`: 4000 leaves the sessions resumable, 1000 ends them. */
  closeAll(code: number): void {
    for (const session of [...this.sessions.values()]) {
      const socket = session.socket;
      if (!socket) continue;
      // from now on the session has no socket: what is dispatched waits for RESUME (or is lost with the session)
      session.socket = null;
      this.closes.push({ code, by: "server", shard: session.shard });
      if (SESSION_ENDING.has(code)) this.endSession(session);
      socket.close(code);
    }
  }

  get connected(): number {
    return [...this.sessions.values()].filter((s) => s.socket).length;
  }

  async close(): Promise<void> {
    for (const c of this.server.clients) c.terminate();
    await new Promise((done) => this.server.close(done));
  }

  private send(socket: WebSocket, payload: GatewayOp): void {
    socket.send(JSON.stringify(payload));
    for (const w of [...this.sentWaiters]) if (w.match(payload)) (this.sentWaiters.splice(this.sentWaiters.indexOf(w), 1), w.done());
  }

  private deliver(session: Session, event: Dispatch, replayed: boolean): void {
    if (session.socket?.readyState !== WebSocket.OPEN) return;
    this.send(session.socket, event);
    session.sentUpTo = Math.max(session.sentUpTo, event.s);
    this.delivered.push({ session: session.id, shard: session.shard, t: event.t, d: event.d, s: event.s, replayed });
    if (event.t === "INTERACTION_CREATE") this.ledger.delivered(event.d.id, replayed);
  }

  private endSession(session: Session): void {
    this.sessions.delete(session.id);
    for (const e of session.events.slice(session.sentUpTo)) this.lost.push({ t: e.t, d: e.d });
  }

  private accept(socket: WebSocket): void {
    let session: Session | null = null;
    this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatInterval } });
    // the first heartbeat is due within one interval (the client's jitter), then one each interval
    let lastBeat = performance.now() + this.heartbeatInterval;
    const watchdog = setInterval(() => {
      if (performance.now() - lastBeat <= this.heartbeatInterval * MISSED_HEARTBEATS || socket.readyState !== WebSocket.OPEN) return;
      if (session?.socket === socket) {
        session.socket = null;
        this.closes.push({ code: SESSION_TIMED_OUT, by: "server", shard: session.shard });
      }
      socket.close(SESSION_TIMED_OUT, "Session timed out.");
    }, Math.max(10, this.heartbeatInterval / 4));
    socket.on("close", () => clearInterval(watchdog));
    socket.on("message", (data) => {
      const op = JSON.parse(String(data)) as GatewayOp;
      this.received.push(op);
      if (op.op === 1) lastBeat = performance.now();
      for (const w of [...this.waiters]) if (w.match(op)) (this.waiters.splice(this.waiters.indexOf(w), 1), w.done(op));
      if (op.op === 1) this.send(socket, { op: 11, d: null });
      else if (op.op === 2) session = this.identify(socket, op.d);
      else if (op.op === 6) session = this.resume(socket, op.d);
    });
    socket.on("close", (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = null;
      this.closes.push({ code, by: "client", shard: session.shard });
      if (SESSION_ENDING.has(code)) this.endSession(session);
    });
  }

  private identify(socket: WebSocket, d: any): Session | null {
    if (d?.token !== this.world.token) {
      socket.close(4004, "Authentication failed.");
      return null;
    }
    const [id, count] = Array.isArray(d.shard) ? (d.shard as [number, number]) : [0, 1];
    if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(id) && id >= 0 && id < count)) {
      socket.close(4010, "Invalid shard.");
      return null;
    }
    // a fresh IDENTIFY replaces whatever session this shard had: two would each get the shard's events
    for (const old of [...this.sessions.values()]) if (old.shard[0] === id && old.shard[1] === count) this.endSession(old);
    const session: Session = { id: randomToken("session"), socket, shard: [id, count], events: [], sentUpTo: 0 };
    this.sessions.set(session.id, session);
    const { world } = this;
    const guilds = world.guilds.filter((g) => shardOf(g.id, count) === id);
    const ready = { v: 10, user: world.bot, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), session_id: session.id, resume_gateway_url: this.url(), shard: [id, count], application: world.application };
    this.sequenced(session, "READY", ready);
    for (const g of guilds) this.sequenced(session, "GUILD_CREATE", guildCreate(world, g));
    return session;
  }

  /** Session bookkeeping events go through the same sequence as dispatches, so RESUME counts them. */
  private sequenced(session: Session, t: string, d: unknown): void {
    const event: Dispatch = { op: 0, t, s: session.events.length + 1, d };
    session.events.push(event);
    this.deliver(session, event, false);
  }

  private resume(socket: WebSocket, d: any): Session | null {
    const session = this.sessions.get(d?.session_id);
    if (!session || d?.token !== this.world.token) {
      this.send(socket, { op: 9, d: false });
      return null;
    }
    session.socket = socket;
    const after = typeof d.seq === "number" ? d.seq : 0;
    // Discord replays what the client missed, in order, then confirms with RESUMED
    for (const e of session.events.slice(after)) this.deliver(session, e, true);
    this.sequenced(session, "RESUMED", {});
    return session;
  }
}
