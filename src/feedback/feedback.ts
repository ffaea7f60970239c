/**
 * Whether answers helped: a 👍 or 👎 per user per answer, per server, changeable, with what was
 * asked and answered kept beside it, so a server can see what the bot gets wrong.
 */

export interface Vote {
  /** the server; null outside one (a DM) */
  guild: string | null;
  /** the conversation turn the answer was */
  turn: number;
  /** stored only as a keyed hash */
  user: string;
  helpful: boolean;
  story: string;
  question: string;
  answer: string | null;
  confidence: number;
}

export interface Tally {
  helpful: number;
  notHelpful: number;
}

/** counted: a first vote; changed: the other way than before; unchanged: the same again */
export type VoteOutcome = "counted" | "changed" | "unchanged";

export interface MarkedAnswer extends Tally {
  story: string;
  question: string;
  answer: string | null;
  confidence: number;
}

export interface FeedbackSummary extends Tally {
  /** the server, or null for every server (the command line) */
  server: string | null;
  /** how many answers got a vote */
  answers: number;
  /** the answers most often marked not helpful, the most first */
  wrong: MarkedAnswer[];
}

export interface FeedbackStore {
  vote(v: Vote): Promise<{ outcome: VoteOutcome } & Tally>;
  summary(guild: string | null, most?: number): Promise<FeedbackSummary>;
}
