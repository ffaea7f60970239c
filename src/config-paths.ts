/** Where the project's own files live, whatever the working directory. */
import { dirname, join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

function projectRoot(): string {
  // src/ in development, dist/src/ when built: walk up to the folder holding package.json
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const ROOT = projectRoot();
export const DEFAULT_STORY_DIR = resolve(process.env.STORY_DIR ?? join(ROOT, "data", "stories"));
/**
 * The database (docs/storage.md): servers' stories and settings, ingested stories and indexes.
 * ":memory:" keeps everything in the process, for tests and throwaway runs.
 */
export const DEFAULT_DB_FILE = process.env.STORYBOT_DB === ":memory:" ? ":memory:" : resolve(process.env.STORYBOT_DB?.trim() || join(ROOT, "data", "storybot.db"));
