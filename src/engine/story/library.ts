/**
 * The stories a bot serves: every article (.txt, .md, .html) in a directory, each loaded on its own.
 *
 * With a cache (the bot's database), an article is ingested once and then read back from the
 * cache; a library opened again reads one manifest (cards and router index), reads only the
 * articles whose size or time changed, and parses a story only when a question reaches it, keeping
 * the most recently used ones in memory. ingest.js, and with it chrono and the YAML parser, is
 * imported only when an article has to be ingested.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { LRUCache } from "lru-cache";
import { StoryRouter, type RoutedStory } from "../index/router.js";
import { contentHash, StoryCache, type CacheRead, type IngestStore, type LibraryManifest, type StoryCard } from "./story-cache.js";
import { decodeArticle } from "./decode.js";
import { FORMAT_OF_EXTENSION } from "./formats.js";
import { storyIdFromFile } from "./story-id.js";
import type { Story } from "../types.js";

export type { StoryCard };

export const STORY_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(FORMAT_OF_EXTENSION));
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
  /** called before each article is ingested, with its size in bytes (a big one takes seconds) */
  begin?(file: string, bytes: number): void;
  advance(file: string): void;
  stop(): void;
}

export interface LibraryOptions {
  /** where ingested stories and router indexes are kept between runs; null or absent: nowhere */
  cache?: IngestStore | null;
  progress?: IngestProgress;
  /** how many parsed stories a cached library keeps in memory (the others wait in the cache) */
  keepInMemory?: number;
}

type Ingest = (typeof import("./ingest.js"))["ingestText"];
let ingestModule: Promise<typeof import("./ingest.js")> | null = null;
let loadedIngest: Ingest | null = null;

async function ingester(): Promise<Ingest> {
  if (loadedIngest) return loadedIngest;
  ingestModule ??= import("./ingest.js");
  loadedIngest ??= (await ingestModule).ingestText;
  return loadedIngest;
}

/**
 * Loads the ingester now, so that a damaged cache entry found when a question reaches its story
 * can be rebuilt on the spot (a long-running bot calls this; a one-shot command need not).
 */
export async function preloadIngest(): Promise<void> {
  await ingester();
}

/**
 * The ingester, given by a caller that imports it statically: a worker thread run through tsx on
 * Node 20 loads modules as CommonJS, where the dynamic import above cannot resolve a .ts file.
 */
export function provideIngest(ingest: Ingest): void {
  loadedIngest = ingest;
}

