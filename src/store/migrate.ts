/**
 * Versioned migrations: each has a number and the SQL that takes the schema from the previous
 * number to its own. Applied ones are recorded in `schema_migrations`; opening a database applies
 * the missing ones in order, each in its own transaction, so a failure leaves the file at the last
 * good version. A database newer than this code (a rollback after an upgrade) is refused rather
 * than written to with the old schema's assumptions.
 */
import type Database from "better-sqlite3";

export interface Migration {
  /** 1, 2, 3…: strictly increasing, never reused, never edited once landed */
  version: number;
  /** a short name, kept with the record of it */
  name: string;
  /** SQL run once, in a transaction */
  up: string;
}

export class MigrationError extends Error {}

export function appliedVersion(db: Database.Database): number {
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration "${m.name}" has version ${m.version}, expected ${i + 1}: versions run 1, 2, 3… without gaps`);
  });
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const current = appliedVersion(db);
  if (current > migrations.length) throw new MigrationError(`the database is at schema version ${current}, newer than this storybot knows (${migrations.length}): upgrade storybot, or point STORYBOT_DB at another file`);
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.up);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
