/** Every migration, in order. Add a new file with the next number and append it here; never edit a landed one. */
import type { Migration } from "../migrate.js";
import { stories } from "./0001-stories.js";
import { conversations } from "./0002-conversations.js";
import { feedback } from "./0003-feedback.js";
import { ingestEngines } from "./0004-ingest-engines.js";

export const MIGRATIONS: readonly Migration[] = [stories, conversations, feedback, ingestEngines];
