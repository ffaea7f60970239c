/** `--story ID|PATH` → a Story: an id from the story directory, or (CLI only) a path to an article file. */
import { existsSync, statSync } from "node:fs";
import { StoryLibrary, loadStoryFile, type Story } from "../engine/index.js";
import { DEFAULT_STORY_DIR } from "../config-paths.js";

export class UsageError extends Error {}

let library: StoryLibrary | null = null;
export function defaultLibrary(): StoryLibrary {
  library ??= StoryLibrary.fromDirectory(DEFAULT_STORY_DIR);
  return library;
}

const byPath = new Map<string, Story>();

export function resolveStory(ref: string | undefined): Story {
  if (ref && (ref.includes("/") || ref.includes("\\") || /\.(txt|md)$/i.test(ref))) {
    if (existsSync(ref) && !statSync(ref).isFile()) throw new UsageError(`${ref}: not a story file`);
    let story = byPath.get(ref);
    if (!story) {
      story = loadStoryFile(ref);
      byPath.set(ref, story);
    }
    return story;
  }
  const lib = defaultLibrary();
  const id = ref ?? process.env.STORY ?? lib.list()[0]?.id;
  if (!id) {
    const why = lib.errors.map((e) => e.message).join("; ");
    throw new UsageError(`no story could be loaded from ${DEFAULT_STORY_DIR}${why ? `: ${why}` : ""}`);
  }
  const story = lib.get(id);
  if (!story) throw new UsageError(`unknown story "${id}" (known: ${lib.list().map((s) => s.id).join(", ") || "none"})`);
  return story;
}
