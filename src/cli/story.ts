/**
 * `storybot story add <url|file>`: adds an article to the shared library (data/stories, or
 * STORY_DIR), which every server sees. A link is fetched with the same checks as /story add;
 * either way the text must ingest as an article before it is written, and an existing file is
 * only replaced with --replace.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import type { Command } from "commander";
import { ingestText, MAX_STORY_BYTES, STORY_EXTENSIONS, storyIdFromFile } from "../engine/index.js";
import { DEFAULT_STORY_DIR } from "../config-paths.js";
import { readStoryInput, StoryInputError } from "../servers/story-input.js";
import { parseAllowList } from "../web/addresses.js";

class StoryAddError extends Error {}

/** FETCH_ALLOW_ADDRESSES, as the bot reads it (comma-separated addresses or ranges). */
function allowList(): string[] {
  const list = (process.env.FETCH_ALLOW_ADDRESSES ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  try {
    parseAllowList(list);
  } catch (err) {
    throw new StoryAddError(`FETCH_ALLOW_ADDRESSES: ${(err as Error).message}`);
  }
  return list;
}

async function articleFrom(source: string): Promise<{ text: string; fileName: string; copyFrom?: string }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    try {
      return await readStoryInput({ url: source }, { allow: allowList() });
    } catch (err) {
      if (err instanceof StoryInputError) throw new StoryAddError(err.message);
      throw err;
    }
  }
  if (!STORY_EXTENSIONS.has(extname(source).toLowerCase())) throw new StoryAddError(`${source}: not an article file (${[...STORY_EXTENSIONS].join(", ")})`);
  let size: number;
  try {
    size = statSync(source).size;
  } catch {
    throw new StoryAddError(`${source}: no such file`);
  }
  if (size > MAX_STORY_BYTES) throw new StoryAddError(`${source}: too large (${size} bytes; the limit is ${MAX_STORY_BYTES})`);
  return { text: readFileSync(source, "utf8"), fileName: basename(source), copyFrom: source };
}

export async function addSharedStory(source: string, options: { replace?: boolean; dir?: string } = {}): Promise<{ id: string; title: string; file: string }> {
  const dir = options.dir ?? DEFAULT_STORY_DIR;
  const article = await articleFrom(source);
  const id = storyIdFromFile(article.fileName);
  let story;
  try {
    story = ingestText(article.text, id, article.fileName);
  } catch (err) {
    throw new StoryAddError(`${source}: ${(err as Error).message}`);
  }
  const file = join(dir, article.fileName);
  if (existsSync(file) && !options.replace) throw new StoryAddError(`${relative(process.cwd(), file) || file} already exists: pass --replace to replace it`);
  mkdirSync(dir, { recursive: true });
  // an uploaded file is kept byte for byte; a fetched page as it was read
  if (article.copyFrom) copyFileSync(article.copyFrom, file);
  else writeFileSync(file, article.text);
  return { id, title: story.title, file };
}

export function registerStory(program: Command): void {
  const story = program.command("story").description("manage the shared stories (data/stories, or STORY_DIR)");
  story
    .command("add")
    .description("add an article from a link or a file (.txt, .md, .html) to the shared stories")
    .argument("<url|file>", "an http(s) link to the article, or a path to an article file")
    .option("--replace", "replace a shared story of the same file name")
    .action(async (source: string, opts: { replace?: boolean }) => {
      try {
        const added = await addSharedStory(source, opts);
        process.stdout.write(`added ${added.id}: ${added.title} (${relative(process.cwd(), added.file) || added.file})\n`);
      } catch (err) {
        if (!(err instanceof StoryAddError)) throw err;
        process.stderr.write(`storybot story add: ${err.message}\n`);
        process.exitCode = 2;
      }
    });
}
