/** Votes on answers in the SQLite database (see src/feedback/feedback.ts for the contract). */
import type { FeedbackStore, FeedbackSummary, MarkedAnswer, Tally, Vote, VoteOutcome } from "../feedback/feedback.js";
import type { Db } from "./database.js";
import { userHasher } from "./user-hash.js";

/** how many answers marked wrong a summary lists by default */
const MOST = 5;

interface MarkedRow {
  story_id: string;
  question: string;
  answer: string | null;
  confidence: number;
  helpful: number;
  not_helpful: number;
}

export class SqliteFeedbackStore implements FeedbackStore {
  private readonly q;
  private readonly hash: (userId: string) => string;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.hash = userHasher(db);
    const where = "(? IS NULL OR guild_id = ?)";
    this.q = {
      before: db.prepare<[string, number, string], { helpful: number }>("SELECT helpful FROM answer_votes WHERE guild_id = ? AND turn_id = ? AND user_hash = ?"),
      put: db.prepare(`INSERT INTO answer_votes (guild_id, turn_id, user_hash, helpful, story_id, question, answer, confidence, voted_at)
        VALUES (@guild, @turn, @user, @helpful, @story, @question, @answer, @confidence, @at)
        ON CONFLICT (guild_id, turn_id, user_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`),
      tally: db.prepare<[string, number], { helpful: number | null; not_helpful: number | null }>("SELECT sum(helpful) AS helpful, sum(1 - helpful) AS not_helpful FROM answer_votes WHERE guild_id = ? AND turn_id = ?"),
      totals: db.prepare<[string | null, string | null], { helpful: number | null; not_helpful: number | null; answers: number }>(
        `SELECT sum(helpful) AS helpful, sum(1 - helpful) AS not_helpful, count(DISTINCT guild_id || ':' || turn_id) AS answers FROM answer_votes WHERE ${where}`,
      ),
      wrong: db.prepare<[string | null, string | null, number], MarkedRow>(
        `SELECT story_id, question, answer, confidence, sum(helpful) AS helpful, sum(1 - helpful) AS not_helpful
         FROM answer_votes WHERE ${where} GROUP BY guild_id, turn_id HAVING not_helpful > 0
         ORDER BY not_helpful DESC, helpful ASC, max(voted_at) DESC LIMIT ?`,
      ),
    };
  }

  async vote(v: Vote): Promise<{ outcome: VoteOutcome } & Tally> {
    const guild = v.guild ?? "";
    const user = this.hash(v.user);
    return this.db.transaction(() => {
      const before = this.q.before.get(guild, v.turn, user);
      const outcome: VoteOutcome = !before ? "counted" : !!before.helpful === v.helpful ? "unchanged" : "changed";
      this.q.put.run({ guild, turn: v.turn, user, helpful: v.helpful ? 1 : 0, story: v.story, question: v.question, answer: v.answer, confidence: v.confidence, at: this.now() });
      const t = this.q.tally.get(guild, v.turn)!;
      return { outcome, helpful: t.helpful ?? 0, notHelpful: t.not_helpful ?? 0 };
    })();
  }

  async summary(guild: string | null, most = MOST): Promise<FeedbackSummary> {
    const t = this.q.totals.get(guild, guild)!;
    const wrong: MarkedAnswer[] = this.q.wrong.all(guild, guild, most).map((r) => ({ story: r.story_id, question: r.question, answer: r.answer, confidence: r.confidence, helpful: r.helpful, notHelpful: r.not_helpful }));
    return { server: guild, helpful: t.helpful ?? 0, notHelpful: t.not_helpful ?? 0, answers: t.answers, wrong };
  }
}
