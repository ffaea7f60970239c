/**
 * Each Discord server's library: the stories it added (kept in the database) over the shared ones
 * of data/stories/, and its default story. A story added in one server is invisible in the others.
 * Adding reads the link or upload, ingests it (which is the check that it is an article at all),
 * and only then stores it; a server's library is rebuilt from the database when it changes.
 */
import { LRUCache } from "lru-cache";
import { contentHash, storyIdFromFile, StoryLibrary, type IngestStore, type StoryCard } from "../engine/index.js";
import type { ServerStore, ServerStory } from "../store/storage.js";
import type { FetchOptions } from "../web/fetch-page.js";
import { readStoryInput, StoryInputError, type StoryInput } from "./story-input.js";

/** Enough for a newsroom's week; a bound keeps one server from filling the database. */
export const MAX_SERVER_STORIES = 100;
/** Servers whose libraries are kept open; the others are rebuilt from the database when used. */
const OPEN_LIBRARIES = 500;

export interface ServerLibrary {
  library: StoryLibrary;
  /** the server's chosen default, else the STORY setting when it is loaded */
  defaultStory: string | undefined;
}

export interface AddedStory {
  id: string;
  card: StoryCard;
  replaced: boolean;
}

export interface ListedStory {
  card: StoryCard;
  /** the server's own (with who added it), or one of the shared stories */
  added: Omit<ServerStory, "guildId" | "title" | "hash"> | null;
}

export interface ServerLibrariesOptions {
  /** the STORY setting */
  preferred?: string;
  fetch?: FetchOptions;
  ingest?: IngestStore | null;
}

export class ServerLibraries {
  private readonly open = new LRUCache<string, Promise<StoryLibrary>>({ max: OPEN_LIBRARIES });
  /** one change at a time per server, so two adds cannot both take the last free id */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly shared: StoryLibrary,
    private readonly store: ServerStore,
    private readonly options: ServerLibrariesOptions = {},
  ) {}

  /** The library commands use in a server; outside any server (DMs, the console), the shared one. */
  async libraryFor(guild: string | null): Promise<ServerLibrary> {
    const preferred = this.options.preferred && this.shared.card(this.options.preferred) ? this.options.preferred : undefined;
    if (!guild) return { library: this.shared, defaultStory: preferred };
    const [library, chosen] = await Promise.all([this.loaded(guild), this.store.defaultStory(guild)]);
    return { library, defaultStory: chosen && library.card(chosen) ? chosen : preferred };
  }

  async list(guild: string): Promise<ListedStory[]> {
    const [{ library }, own] = await Promise.all([this.libraryFor(guild), this.store.listStories(guild)]);
    const byId = new Map(own.map((s) => [s.id, s]));
    return library.ids().flatMap((id) => {
      const card = library.card(id);
      if (!card) return [];
      const row = byId.get(id);
      return [{ card, added: row ? { id: row.id, sourceUrl: row.sourceUrl, fileName: row.fileName, addedBy: row.addedBy, addedAt: row.addedAt } : null }];
    });
  }

  /** Reads, checks and stores a story for the server; throws StoryInputError with what to fix. */
  add(guild: string, input: StoryInput, addedBy: string): Promise<AddedStory> {
    return this.serially(guild, async () => {
      const article = await readStoryInput(input, this.options.fetch ?? {});
      const own = await this.store.listStories(guild);
      const hash = contentHash(article.text);
      const id = this.freeId(storyIdFromFile(article.fileName), own);
      const replaced = own.some((s) => s.id === id);
      if (!replaced && own.length >= MAX_SERVER_STORIES) throw new StoryInputError(`This server has ${own.length} stories, the most it can keep: remove one with /story remove first.`);
      // ingesting it is the check that it is an article; the result is cached for the library below
      const trial = await StoryLibrary.over(StoryLibrary.empty(), [{ id, text: article.text, file: article.fileName }], { cache: this.options.ingest });
      const card = trial.card(id);
      if (!card) throw new StoryInputError(`${article.fileName} could not be read as an article: ${(trial.errors[0]?.message ?? "no text found").replace(`${article.fileName}: `, "")}.`);
      await this.store.addStory({ guildId: guild, id, title: card.title, hash, sourceUrl: article.sourceUrl, fileName: article.fileName, addedBy, addedAt: new Date().toISOString(), text: article.text });
      this.open.delete(guild);
      return { id, card: { ...card, file: null }, replaced };
    });
  }

  /** Removes one of the server's own stories; the shared ones cannot be. */
  remove(guild: string, id: string): Promise<StoryCard> {
    return this.serially(guild, async () => {
      const { library } = await this.libraryFor(guild);
      const card = library.card(id);
      if (!card || !library.owns(id)) throw new StoryInputError(card ? `"${card.title}" is one of the bot's shared stories, which a server cannot remove.` : `This server has no story "${id}".`);
      await this.store.removeStory(guild, id);
      this.open.delete(guild);
      return card;
    });
  }

  /** Makes `id` the server's default story, or (null) goes back to the bot's own default. */
  async setDefault(guild: string, id: string | null): Promise<StoryCard | null> {
    const { library } = await this.libraryFor(guild);
    const card = id === null ? null : library.card(id);
    if (id !== null && !card) throw new StoryInputError(`This server has no story "${id}".`);
    await this.store.setDefaultStory(guild, id);
    return card ?? null;
  }

  /** The server's own id for a new story: its own name again replaces, a shared story's name gets a suffix. */
  private freeId(wanted: string, own: ServerStory[]): string {
    if (own.some((s) => s.id === wanted) || !this.shared.card(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const id = `${wanted}-${n}`;
      if (!this.shared.card(id)) return id;
    }
  }

  private loaded(guild: string): Promise<StoryLibrary> {
    let library = this.open.get(guild);
    if (!library) {
      library = this.build(guild);
      this.open.set(guild, library);
      // a failed build is not kept: the next command tries again
      library.catch(() => this.open.delete(guild));
    }
    return library;
  }

  private async build(guild: string): Promise<StoryLibrary> {
    const rows = await this.store.listStories(guild);
    const articles = await Promise.all(rows.map(async (r) => ({ id: r.id, file: r.fileName, text: (await this.store.storyText(guild, r.id)) ?? "" })));
    return StoryLibrary.over(this.shared, articles, { cache: this.options.ingest, keepInMemory: 20 });
  }

  private serially<T>(guild: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(guild) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => {});
    this.queues.set(guild, tail);
    void tail.then(() => this.queues.get(guild) === tail && this.queues.delete(guild));
    return run;
  }
}

export { StoryInputError };
