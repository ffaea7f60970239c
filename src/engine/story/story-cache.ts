/**
 * The on-disk cache of ingested stories and of a library's router index.
 *
 * Ingest costs milliseconds an article plus ~250 ms to start the NLP libraries; a cached story is
 * one JSON.parse. A story file is named by the article's content hash, under a directory named by
 * the engine fingerprint, and stamped with both, so an edited article or an edited engine misses
 * and is rebuilt. Whatever cannot be
 * read back exactly as written (truncated, hand-edited, another version) counts as a miss.
 * Writes are best-effort: a read-only checkout still works, only slower.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Story, StoryMeta } from "../types.js";

/** Bump when the cache layout changes, or when an NLP package upgrade changes what ingest produces. */
export const ENGINE_VERSION = 1;

/** A story as cached: everything ingest derives from the text, without the file name it came from. */
export type CachedStory = Omit<Story, "id" | "file">;

export interface StoryCard extends StoryMeta {
  paragraphCount: number;
}

/** What a library remembers between runs: each article's hash and card, and its router index. */
export interface LibraryManifest {
  stories: { file: string; hash: string; card: StoryCard }[];
  router: unknown;
}

let fingerprint: string | null = null;

/**
 * ENGINE_VERSION plus a hash of the engine's own code, so that editing the engine (tuning
 * entities, dates, ...) never serves stories ingested by the old code.
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  // the whole engine, every stage folder: this file sits in engine/story/
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash("sha256").update(`engine v${ENGINE_VERSION}\0`);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((n) => /\.(?:js|ts)$/.test(n) && !n.endsWith(".d.ts")).sort();
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(root, name))).update("\0");
  fingerprint = hash.digest("hex").slice(0, 20);
  return fingerprint;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Cheap structural check: enough that answer() cannot trip over a damaged file. */
function looksLikeStory(v: unknown): v is CachedStory {
  if (!isRecord(v) || typeof v.title !== "string") return false;
  const { paragraphs, sentences, entities, dates, boilerplate } = v;
  if (![paragraphs, sentences, entities, dates, boilerplate].every(Array.isArray)) return false;
  return (sentences as unknown[]).every((s) => isRecord(s) && typeof s.text === "string" && Array.isArray(s.tokens)) && (paragraphs as unknown[]).every((p) => isRecord(p) && typeof p.text === "string");
}

function looksLikeManifest(v: unknown): v is LibraryManifest {
  return isRecord(v) && Array.isArray(v.stories) && isRecord(v.router) && v.stories.every((s) => isRecord(s) && typeof s.file === "string" && typeof s.hash === "string" && isRecord(s.card) && typeof s.card.id === "string");
}

export class StoryCache {
  constructor(readonly dir: string) {}

  /**
   * Each engine keeps its files apart: two versions sharing a cache (a rolling deploy, a second
   * checkout) would otherwise overwrite each other's stories, which are keyed by the article alone.
   */
  private engineDir(): string {
    return join(this.dir, engineFingerprint());
  }

  private storyPath(hash: string): string {
    return join(this.engineDir(), "stories", `${hash}.json`);
  }

  private manifestPath(libraryDir: string): string {
    return join(this.engineDir(), "libraries", `${contentHash(libraryDir).slice(0, 24)}.json`);
  }

  readStory(hash: string): CachedStory | null {
    const data = this.readStamped(this.storyPath(hash), hash);
    return looksLikeStory(data) ? data : null;
  }

  writeStory(hash: string, story: Story): void {
    const { id: _id, file: _file, ...content } = story;
    this.writeStamped(this.storyPath(hash), hash, content);
  }

  readManifest(libraryDir: string): LibraryManifest | null {
    const data = this.readStamped(this.manifestPath(libraryDir), libraryDir);
    return looksLikeManifest(data) ? data : null;
  }

  writeManifest(libraryDir: string, manifest: LibraryManifest): void {
    this.writeStamped(this.manifestPath(libraryDir), libraryDir, manifest);
  }

  /** The payload of a file written by writeStamped for the same key and engine, else null. */
  private readStamped(path: string, key: string): unknown {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      return null;
    }
    if (!isRecord(parsed) || parsed.engine !== engineFingerprint() || parsed.key !== key) return null;
    return parsed.data;
  }

  private writeStamped(path: string, key: string, data: unknown): void {
    // write then rename, so that a reader in another process never sees half a file
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ engine: engineFingerprint(), key, data }));
      renameSync(tmp, path);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}
