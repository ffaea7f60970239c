/** The process's one connection to the database named by STORYBOT_DB, opened on first use. */
import { DEFAULT_DB_FILE } from "../config-paths.js";
import { DatabaseError } from "./database.js";
import { openStorage } from "./index.js";
import type { Storage } from "./storage.js";

let storage: Storage | null = null;

/** Throws a DatabaseError whose message starts with STORYBOT_DB and names the file. */
export function processStorage(): Storage {
  if (storage) return storage;
  try {
    storage = openStorage(DEFAULT_DB_FILE);
  } catch (err) {
    if (err instanceof DatabaseError) throw new DatabaseError(`STORYBOT_DB: ${err.message}`);
    throw err;
  }
  return storage;
}
