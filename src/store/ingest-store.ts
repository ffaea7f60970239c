/** The engine's ingest cache (ingested stories, story directories' manifests) kept in the database. */
import type { IngestStore } from "../engine/index.js";
import type { Db } from "./database.js";

export class SqliteIngestStore implements IngestStore {
  private readonly statements;

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
  }

  getStory(engine: string, hash: string): string | null {
    return this.statements.getStory.get(engine, hash)?.data ?? null;
  }

  putStory(engine: string, hash: string, data: string): void {
    this.statements.putStory.run(engine, hash, data);
  }

  getLibrary(engine: string, dir: string): string | null {
    return this.statements.getLibrary.get(engine, dir)?.manifest ?? null;
  }

  putLibrary(engine: string, dir: string, data: string): void {
    this.statements.putLibrary.run(engine, dir, data);
  }
}
