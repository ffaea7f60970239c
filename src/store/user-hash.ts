/**
 * A user id as the database keeps it: HMAC-SHA256 under a key made once per database, so a copy of
 * the file does not say who asked or voted, while the same user still maps to the same value.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "./database.js";

const KEY = "user-hash-key";

export function userHasher(db: Db): (userId: string) => string {
  db.prepare("INSERT OR IGNORE INTO bot_secrets (name, value) VALUES (?, ?)").run(KEY, randomBytes(32).toString("hex"));
  const key = (db.prepare("SELECT value FROM bot_secrets WHERE name = ?").get(KEY) as { value: string }).value;
  return (userId) => createHmac("sha256", key).update(userId).digest("hex").slice(0, 32);
}
