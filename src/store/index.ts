/**
 * storybot's storage: `openStorage(file)` opens (creating on first start) the SQLite database and
 * returns the stores over it. See docs/storage.md for the schema, the migrations and the interface.
 */
import { openDatabase, type OpenOptions } from "./database.js";
import { SqliteConversationStore } from "./conversation-store.js";
import { SqliteFeedbackStore } from "./feedback-store.js";
import { SqliteIngestStore } from "./ingest-store.js";
import { SqliteServerStore } from "./server-store.js";
import type { Storage } from "./storage.js";

export { DatabaseError, IN_MEMORY, openDatabase, type Db } from "./database.js";
export { MigrationError, type Migration } from "./migrate.js";
export type { ConversationMemory, FeedbackStore, IngestStore, NewServerStory, ServerStore, ServerStory, Storage } from "./storage.js";

export function openStorage(file: string, options?: OpenOptions): Storage {
  const db = openDatabase(file, options);
  return {
    servers: new SqliteServerStore(db),
    ingest: new SqliteIngestStore(db, file),
    conversations: new SqliteConversationStore(db),
    feedback: new SqliteFeedbackStore(db),
    close: () => db.close(),
  };
}
