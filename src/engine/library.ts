/** The stories a bot serves: every .txt/.md article in a directory, each loaded on its own. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { ingestText, storyIdFromFile, StoryFormatError } from "./ingest.js";
import type { Story } from "./types.js";

export const STORY_EXTENSIONS = new Set([".txt", ".md"]);
/** Larger files are not articles; refusing them keeps a stray dump from stalling start-up. */
export const MAX_STORY_BYTES = 2 * 1024 * 1024;

export interface LoadError {
  file: string;
  message: string;
}

/** Reads and ingests one article file; throws an Error whose message names the file. */
export function loadStoryFile(file: string, id = storyIdFromFile(file)): Story {
  const path = resolve(file);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_STORY_BYTES) throw new StoryFormatError(`too large (${size} bytes; the limit is ${MAX_STORY_BYTES})`);
    text = readFileSync(path, "utf8");
  } catch (err) {
    const reason = err instanceof StoryFormatError ? err.message : (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `unreadable (${(err as Error).message})`;
    throw new Error(`${file}: ${reason}`);
  }
  try {
    return ingestText(text, id, path);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

export class StoryLibrary {
  readonly errors: LoadError[] = [];
  private readonly stories = new Map<string, Story>();

  constructor(stories: Story[] = [], errors: LoadError[] = []) {
    for (const s of stories) this.add(s);
    this.errors.push(...errors);
  }

  /** Loads every article in `dir`; a bad file is reported in `errors` and the others still load. */
  static fromDirectory(dir: string): StoryLibrary {
    const library = new StoryLibrary();
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => STORY_EXTENSIONS.has(extname(n).toLowerCase())).sort();
    } catch (err) {
      library.errors.push({ file: dir, message: `${dir}: cannot read the story directory (${(err as Error).message})` });
      return library;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        const story = loadStoryFile(file);
        if (library.stories.has(story.id)) throw new Error(`${file}: duplicate story id "${story.id}"`);
        library.add(story);
      } catch (err) {
        library.errors.push({ file, message: (err as Error).message });
      }
    }
    return library;
  }

  add(story: Story): void {
    this.stories.set(story.id, story);
  }

  get(id: string): Story | undefined {
    return this.stories.get(id);
  }

  list(): Story[] {
    return [...this.stories.values()];
  }

  get size(): number {
    return this.stories.size;
  }
}
