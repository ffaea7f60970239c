/**
 * `--story ID|PATH|DIR|all` on the command line: which stories to load, and what to ask the one story
 * resolver (commands/stories-service.ts) for. An id or `all` names stories of the story directory;
 * a path loads that article, or that directory's articles, first. Stories come through the
 * database's ingest cache (docs/scale.md), each library and file once per run.
 */
import { statSync } from "node:fs";
import { UserError } from "../../commands/command.js";
import { ALL, Stories } from "../../commands/stories-service.js";
import { loadStoryFile, StoryLibrary, type IngestStore } from "../engine/index.js";
import { resolve } from "node:path";
import { DEFAULT_STORY_DIR } from "../config-paths.js";
import { DatabaseError } from "../store/database.js";
import { processStorage } from "../store/process-storage.js";
import type { Storage } from "../store/storage.js";
import { ingestProgressBar } from "./progress.js";

/** What a command runs against: the stories loaded, and the `story` argument to resolve among them. */
export interface StoryChoice {
  stories: Stories;
  ref: string | undefined;
}

const loaded = new Map<string, Promise<Stories>>();

/** The database; one that cannot be opened is the user's to fix. */
export function database(): Storage {
  try {
    return processStorage();
  } catch (err) {
    if (err instanceof DatabaseError) throw new UserError(err.message);
    throw err;
  }
}

/** The ingest cache of the database. */
export const ingestCache = (): IngestStore => database().ingest;

/** Once per run: a directory's stories or a file's, and a note on stderr for each article skipped and each cache entry rebuilt. */
function once(key: string, load: () => Promise<StoryLibrary>): Promise<Stories> {
  let stories = loaded.get(key);
  if (!stories) {
    stories = load().then((library) => {
      for (const e of library.errors) process.stderr.write(`storybot: skipped ${e.message}\n`);
      for (const e of library.rebuilt) process.stderr.write(`storybot: ${e.message}\n`);
      return new Stories(library);
    });
    loaded.set(key, stories);
  }
  return stories;
}

function directory(dir: string): Promise<Stories> {
  return once(`dir:${dir}`, () => StoryLibrary.fromDirectory(dir, { cache: ingestCache(), progress: ingestProgressBar() })).then((stories) => {
    if (stories.library.size > 0) return stories;
    const why = stories.library.errors.map((e) => e.message).join("; ");
    throw new UserError(`no story could be loaded from ${dir}${why ? `: ${why}` : ""}`);
  });
}

function looksLikePath(ref: string): boolean {
  return /[/\\]/.test(ref) || /\.(?:txt|md|markdown|html?)$/i.test(ref) || ref === "." || ref === "..";
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // a missing file is reported by loadStoryFile, with its name
    return false;
  }
}

async function file(path: string): Promise<Stories> {
  try {
    return await once(`file:${path}`, async () => new StoryLibrary([await loadStoryFile(path, { cache: ingestCache() })]));
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/** The story directory's stories (data/stories, or STORY_DIR). */
export const defaultStories = (): Promise<Stories> => directory(DEFAULT_STORY_DIR);

/**
 * An id from the story directory, a path to an article or a directory of articles, or `all`.
 * Without one: the STORY setting (from the environment, else .env), else the only story, else all of them.
 */
export async function storiesFor(ref: string | undefined): Promise<StoryChoice> {
  // as `storybot start` does: .env fills in what the environment leaves unset, never overrides it
  if (!ref?.trim() && process.env.STORY === undefined) (await import("dotenv")).config({ path: resolve(process.cwd(), ".env"), override: false, quiet: true });
  const wanted = ref?.trim() || process.env.STORY?.trim() || undefined;
  if (wanted && wanted !== ALL && looksLikePath(wanted)) return { stories: await (isDirectory(wanted) ? directory(wanted) : file(wanted)), ref: undefined };
  return { stories: await defaultStories(), ref: wanted };
}
