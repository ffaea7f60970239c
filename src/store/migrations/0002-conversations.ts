import type { Migration } from "../migrate.js";

/**
 * The conversation memory (src/conversation/memory.ts).
 * - conversation_turns: each answer the bot gave, per server, channel and user (a keyed hash of the
 *   id, never the id), with what the turn named, so a follow-up can refer back to it and a reply or
 *   a vote can name it by id. Pruned by age and count.
 * - bot_secrets: values the bot makes once and keeps, such as the key of that hash.
 */
export const conversations: Migration = {
  version: 2,
  name: "conversations",
  up: `
    CREATE TABLE conversation_turns (
      id         INTEGER PRIMARY KEY,
      guild_id   TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      user_hash  TEXT NOT NULL,
      story_id   TEXT NOT NULL,
      question   TEXT NOT NULL,
      asked      TEXT NOT NULL,
      answer     TEXT,
      kind       TEXT NOT NULL,
      confidence REAL NOT NULL,
      paragraph  INTEGER NOT NULL,
      context    TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX conversation_turns_latest ON conversation_turns (guild_id, channel_id, user_hash, created_at);
    CREATE INDEX conversation_turns_age ON conversation_turns (created_at);

    CREATE TABLE bot_secrets (
      name  TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
