/**
 * The cache of ingested stories and of a library's router index, over a key-value store the caller
 * provides (the bot's database: src/store/). The engine decides what is cached and checks what comes
 * back; the store only keeps strings.
 *
 * Ingest costs milliseconds an article plus ~250 ms to start the NLP libraries; a cached story is
 * one JSON.parse of its compact encoding (story-encoding.ts). A story is keyed by the engine fingerprint and the article's content hash, so an
 * edited article or an edited engine misses and is rebuilt. Whatever cannot be read back exactly as
 * written (truncated, hand-edited, another shape) is a miss, and is reported as damaged. Writes are
 * best-effort: a read-only database still serves, only slower.
 *
 * A story entry is the SHA-256 of its JSON, then the JSON. A row stamped right (this engine, this
 * article) can still be damaged (a disk error, a half-written row, a hand edit); the digest tells
 * it apart in one pass over its bytes, where checking every field of what it decodes to cost as
 * much as decoding it (a story has thousands of tokens) and made every token on read. An entry
 * whose digest matches holds what this engine's encodeStory wrote.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Story, StoryMeta } from "../types.js";
import { adoptIndex, indexOf } from "../index/search-index.js";
import { DEFAULT_PARSER_FILE } from "../language/parser/parser.js";
import { decodeStory, encodeStory, type CachedStory } from "./story-encoding.js";

/** Bump when the cache layout changes, or when an NLP package upgrade changes what ingest produces. */
export const ENGINE_VERSION = 3;

/** Where the cache keeps its entries: two string maps, keyed by engine fingerprint and a key. */
export interface IngestStore {
  /** where the entries live, for messages ("data/storybot.db") */
  readonly location: string;
  getStory(engine: string, hash: string): string | null;
  putStory(engine: string, hash: string, data: string): void;
  getLibrary(engine: string, dir: string): string | null;
  putLibrary(engine: string, dir: string, data: string): void;
}

export type { CachedStory };

export interface StoryCard extends StoryMeta {
  paragraphCount: number;
}

/** What a library remembers between runs: each article's hash, size and time, card, and the router index. */
export interface LibraryManifest {
  stories: { file: string; hash: string; size: number; mtimeMs: number; card: StoryCard }[];
  router: unknown;
}

/** A cache read: the entry, nothing there yet, or something there that is not a valid entry. */
export type CacheRead<T> = { value: T } | { missing: true } | { damaged: string };

let fingerprint: string | null = null;

/**
 * What tells one parser model from another without hashing its 2 MB on every start: its size and
 * its first bytes (the header, whose weight scales and accuracies change with every training).
 */
function parserIdentity(hash: ReturnType<typeof createHash>): void {
  const head = Buffer.alloc(4096);
  const fd = openSync(DEFAULT_PARSER_FILE, "r");
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    hash.update(`parser ${statSync(DEFAULT_PARSER_FILE).size}\0`).update(head.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/**
 * ENGINE_VERSION plus a hash of the engine's own code, so that editing the engine (tuning
 * entities, dates, ...) never serves stories ingested by the old code; and of the parser model,
 * whose parses are cached with the stories.
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  // the whole engine, every stage folder: this file sits in engine/story/
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash("sha256").update(`engine v${ENGINE_VERSION}\0`);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((n) => /\.(?:js|ts)$/.test(n) && !n.endsWith(".d.ts")).sort();
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(root, name))).update("\0");
  parserIdentity(hash);
  fingerprint = hash.digest("hex").slice(0, 20);
  return fingerprint;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}


function looksLikeManifest(v: unknown): v is LibraryManifest {
  return isRecord(v) && Array.isArray(v.stories) && isRecord(v.router) && v.stories.every((s) => isRecord(s) && typeof s.file === "string" && typeof s.hash === "string" && typeof s.size === "number" && typeof s.mtimeMs === "number" && isRecord(s.card) && typeof s.card.id === "string");
}

/** What a cache entry holds, or null when it is not that; `read` may throw on a damaged value. */
type Reader<T> = (v: unknown) => T | null;

/**
 * JSON with every character past ASCII written as a \u escape. SQLite hands a text back as UTF-8,
 * and one non-ASCII character (a curly quote in the article) made reading a 100 KB entry 7× slower
 * (0.22 against 0.03 ms, warm): the engine's strings then take the slow path of decoding.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** hex SHA-256, before a story entry's JSON */
const DIGEST_LENGTH = 64;
const digestOf = (json: string): string => createHash("sha256").update(json).digest("hex");
const sealed = (json: string): string => digestOf(json) + json;

/** The JSON of a sealed entry, or null when its bytes are not those its digest was made of. */
function unsealed(raw: string): string | null {
  const json = raw.slice(DIGEST_LENGTH);
  return raw.length > DIGEST_LENGTH && digestOf(json) === raw.slice(0, DIGEST_LENGTH) ? json : null;
}

function parsed<T>(raw: string | null, read: Reader<T>, open?: (raw: string) => string | null): CacheRead<T> {
  if (raw === null) return { missing: true };
  const text = open ? open(raw) : raw;
  if (text === null) return { damaged: "not the bytes that were written" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { damaged: "not JSON" };
  }
  let entry: T | null;
  try {
    entry = read(value);
  } catch {
    entry = null;
  }
  return entry !== null ? { value: entry } : { damaged: "not the shape the engine writes" };
}

/** The story of an entry whose digest matched, decoded, with its passage index adopted (its numbers checked). */
function storyOf(v: unknown, as: Pick<Story, "id" | "file">): Story | null {
  const decoded = decodeStory(v);
  const story: Story = { ...decoded.story, ...as };
  return adoptIndex(story, decoded.index) ? story : null;
}

const manifestOf = (v: unknown): LibraryManifest | null => (looksLikeManifest(v) ? v : null);

export class StoryCache {
  constructor(private readonly store: IngestStore) {}

  get location(): string {
    return this.store.location;
  }

  /** The story cached for the article `hash`, as the story `as` names (its id and file). */
  readStory(hash: string, as: Pick<Story, "id" | "file">): CacheRead<Story> {
    return this.read(() => this.store.getStory(engineFingerprint(), hash), (v) => storyOf(v, as), unsealed);
  }

  writeStory(hash: string, story: Story): void {
    const { id: _id, file: _file, ...content } = story;
    this.write(() => this.store.putStory(engineFingerprint(), hash, sealed(asciiJson(encodeStory(content, indexOf(story).saved())))));
  }

  readManifest(libraryDir: string): CacheRead<LibraryManifest> {
    return this.read(() => this.store.getLibrary(engineFingerprint(), libraryDir), manifestOf);
  }

  writeManifest(libraryDir: string, manifest: LibraryManifest): void {
    this.write(() => this.store.putLibrary(engineFingerprint(), libraryDir, asciiJson(manifest)));
  }

  private read<T>(get: () => string | null, valid: Reader<T>, open?: (raw: string) => string | null): CacheRead<T> {
    let raw: string | null;
    try {
      raw = get();
    } catch (err) {
      return { damaged: `unreadable: ${(err as Error).message}` };
    }
    return parsed(raw, valid, open);
  }

  private write(put: () => void): void {
    try {
      put();
    } catch {
      // a read-only or full database: storybot works on, uncached
    }
  }
}
