/**
 * What the bot remembers of a conversation, per user and channel: each turn's question, answer and
 * the things they named, so that the next question can refer back to them. Bounded and short-lived
 * (a turn is followed for some minutes, kept for some days for replies and votes, and no more than
 * a maximum number in all), and kept in the database so a restart does not forget.
 */
import type { Referent } from "./referents.js";

/** Who is talking where. The user id is stored only as a keyed hash. */
export interface Where {
  guild: string | null;
  channel: string | null;
  user: string;
}

export interface Turn {
  id: number;
  story: string;
  /** as the user wrote it */
  question: string;
  /** as it was answered, pronouns replaced */
  asked: string;
  answer: string | null;
  kind: string;
  confidence: number;
  paragraph: number;
  answerReferent: Referent | null;
  subjects: Referent[];
  earlier: Referent[];
  /** the bot asked back "who do you mean?": the question waiting for its pronoun */
  pending: { question: string; pronoun: string } | null;
  /** ms since the epoch */
  at: number;
}

export type NewTurn = Omit<Turn, "id" | "at">;

export interface ConversationMemory {
  /** Keeps a turn and returns its id, which the reply's buttons carry. */
  remember(where: Where, turn: NewTurn): Promise<number>;
  /** This user's latest turn in this channel, if it is recent enough to follow. */
  last(where: Where): Promise<Turn | null>;
  /** A turn by id, asked in the same server (a reply to one of the bot's answers, a vote on it). */
  turn(id: number, guild: string | null): Promise<Turn | null>;
}

export interface MemoryLimits {
  /** a turn older than this is not followed by a new question (a reply to it still is) */
  followMs: number;
  /** turns older than this are forgotten */
  keepMs: number;
  /** the most turns kept in all; the oldest go first */
  maxTurns: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = { followMs: 10 * 60_000, keepMs: 7 * 24 * 3_600_000, maxTurns: 100_000 };
