/**
 * `--story ID|PATH|DIR|all` → what a question is asked of: one story, or a library whose stories
 * a question is routed across. Stories come through the database's ingest cache (docs/scale.md).
 */
import { statSync } from "node:fs";
import { loadStoryFile, StoryLibrary, type IngestStore, type Story } from "../engine/index.js";
import { DEFAULT_STORY_DIR } from "../config-paths.js";
import { DatabaseError } from "../store/database.js";
import { processStorage } from "../store/process-storage.js";
import { ingestProgressBar } from "./progress.js";

export class UsageError extends Error {}

/** `--story all`: every story in the story directory. */
export const ALL_STORIES = "all";

export type Target = { story: Story; library?: undefined } | { library: StoryLibrary; story?: undefined };

const libraries = new Map<string, Promise<StoryLibrary>>();
const files = new Map<string, Promise<Story>>();

const warned = new WeakSet<StoryLibrary>();

/** Says once per run which articles were skipped, and which cache entries were rebuilt, and why. */
function warnAbout(library: StoryLibrary): StoryLibrary {
  if (warned.has(library)) return library;
  warned.add(library);
  for (const e of library.errors) process.stderr.write(`storybot: skipped ${e.message}\n`);
  for (const e of library.rebuilt) process.stderr.write(`storybot: ${e.message}\n`);
  return library;
}

/** The ingest cache of the database; a database that cannot be opened is the user's to fix. */
export function ingestCache(): IngestStore {
  try {
    return processStorage().ingest;
  } catch (err) {
    if (err instanceof DatabaseError) throw new UsageError(err.message);
    throw err;
  }
}

/** The stories of a directory, loaded once per run. */
export function libraryAt(dir: string): Promise<StoryLibrary> {
  let library = libraries.get(dir);
  if (!library) {
    library = StoryLibrary.fromDirectory(dir, { cache: ingestCache(), progress: ingestProgressBar() });
    libraries.set(dir, library);
  }
  return library;
}

export function defaultLibrary(): Promise<StoryLibrary> {
  return libraryAt(DEFAULT_STORY_DIR);
}

function looksLikePath(ref: string): boolean {
  return /[/\\]/.test(ref) || /\.(?:txt|md|markdown|html?)$/i.test(ref) || ref === "." || ref === "..";
}

function nonEmpty(library: StoryLibrary, dir: string): StoryLibrary {
  if (library.size > 0) return library;
  const why = library.errors.map((e) => e.message).join("; ");
  throw new UsageError(`no story could be loaded from ${dir}${why ? `: ${why}` : ""}`);
}

async function fromPath(ref: string): Promise<Target> {
  let isDirectory = false;
  try {
    isDirectory = statSync(ref).isDirectory();
  } catch {
    // a missing file is reported by loadStoryFile, with its name
  }
  if (isDirectory) return { library: nonEmpty(warnAbout(await libraryAt(ref)), ref) };
  let story = files.get(ref);
  if (!story) {
    story = loadStoryFile(ref, { cache: ingestCache() });
    files.set(ref, story);
  }
  try {
    return { story: await story };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * An id from the story directory, a path to an article or a directory of articles, or `all`.
 * Without one: the STORY setting, else the only story, else all of them.
 */
export async function resolveTarget(ref: string | undefined): Promise<Target> {
  const wanted = ref?.trim() || process.env.STORY?.trim() || undefined;
  if (wanted && wanted !== ALL_STORIES && looksLikePath(wanted)) return fromPath(wanted);
  const library = nonEmpty(warnAbout(await defaultLibrary()), DEFAULT_STORY_DIR);
  if (!wanted || wanted === ALL_STORIES) {
    const only = library.size === 1 ? library.get(library.ids()[0]!) : undefined;
    return only ? { story: only } : { library };
  }
  const story = library.get(wanted);
  if (!story) throw new UsageError(`unknown story "${wanted}" (known: ${library.ids().join(", ")}, or "${ALL_STORIES}")`);
  return { story };
}
