/**
 * The stories a bot serves: every .txt/.md article in a directory, each loaded on its own.
 *
 * With a cache directory, an article is ingested once and then read back from the cache; a
 * library opened again reads one manifest (cards and router index) and parses a story only when
 * a question reaches it, keeping the most recently used ones in memory. ingest.js, and with it
 * chrono and the YAML parser, is imported only when an article has to be ingested.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { StoryRouter, type RoutedStory } from "../index/router.js";
import { contentHash, StoryCache, type LibraryManifest, type StoryCard } from "./story-cache.js";
import { storyIdFromFile } from "./story-id.js";
import type { Story } from "../types.js";

export type { StoryCard };

export const STORY_EXTENSIONS = new Set([".txt", ".md"]);
/** Larger files are not articles; refusing them keeps a stray dump from stalling start-up. */
export const MAX_STORY_BYTES = 2 * 1024 * 1024;
/** Parsed stories kept in memory by a cached library: ~0.2 MB each with their passage index. */
export const DEFAULT_KEEP_IN_MEMORY = 200;

export interface LoadError {
  file: string;
  message: string;
}

/** Reports ingest of articles missing from the cache; the CLI draws a progress bar with it. */
export interface IngestProgress {
  /** called once, before the first article that must be ingested, with how many must */
  start(total: number): void | Promise<void>;
  advance(file: string): void;
  stop(): void;
}

export interface LibraryOptions {
  /** where ingested stories and router indexes are kept between runs; null or absent: nowhere */
  cacheDir?: string | null;
  progress?: IngestProgress;
  /** how many parsed stories a cached library keeps in memory (the others wait in the cache) */
  keepInMemory?: number;
}

type Ingest = (typeof import("./ingest.js"))["ingestText"];
let ingestModule: Promise<typeof import("./ingest.js")> | null = null;

async function ingester(): Promise<Ingest> {
  ingestModule ??= import("./ingest.js");
  return (await ingestModule).ingestText;
}

