/**
 * Discord's gateway over `ws`: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, and
 * dispatches pushed by tests. `closeAll(code)` drops every connection with a close code (4000:
 * the client resumes; 1000: it starts a new session) for fault-injection tests.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { randomToken } from "./ids.js";
import { guildCreate, type World } from "./world.js";

interface Session {
  id: string;
  socket: WebSocket | null;
  seq: number;
}

export interface GatewayOp {
  op: number;
  d: any;
  s?: number | null;
  t?: string | null;
}

export const HEARTBEAT_INTERVAL = 41_250;

export class Gateway {
  /** every op the clients sent, in order */
  readonly received: GatewayOp[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly waiters: { match: (op: GatewayOp) => boolean; done: (op: GatewayOp) => void }[] = [];

  constructor(
    private readonly world: World,
    private readonly url: () => string,
  ) {
    this.server.on("connection", (socket) => this.accept(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.server.emit("connection", ws, req));
  }

  /** Sends an event to every connected session. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sessions.values()) if (s.socket) this.send(s.socket, { op: 0, t, s: ++s.seq, d });
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

  closeAll(code: number): void {
    for (const s of this.sessions.values()) s.socket?.close(code);
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
  }

  private accept(socket: WebSocket): void {
    let session: Session | null = null;
    this.send(socket, { op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL } });
    socket.on("message", (data) => {
      const op = JSON.parse(String(data)) as GatewayOp;
      this.received.push(op);
      for (const w of [...this.waiters]) if (w.match(op)) (this.waiters.splice(this.waiters.indexOf(w), 1), w.done(op));
      if (op.op === 1) this.send(socket, { op: 11, d: null });
      else if (op.op === 2) session = this.identify(socket, op.d);
      else if (op.op === 6) session = this.resume(socket, op.d);
    });
    socket.on("close", () => {
      // the session outlives its socket so that a RESUME can pick it up again
      if (session?.socket === socket) session.socket = null;
    });
  }

  private identify(socket: WebSocket, d: any): Session | null {
    if (d?.token !== this.world.token) {
      socket.close(4004, "Authentication failed.");
      return null;
    }
    const session: Session = { id: randomToken("session"), socket, seq: 0 };
    this.sessions.set(session.id, session);
    const { world } = this;
    const ready = { v: 10, user: world.bot, guilds: [{ id: world.guild.id, unavailable: true }], session_id: session.id, resume_gateway_url: this.url(), shard: d.shard ?? [0, 1], application: world.application };
    this.send(socket, { op: 0, t: "READY", s: ++session.seq, d: ready });
    this.send(socket, { op: 0, t: "GUILD_CREATE", s: ++session.seq, d: guildCreate(world) });
    return session;
  }

  private resume(socket: WebSocket, d: any): Session | null {
    const session = this.sessions.get(d?.session_id);
    if (!session || d?.token !== this.world.token) {
      this.send(socket, { op: 9, d: false });
      return null;
    }
    session.socket = socket;
    this.send(socket, { op: 0, t: "RESUMED", s: ++session.seq, d: {} });
    return session;
  }
}
