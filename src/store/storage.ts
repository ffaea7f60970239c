/**
 * What storybot keeps, as two narrow interfaces, so that another database (PostgreSQL, for several
 * bot processes sharing servers' stories) is a second implementation of them, not a rewrite:
 *
 * - `ServerStore`: each server's own stories and settings. Shared state: asynchronous, so that a
 *   network database fits behind it.
 * - `IngestStore` (the engine's, re-exported): ingested stories and story directories' indexes.
 *   Derived data, rebuilt from the articles whenever missing: synchronous, kept next to each bot
 *   process (a local SQLite file even when the servers' stories live elsewhere).
 */
import type { ConversationMemory } from "../conversation/memory.js";
import type { IngestStore } from "../engine/index.js";
import type { FeedbackStore } from "../feedback/feedback.js";

export type { ConversationMemory, FeedbackStore, IngestStore };

/** A story a server added, as listed (its text is read on its own). */
export interface ServerStory {
  guildId: string;
  /** unique within the server */
  id: string;
  title: string;
  /** sha256 of the text, the ingest cache's key */
  hash: string;
  /** the link it was fetched from, or null for an uploaded file */
  sourceUrl: string | null;
  /** the file name it was uploaded or fetched as (its extension says how to read it) */
  fileName: string;
  /** Discord user id of who added it */
  addedBy: string;
  /** ISO time */
  addedAt: string;
}

export interface NewServerStory extends ServerStory {
  text: string;
}

export interface ServerStore {
  listStories(guildId: string): Promise<ServerStory[]>;
  storyText(guildId: string, id: string): Promise<string | null>;
  /** Adds the story, or replaces the server's story of the same id; says which. */
  addStory(story: NewServerStory): Promise<"added" | "replaced">;
  /** Removes it (and clears it as the default); false if the server had no such story. */
  removeStory(guildId: string, id: string): Promise<boolean>;
  defaultStory(guildId: string): Promise<string | null>;
  setDefaultStory(guildId: string, id: string | null): Promise<void>;
}

export interface Storage {
  servers: ServerStore;
  ingest: IngestStore;
  /** what each user's conversation with the bot in each channel named (src/conversation/memory.ts) */
  conversations: ConversationMemory;
  /** votes on answers, per server (src/feedback/feedback.ts) */
  feedback: FeedbackStore;
  close(): void;
}
