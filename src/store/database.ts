/**
 * The bot's one database file: SQLite through better-sqlite3, in WAL mode so that readers (a CLI
 * run, a second process) never wait for a writer, with the schema brought up to date by the
 * versioned migrations on open. A file that does not exist yet is created, with its directory.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrate, type Migration } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";

export type Db = Database.Database;

/** The database named by STORYBOT_DB cannot be opened or upgraded; the message names the file and says why. */
export class DatabaseError extends Error {}

/** ":memory:" opens a private in-memory database (tests). */
export const IN_MEMORY = ":memory:";

export interface OpenOptions {
  /** the schema to bring the file to (default: every migration of this version of storybot) */
  migrations?: readonly Migration[];
  /** how long a write waits for another process's write to finish before failing */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const path = file === IN_MEMORY ? file : resolve(file);
  let db: Db;
  try {
    if (path !== IN_MEMORY) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw new DatabaseError(`${file}: cannot open the database (${reason(err)})`);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commits
    db.pragma("synchronous = NORMAL");
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (err) {
    db.close();
    throw new DatabaseError(`${file}: ${err instanceof DatabaseError ? err.message : `cannot use the database (${reason(err)})`}`);
  }
  return db;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e.code === "SQLITE_NOTADB") return "not a SQLite database";
  if (e.code === "SQLITE_CANTOPEN" || e.code === "EACCES" || e.code === "ENOTDIR" || e.code === "EISDIR") return `cannot create or open the file: ${e.message}`;
  return e.message;
}
