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
/** Ingested stories and router indexes, kept between runs (see docs/scale.md); "off" disables the cache. */
export const DEFAULT_CACHE_DIR = process.env.STORYBOT_CACHE_DIR === "off" ? null : resolve(process.env.STORYBOT_CACHE_DIR ?? join(ROOT, ".cache"));