function readArticle(file: string): string {
  try {
    const stat = statSync(file);
    // a FIFO or a device named *.txt would block the read forever
    if (!stat.isFile()) throw new RangeError("not a regular file");
    const size = stat.size;
    if (size > MAX_STORY_BYTES) throw new RangeError(`too large (${size} bytes; the limit is ${MAX_STORY_BYTES})`);
    return readFileSync(file, "utf8");
  } catch (err) {
    const reason = err instanceof RangeError ? err.message : (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `unreadable (${(err as Error).message})`;
    throw new Error(`${file}: ${reason}`);
  }
}

interface Article {
  id: string;
  /** as given, for messages */
  file: string;
  path: string;
  text: string;
  hash: string;
}

function article(file: string, id = storyIdFromFile(file)): Article {
  const text = readArticle(file);
  return { id, file, path: resolve(file), text, hash: contentHash(text) };
}

function fromCache(a: Article, cache: StoryCache | null): Story | null {
  const cached = cache?.readStory(a.hash);
  return cached ? { ...cached, id: a.id, file: a.path } : null;
}

/** Ingests the article and caches the result; throws an Error naming the file. */
async function ingestArticle(a: Article, cache: StoryCache | null): Promise<Story> {
  const ingestText = await ingester();
  let story: Story;
  try {
    story = ingestText(a.text, a.id, a.path);
  } catch (err) {
    throw new Error(`${a.file}: ${(err as Error).message}`);
  }
  cache?.writeStory(a.hash, story);
  return story;
}

/** Reads one article file, from the cache when it holds this exact text; throws an Error naming the file. */
export async function loadStoryFile(file: string, options: LibraryOptions = {}): Promise<Story> {
  const cache = options.cacheDir ? new StoryCache(resolve(options.cacheDir)) : null;
  const a = article(file);
  return fromCache(a, cache) ?? ingestArticle(a, cache);
}

function cardOf(story: Story): StoryCard {
  const { paragraphs, sentences: _s, entities: _e, dates: _d, boilerplate: _b, ...meta } = story;
  return { ...meta, paragraphCount: paragraphs.length };
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

export class StoryLibrary {
  readonly errors: LoadError[] = [];
  private readonly cards = new Map<string, { card: StoryCard; hash: string | null }>();
  /** stories that live only in memory: added directly, or loaded without a cache */
  private readonly pinned = new Map<string, Story>();
  /** parsed cached stories, least recently used first */
  private readonly recent = new Map<string, Story>();
  private readonly router = StoryRouter.empty();
  private readonly cache: StoryCache | null;
  private readonly keep: number;

  constructor(stories: Story[] = [], errors: LoadError[] = [], options: { cache?: StoryCache | null; keepInMemory?: number; router?: StoryRouter } = {}) {
    this.cache = options.cache ?? null;
    this.keep = Math.max(1, options.keepInMemory ?? DEFAULT_KEEP_IN_MEMORY);
    if (options.router) this.router = options.router;
    for (const s of stories) this.add(s);
    this.errors.push(...errors);
  }

  /**
   * Loads every article in `dir`; a bad file is reported in `errors` and the others still load.
   * With options.cacheDir, unchanged articles are not ingested again.
   */
  static async fromDirectory(dir: string, options: LibraryOptions = {}): Promise<StoryLibrary> {
    const root = resolve(dir);
    const cache = options.cacheDir ? new StoryCache(resolve(options.cacheDir)) : null;
    const manifest = cache?.readManifest(root) ?? null;
    const router = (manifest && StoryRouter.fromJSON(manifest.router)) || StoryRouter.empty();
    const library = new StoryLibrary([], [], { cache, keepInMemory: options.keepInMemory, router });
    let names: string[];
    try {
      names = readdirSync(root).filter((n) => STORY_EXTENSIONS.has(extname(n).toLowerCase())).sort();
    } catch (err) {
      library.errors.push({ file: dir, message: `${dir}: cannot read the story directory (${(err as Error).message})` });
      return library;
    }
    const known = new Map((manifest?.stories ?? []).map((s) => [s.file, s]));
    const changed: Article[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      const file = join(dir, name);
      try {
        const a = article(file);
        if (seen.has(a.id)) throw new Error(`${file}: duplicate story id "${a.id}"`);
        seen.add(a.id);
        const before = known.get(name);
        if (cache && before && before.hash === a.hash && before.card.id === a.id && router.has(a.id)) library.cards.set(a.id, { card: before.card, hash: a.hash });
        else changed.push(a);
      } catch (err) {
        library.errors.push({ file, message: (err as Error).message });
      }
    }
    const gone = [...known.values()].filter((s) => !seen.has(s.card.id));
    for (const s of gone) router.remove(s.card.id);
    await library.addArticles(changed, options.progress);
    library.sortByFile();
    if (cache && (!manifest || changed.length || gone.length)) library.save(root);
    // part of loading, not of the first question
    library.router.prepare();
    return library;
  }

  private async addArticles(articles: Article[], progress: IngestProgress | undefined): Promise<void> {
    const toIngest: Article[] = [];
    for (const a of articles) {
      const cached = fromCache(a, this.cache);
      if (cached) this.add(cached, a.hash);
      else toIngest.push(a);
    }
    if (!toIngest.length) return;
    await progress?.start(toIngest.length);
    try {
      for (const a of toIngest) {
        try {
          this.add(await ingestArticle(a, this.cache), a.hash);
        } catch (err) {
          this.errors.push({ file: a.file, message: (err as Error).message });
          // the article's previous text may still be indexed
          this.router.remove(a.id);
        }
        progress?.advance(a.file);
        // let the progress bar (and a bot's heartbeat) run between articles
        if (progress) await nextTurn();
      }
    } finally {
      progress?.stop();
    }
  }

  /** Directory order, whichever articles came from the manifest and whichever were read again. */
  private sortByFile(): void {
    const file = (e: { card: StoryCard }) => e.card.file ?? "";
    const entries = [...this.cards].sort(([, a], [, b]) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : 0));
    this.cards.clear();
    for (const [id, entry] of entries) this.cards.set(id, entry);
  }

  private save(root: string): void {
    const stories: LibraryManifest["stories"] = [];
    for (const { card, hash } of this.cards.values()) {
      if (hash && card.file) stories.push({ file: card.file.slice(root.length + 1), hash, card });
    }
    this.cache?.writeManifest(root, { stories, router: this.router.toJSON() });
  }

  /** Adds a story; with a content hash and a cache it may later leave memory and come back from disk. */
  add(story: Story, hash: string | null = null): void {
    this.cards.set(story.id, { card: cardOf(story), hash });
    this.router.put(story);
    if (hash && this.cache) this.remember(story);
    else this.pinned.set(story.id, story);
  }

  private remember(story: Story): void {
    this.recent.delete(story.id);
    this.recent.set(story.id, story);
    for (const id of this.recent.keys()) {
      if (this.recent.size <= this.keep) break;
      this.recent.delete(id);
    }
  }

  get(id: string): Story | undefined {
    const pinned = this.pinned.get(id);
    if (pinned) return pinned;
    const entry = this.cards.get(id);
    if (!entry) return undefined;
    let story = this.recent.get(id);
    if (!story && entry.hash && this.cache) {
      const cached = this.cache.readStory(entry.hash);
      if (cached) story = { ...cached, id, file: entry.card.file };
      else this.errors.push({ file: entry.card.file ?? id, message: `${entry.card.file ?? id}: its cached copy in ${this.cache.dir} is gone or damaged; load the stories again` });
    }
    if (story) this.remember(story);
    return story;
  }

  /** Title, source, date and size of a story without parsing it. */
  card(id: string): StoryCard | undefined {
    return this.cards.get(id)?.card;
  }

  ids(): string[] {
    return [...this.cards.keys()];
  }

  /** Every story, parsed: fine for a few, costly for a thousand (prefer ids() and card()). */
  list(): Story[] {
    return this.ids()
      .map((id) => this.get(id))
      .filter((s): s is Story => !!s);
  }

  /** The stories whose words best match the question, best first. */
  route(question: string, limit: number): RoutedStory[] {
    return this.router.route(question, limit).filter((r) => this.cards.has(r.id));
  }

  get size(): number {
    return this.cards.size;
  }
}
