import type { Migration } from "../migrate.js";

/**
 * Votes on answers (src/feedback/feedback.ts): one per user per answer in a server, changeable,
 * with the question, answer, story and confidence kept beside it so that they outlive the
 * conversation turn they were cast on. guild_id is '' outside a server.
 */
export const feedback: Migration = {
  version: 3,
  name: "feedback",
  up: `
    CREATE TABLE answer_votes (
      guild_id   TEXT NOT NULL,
      turn_id    INTEGER NOT NULL,
      user_hash  TEXT NOT NULL,
      helpful    INTEGER NOT NULL,
      story_id   TEXT NOT NULL,
      question   TEXT NOT NULL,
      answer     TEXT,
      confidence REAL NOT NULL,
      voted_at   INTEGER NOT NULL,
      PRIMARY KEY (guild_id, turn_id, user_hash)
    ) WITHOUT ROWID;
  `,
};
