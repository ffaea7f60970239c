import type { Migration } from "../migrate.js";

/**
 * Servers' stories and settings, and the ingest cache.
 * - guild_stories: articles a server added (its own library, on top of the shared data/stories/).
 * - guild_settings: a server's choices, such as its default story.
 * - ingested: stories as the engine ingested them, by engine fingerprint and the article's hash,
 *   so an unchanged article is never ingested twice and an edited engine never reads old output.
 * - libraries: what a story directory held when last opened (each file's hash and card) and its
 *   cross-story router index, by engine and directory.
 */
export const stories: Migration = {
  version: 1,
  name: "stories",
  up: `
    CREATE TABLE guild_stories (
      guild_id   TEXT NOT NULL,
      story_id   TEXT NOT NULL,
      text       TEXT NOT NULL,
      hash       TEXT NOT NULL,
      title      TEXT NOT NULL,
      source_url TEXT,
      file_name  TEXT NOT NULL,
      added_by   TEXT NOT NULL,
      added_at   TEXT NOT NULL,
      PRIMARY KEY (guild_id, story_id)
    ) WITHOUT ROWID;

    CREATE TABLE guild_settings (
      guild_id      TEXT PRIMARY KEY,
      default_story TEXT
    ) WITHOUT ROWID;

    CREATE TABLE ingested (
      engine TEXT NOT NULL,
      hash   TEXT NOT NULL,
      data   TEXT NOT NULL,
      PRIMARY KEY (engine, hash)
    ) WITHOUT ROWID;

    CREATE TABLE libraries (
      engine   TEXT NOT NULL,
      dir      TEXT NOT NULL,
      manifest TEXT NOT NULL,
      PRIMARY KEY (engine, dir)
    ) WITHOUT ROWID;
  `,
};
