/**
 * A user id as the database keeps it: HMAC-SHA256 under a key made once per database, so a copy of
 * the file does not say who asked or voted, while the same user still maps to the same value.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "./database.js";

const KEY = "user-hash-key";

/** The key is read (or made) on the first hash, so that a run that hashes no one never writes. */
export function userHasher(db: Db): (userId: string) => string {
  let key: string | undefined;
  const keyOf = () => {
    db.prepare("INSERT OR IGNORE INTO bot_secrets (name, value) VALUES (?, ?)").run(KEY, randomBytes(32).toString("hex"));
    return (db.prepare("SELECT value FROM bot_secrets WHERE name = ?").get(KEY) as { value: string }).value;
  };
  return (userId) => createHmac("sha256", (key ??= keyOf())).update(userId).digest("hex").slice(0, 32);
}
