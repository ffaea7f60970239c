/** The conversation memory in the SQLite database (see src/conversation/memory.ts for the contract). */
import { DEFAULT_MEMORY_LIMITS, type ConversationMemory, type MemoryLimits, type NewTurn, type Turn, type Where } from "../conversation/memory.js";
import type { Db } from "./database.js";
import { userHasher } from "./user-hash.js";

interface Row {
  id: number;
  story_id: string;
  question: string;
  asked: string;
  answer: string | null;
  kind: string;
  confidence: number;
  paragraph: number;
  context: string;
  created_at: number;
}

type Context = Pick<Turn, "answerReferent" | "subjects" | "earlier" | "pending">;

const COLUMNS = "id, story_id, question, asked, answer, kind, confidence, paragraph, context, created_at";
/** pruning every write would cost a scan; this often is enough to keep within the limits */
const PRUNE_EVERY = 100;

function toTurn(r: Row): Turn {
  const c = JSON.parse(r.context) as Context;
  return { id: r.id, story: r.story_id, question: r.question, asked: r.asked, answer: r.answer, kind: r.kind, confidence: r.confidence, paragraph: r.paragraph, answerReferent: c.answerReferent, subjects: c.subjects, earlier: c.earlier, pending: c.pending, at: r.created_at };
}

export class SqliteConversationStore implements ConversationMemory {
  private readonly q;
  private readonly hash: (userId: string) => string;
  private writes = 0;

  constructor(
    db: Db,
    private readonly limits: MemoryLimits = DEFAULT_MEMORY_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.hash = userHasher(db);
    this.q = {
      put: db.prepare(`INSERT INTO conversation_turns (guild_id, channel_id, user_hash, story_id, question, asked, answer, kind, confidence, paragraph, context, created_at)
        VALUES (@guild, @channel, @user, @story, @question, @asked, @answer, @kind, @confidence, @paragraph, @context, @at)`),
      last: db.prepare<[string, string, string, number], Row>(`SELECT ${COLUMNS} FROM conversation_turns WHERE guild_id = ? AND channel_id = ? AND user_hash = ? AND created_at >= ? ORDER BY created_at DESC, id DESC LIMIT 1`),
      byId: db.prepare<[number, string, number], Row>(`SELECT ${COLUMNS} FROM conversation_turns WHERE id = ? AND guild_id = ? AND created_at >= ?`),
      pruneOld: db.prepare("DELETE FROM conversation_turns WHERE created_at < ?"),
      pruneMany: db.prepare("DELETE FROM conversation_turns WHERE id <= (SELECT id FROM conversation_turns ORDER BY id DESC LIMIT 1 OFFSET ?)"),
    };
  }

  async remember(where: Where, turn: NewTurn): Promise<number> {
    const context: Context = { answerReferent: turn.answerReferent, subjects: turn.subjects, earlier: turn.earlier, pending: turn.pending };
    const at = this.now();
    const { lastInsertRowid } = this.q.put.run({ ...this.key(where), story: turn.story, question: turn.question, asked: turn.asked, answer: turn.answer, kind: turn.kind, confidence: turn.confidence, paragraph: turn.paragraph, context: JSON.stringify(context), at });
    if (++this.writes % PRUNE_EVERY === 1) this.prune(at);
    return Number(lastInsertRowid);
  }

  async last(where: Where): Promise<Turn | null> {
    const k = this.key(where);
    const row = this.q.last.get(k.guild, k.channel, k.user, this.now() - this.limits.followMs);
    return row ? toTurn(row) : null;
  }

  async turn(id: number, guild: string | null): Promise<Turn | null> {
    const row = this.q.byId.get(id, guild ?? "", this.now() - this.limits.keepMs);
    return row ? toTurn(row) : null;
  }

  private key(where: Where) {
    return { guild: where.guild ?? "", channel: where.channel ?? "", user: this.hash(where.user) };
  }

  private prune(now: number): void {
    this.q.pruneOld.run(now - this.limits.keepMs);
    this.q.pruneMany.run(this.limits.maxTurns);
  }
}
