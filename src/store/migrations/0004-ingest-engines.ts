import type { Migration } from "../migrate.js";

/**
 * Which engines wrote to the ingest cache, and when one first did. Every change to the engine's
 * code is a new fingerprint and, once its stories are ingested, another full copy of them (~100 KB
 * a story): without a record of the engines, a bot upgraded a dozen times kept a dozen copies.
 * The ingest store keeps the newest few and deletes the rest (src/store/ingest-store.ts). Engines
 * already in the cache are recorded as of this migration, so the next engine to write prunes them
 * like any other.
 */
export const ingestEngines: Migration = {
  version: 4,
  name: "ingest engines",
  up: `
    CREATE TABLE ingest_engines (
      engine       TEXT PRIMARY KEY,
      first_writes TEXT NOT NULL
    ) WITHOUT ROWID;

    INSERT INTO ingest_engines (engine, first_writes)
      SELECT engine, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (SELECT engine FROM ingested UNION SELECT engine FROM libraries);
  `,
};