function fileError(file: string, err: unknown): Error {
  const reason = err instanceof RangeError ? err.message : (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `unreadable (${(err as Error).message})`;
  return new Error(`${file}: ${reason}`);
}

/**
 * An article's size and time, refusing what cannot be an article; throws an Error naming the file.
 * With `within` (the story directory, resolved), a symbolic link that leads out of it is refused:
 * whoever can write a link there could otherwise have the bot quote any file it can read.
 */
function statArticle(file: string, within?: string): Stats {
  try {
    if (within && lstatSync(file).isSymbolicLink()) {
      const target = realpathSync(file);
      if (!target.startsWith(within + sep)) throw new RangeError(`a symbolic link to ${target}, outside the story directory: refused (copy the article in instead)`);
    }
    const stat = statSync(file);
    // a FIFO or a device named *.txt would block the read forever
    if (!stat.isFile()) throw new RangeError("not a regular file");
    if (stat.size > MAX_STORY_BYTES) throw new RangeError(`too large (${stat.size} bytes; the limit is ${MAX_STORY_BYTES})`);
    return stat;
  } catch (err) {
    throw fileError(file, err);
  }
}

/**
 * What an article's ingest is cached by: its text and its format, since the file name's extension
 * decides how the text is read (the same words as .md and as .txt are two different stories).
 */
export function articleHash(file: string, text: string): string {
  const format = FORMAT_OF_EXTENSION[extname(file).toLowerCase()] ?? "text";
  return contentHash(`${format}\0${text}`);
}

interface Article {
  id: string;
  /** as given, for messages; its extension says how the text is read */
  file: string;
  /** the file on disk; null for a text handed over directly (a server's story, kept in its database) */
  path: string | null;
  text: string;
  hash: string;
  size: number;
  mtimeMs: number;
}

function article(file: string, id = storyIdFromFile(file), stat = statArticle(file)): Article {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw fileError(file, err);
  }
  let text: string;
  try {
    text = decodeArticle(bytes);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  return { id, file, path: resolve(file), text, hash: articleHash(file, text), size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Why a cache entry was not used, for the library's `rebuilt` notes; null when it was fine or absent. */
function damage<T>(read: CacheRead<T>, what: string, location: string): string | null {
  return "damaged" in read ? `${what}: its cached copy in ${location} was damaged (${read.damaged}); ingested again` : null;
}

function fromCache(a: Article, cache: StoryCache | null, rebuilt?: LoadError[]): Story | null {
  if (!cache) return null;
  const read = cache.readStory(a.hash, { id: a.id, file: a.path });
  if ("value" in read) return read.value;
  const why = damage(read, a.file, cache.location);
  if (why) rebuilt?.push({ file: a.file, message: why });
  return null;
}

/** Ingests the article and caches the result; throws an Error naming the file. */
async function ingestArticle(a: Article, cache: StoryCache | null): Promise<Story> {
  const ingestText = await ingester();
  let story: Story;
  try {
    story = { ...ingestText(a.text, a.id, a.path ?? a.file), file: a.path };
  } catch (err) {
    throw new Error(`${a.file}: ${(err as Error).message}`);
  }
  cache?.writeStory(a.hash, story);
  return story;
}

/** Reads one article file, from the cache when it holds this exact text; throws an Error naming the file. */
export async function loadStoryFile(file: string, options: LibraryOptions = {}): Promise<Story> {
  const cache = options.cache ? new StoryCache(options.cache) : null;
  const a = article(file);
  return fromCache(a, cache) ?? ingestArticle(a, cache);
}

function cardOf(story: Story): StoryCard {
  const { paragraphs, sentences: _s, entities: _e, dates: _d, boilerplate: _b, ...meta } = story;
  return { ...meta, paragraphCount: paragraphs.length };
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

interface Entry {
  card: StoryCard;
  hash: string | null;
  size?: number;
  mtimeMs?: number;
}

export class StoryLibrary {
  readonly errors: LoadError[] = [];
  /** cache entries found damaged and rebuilt (worth a log line, not a failure) */
  readonly rebuilt: LoadError[] = [];
  /** told of each entry rebuilt once loading is over (a question reached a damaged copy), for a log line */
  onRebuilt: ((note: LoadError) => void) | null = null;
  private readonly cards = new Map<string, Entry>();
  /** stories that live only in memory: added directly, or loaded without a cache */
  private readonly pinned = new Map<string, Story>();
  /** parsed cached stories, the most recently used kept */
  private readonly recent: LRUCache<string, Story>;
  private readonly router = StoryRouter.empty();
  private readonly cache: StoryCache | null;
  /** stories this library serves besides its own (a server's library over the shared one) */
  private readonly base: StoryLibrary | null;

  constructor(stories: Story[] = [], errors: LoadError[] = [], options: { cache?: StoryCache | null; keepInMemory?: number; router?: StoryRouter; base?: StoryLibrary } = {}) {
    this.cache = options.cache ?? null;
    this.base = options.base ?? null;
    this.recent = new LRUCache({ max: Math.max(1, options.keepInMemory ?? DEFAULT_KEEP_IN_MEMORY) });
    if (options.router) this.router = options.router;
    for (const s of stories) this.add(s);
    this.errors.push(...errors);
  }

  /**
   * Loads every article in `dir`; a bad file is reported in `errors` and the others still load.
   * With options.cache, unchanged articles are not read or ingested again.
   */
  static async fromDirectory(dir: string, options: LibraryOptions = {}): Promise<StoryLibrary> {
    const root = resolve(dir);
    const cache = options.cache ? new StoryCache(options.cache) : null;
    const read = cache?.readManifest(root);
    const manifest = read && "value" in read ? read.value : null;
    const router = (manifest && StoryRouter.fromJSON(manifest.router)) || StoryRouter.empty();
    const library = new StoryLibrary([], [], { cache, keepInMemory: options.keepInMemory, router });
    const why = read && cache && damage(read, `the index of ${dir}`, cache.location);
    if (why) library.rebuilt.push({ file: dir, message: why });
    let names: string[];
    try {
      names = readdirSync(root).filter((n) => STORY_EXTENSIONS.has(extname(n).toLowerCase())).sort();
    } catch (err) {
      library.errors.push({ file: dir, message: `${dir}: cannot read the story directory (${(err as Error).message})` });
      return library;
    }
    const known = new Map((manifest?.stories ?? []).map((s) => [s.file, s]));
    const realRoot = realpathSync(root);
    const changed: Article[] = [];
    const seen = new Set<string>();
    let touched = false;
    for (const name of names) {
      const file = join(dir, name);
      try {
        const id = storyIdFromFile(file);
        if (seen.has(id)) throw new Error(`${file}: duplicate story id "${id}"`);
        seen.add(id);
        const stat = statArticle(file, realRoot);
        const before = known.get(name);
        const indexed = !!cache && !!before && before.card.id === id && router.has(id);
        // same size and time as when it was ingested: not read again (as git trusts its index)
        if (indexed && before.size === stat.size && before.mtimeMs === stat.mtimeMs) {
          library.cards.set(id, { card: before.card, hash: before.hash, size: stat.size, mtimeMs: stat.mtimeMs });
          continue;
        }
        const a = article(file, id, stat);
        if (indexed && before.hash === a.hash) {
          // touched, not changed
          library.cards.set(id, { card: before.card, hash: a.hash, size: a.size, mtimeMs: a.mtimeMs });
          touched = true;
        } else changed.push(a);
      } catch (err) {
        library.errors.push({ file, message: (err as Error).message });
      }
    }
    const gone = [...known.values()].filter((s) => !seen.has(s.card.id));
    for (const s of gone) router.remove(s.card.id);
    await library.addArticles(changed, options.progress);
    library.sortByFile();
    if (cache && (!manifest || changed.length || gone.length || touched)) library.save(root);
    // part of loading, not of the first question
    library.router.prepare();
    return library;
  }

  private async addArticles(articles: Article[], progress: IngestProgress | undefined): Promise<void> {
    const toIngest: Article[] = [];
    for (const a of articles) {
      const cached = fromCache(a, this.cache, this.rebuilt);
      if (cached) this.add(cached, a);
      else toIngest.push(a);
    }
    if (!toIngest.length) return;
    await progress?.start(toIngest.length);
    try {
      for (const a of toIngest) {
        progress?.begin?.(a.file, a.size);
        try {
          this.add(await ingestArticle(a, this.cache), a);
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
    for (const { card, hash, size, mtimeMs } of this.cards.values()) {
      if (hash && card.file && size !== undefined && mtimeMs !== undefined) stories.push({ file: card.file.slice(root.length + 1), hash, size, mtimeMs, card });
    }
    this.cache?.writeManifest(root, { stories, router: this.router.toJSON() });
  }

  static empty(): StoryLibrary {
    return new StoryLibrary();
  }

  /**
   * A library of its own stories over `base`'s, which it serves too without copying them (a
   * server's stories over the shared ones). Its own stories win an id they share with `base`'s.
   * Each article is read as its file name's extension says (plain text without one); texts whose
   * ingest is cached are read back from `cache`, the others are ingested.
   */
  static async over(base: StoryLibrary, articles: { id: string; text: string; file?: string }[], options: { cache?: IngestStore | null; keepInMemory?: number } = {}): Promise<StoryLibrary> {
    const cache = options.cache ? new StoryCache(options.cache) : null;
    const library = new StoryLibrary([], [], { cache, keepInMemory: options.keepInMemory, base });
    const stat = { size: 0, mtimeMs: 0 };
    const wanted = articles.map((a) => {
      const file = a.file ?? a.id;
      return { id: a.id, text: a.text, file, path: null, hash: articleHash(file, a.text), ...stat };
    });
    await library.addArticles(wanted, undefined);
    return library;
  }

  /** Adds a story; with its article's hash and a cache it may later leave memory and come back from the cache. */
  add(story: Story, from: { hash: string; size?: number; mtimeMs?: number } | null = null): void {
    this.cards.set(story.id, { card: cardOf(story), hash: from?.hash ?? null, size: from?.size, mtimeMs: from?.mtimeMs });
    this.router.put(story);
    if (from && this.cache) this.recent.set(story.id, story);
    else this.pinned.set(story.id, story);
  }

  get(id: string): Story | undefined {
    const pinned = this.pinned.get(id);
    if (pinned) return pinned;
    const entry = this.cards.get(id);
    if (!entry) return this.base?.get(id);
    let story = this.recent.get(id);
    if (!story && entry.hash && this.cache) {
      const read = this.cache.readStory(entry.hash, { id, file: entry.card.file });
      if ("value" in read) story = read.value;
      else story = this.rebuild(id, entry, "damaged" in read ? `damaged (${read.damaged})` : "gone");
      if (story) this.recent.set(id, story);
    }
    return story;
  }

  /**
   * A story whose cached copy is damaged or gone, ingested again from its unchanged article (when
   * the ingester is loaded: preloadIngest()); otherwise the problem is noted in `errors`.
   */
  private rebuild(id: string, entry: Entry, why: string): Story | undefined {
    const file = entry.card.file;
    const where = `${file ?? id}: its cached copy in ${this.cache!.location} is ${why}`;
    try {
      // a story given as text has no file to read again: its owner (a server's library) must hand it over anew
      const a = file === null ? null : article(file, id);
      if (a && loadedIngest && a.hash === entry.hash) {
        const story = loadedIngest(a.text, a.id, a.path);
        this.cache!.writeStory(a.hash, story);
        const note = { file: a.file, message: `${where}; ingested again` };
        this.rebuilt.push(note);
        this.onRebuilt?.(note);
        return story;
      }
    } catch {
      // unreadable or changed since it was listed: reported below like a missing copy
    }
    this.errors.push({ file: file ?? id, message: `${where}; load the stories again` });
    return undefined;
  }

  /** Title, source, date and size of a story without parsing it. */
  card(id: string): StoryCard | undefined {
    return this.cards.get(id)?.card ?? this.base?.card(id);
  }

  /** The base library's ids first (in its order), then this one's own. */
  ids(): string[] {
    const own = [...this.cards.keys()];
    if (!this.base) return own;
    const mine = new Set(own);
    return [...this.base.ids().filter((id) => !mine.has(id)), ...own];
  }

  /** Whether the story is this library's own rather than its base's. */
  owns(id: string): boolean {
    return this.cards.has(id);
  }

  /** Every story, parsed: fine for a few, costly for a thousand (prefer ids() and card()). */
  list(): Story[] {
    return this.ids()
      .map((id) => this.get(id))
      .filter((s): s is Story => !!s);
  }

  /** The stories whose words best match the question, best first. */
  route(question: string, limit: number): RoutedStory[] {
    const own = this.router.route(question, limit).filter((r) => this.cards.has(r.id));
    if (!this.base) return own;
    // two indexes score on their own scales, near enough for a shortlist: answerAcross decides between them
    const base = this.base.route(question, limit).filter((r) => !this.cards.has(r.id));
    return [...own, ...base].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  get size(): number {
    return this.base ? this.ids().length : this.cards.size;
  }
}
