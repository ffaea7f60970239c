/**
 * The engine's ingest cache (ingested stories, story directories' manifests) kept in the database.
 *
 * Entries are keyed by engine fingerprint, and every change to the engine's code is a new one: the
 * store records when each engine first wrote (migration 0004) and, on an engine's first write in a
 * process, deletes the entries of all but the newest ENGINES_KEPT. That runs once per upgrade, in
 * one transaction, before the new engine has ingested much: it is the moment another copy of every
 * story starts to be written.
 */
import type { IngestStore } from "../engine/index.js";
import type { Db } from "./database.js";

/**
 * The running engine and the one before it: a rollback, or the old and the new bot side by side
 * during an upgrade, each find their own stories still ingested.
 */
export const ENGINES_KEPT = 2;

export class SqliteIngestStore implements IngestStore {
  private readonly statements;
  private readonly recordWriter;
  /** engines this process has written for, and so recorded */
  private readonly writers = new Set<string>();

  constructor(
    db: Db,
    readonly location: string,
  ) {
    this.statements = {
      getStory: db.prepare<[string, string], { data: string }>("SELECT data FROM ingested WHERE engine = ? AND hash = ?"),
      putStory: db.prepare("INSERT OR REPLACE INTO ingested (engine, hash, data) VALUES (?, ?, ?)"),
      getLibrary: db.prepare<[string, string], { manifest: string }>("SELECT manifest FROM libraries WHERE engine = ? AND dir = ?"),
      putLibrary: db.prepare("INSERT OR REPLACE INTO libraries (engine, dir, manifest) VALUES (?, ?, ?)"),
    };
    const record = db.prepare("INSERT OR IGNORE INTO ingest_engines (engine, first_writes) VALUES (?, ?)");
    // newest first; ties (engines recorded by the migration) by name, so every process prunes the same ones
    const stale = db.prepare<[number], { engine: string }>("SELECT engine FROM ingest_engines ORDER BY first_writes DESC, engine DESC LIMIT -1 OFFSET ?");
    const forget = ["DELETE FROM ingested WHERE engine = ?", "DELETE FROM libraries WHERE engine = ?", "DELETE FROM ingest_engines WHERE engine = ?"].map((sql) => db.prepare(sql));
    this.recordWriter = db.transaction((engine: string) => {
      record.run(engine, new Date().toISOString());
      for (const { engine: old } of stale.all(ENGINES_KEPT)) for (const statement of forget) statement.run(old);
    });
  }

  getStory(engine: string, hash: string): string | null {
    return this.statements.getStory.get(engine, hash)?.data ?? null;
  }

  putStory(engine: string, hash: string, data: string): void {
    this.statements.putStory.run(engine, hash, data);
    this.wrote(engine);
  }

  getLibrary(engine: string, dir: string): string | null {
    return this.statements.getLibrary.get(engine, dir)?.manifest ?? null;
  }

  putLibrary(engine: string, dir: string, data: string): void {
    this.statements.putLibrary.run(engine, dir, data);
    this.wrote(engine);
  }

  /** After the entry is written: a write that fails here still stands, and the next one tries again. */
  private wrote(engine: string): void {
    if (this.writers.has(engine)) return;
    this.recordWriter(engine);
    this.writers.add(engine);
  }
}
