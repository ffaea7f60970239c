/**
 * The one story resolver: which story a command's `story` argument means, for every face. From
 * Discord it only ever names a loaded story; the command line loads files and directories first
 * (src/cli/load-stories.ts) and then resolves through this too.
 */
import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import type { Story, StoryCard, StoryLibrary } from "../src/engine/index.js";
import type { HeavyWork } from "../src/workers/heavy-work.js";
import { UserError, type Choice } from "./command.js";

export type StoryListing = StoryCard;

/** The `story` value that asks every story; the best-matching one answers. */
export const ALL = "all";
const ALL_LABEL = "All stories (the best match answers)";
/** An unknown story's message lists this many ids at most. */
const LISTED = 10;

// fuse.js is loaded on the first story named by a title or a misspelt id: a CLI run naming its story by id never pays for it
const require = createRequire(import.meta.url);
let FuseClass: typeof Fuse | undefined;

export class Stories {
  private fuse: { index: Fuse<StoryListing>; size: number } | undefined;

  /** Worker threads for work too heavy for the event loop (the bot sets them); null: done in place. */
  heavy: HeavyWork | null = null;

  constructor(
    readonly library: StoryLibrary,
    /** the STORY setting: the story used when none is chosen */
    private readonly preferred?: string,
  ) {
    if (preferred && !library.card(preferred)) throw new UserError(`STORY is "${preferred}", which is not a loaded story (loaded: ${this.known()})`);
  }

  /** Title, source, date and size of every story, without parsing them. */
  list(): StoryListing[] {
    return this.library.ids().flatMap((id) => this.library.card(id) ?? []);
  }

  get defaultId(): string | null {
    return this.preferred ?? this.library.ids()[0] ?? null;
  }

  /** By id, else the closest title or id; the default story when nothing (or `all`) is asked for. */
  pick(ref: string | null | undefined): Story {
    // commands that cannot route (summary, timeline…) take "all" as "the default story"
    const wanted = ref?.trim().toLowerCase() === ALL ? undefined : ref?.trim();
    const id = wanted ? (this.library.card(wanted) ? wanted : this.search(wanted)[0]?.id) : this.defaultId;
    if (!id) throw new UserError(wanted ? `There is no story "${wanted}" (known: ${this.known()}, or "${ALL}").` : "No story is loaded: put an article (.txt, .md or .html) in data/stories.");
    const story = this.library.get(id);
    if (!story) throw new Error(`story "${id}" is listed but could not be loaded`);
    return story;
  }

  /** What a render cites: a story's title, source and date, without parsing it. */
  card(id: string): StoryCard {
    const card = this.library.card(id);
    if (!card) throw new Error(`story "${id}" is not loaded`);
    return card;
  }

  /**
   * Whether a question should find its own story: `story: all`, or nothing chosen while several
   * stories are served and no STORY setting names the default.
   */
  routes(ref: string | null | undefined): boolean {
    const wanted = ref?.trim().toLowerCase();
    if (wanted) return wanted === ALL && this.library.size > 1;
    return !this.preferred && this.library.size > 1;
  }

  choices(typed: string): Choice[] {
    const text = typed.trim().slice(0, 100);
    const found = text ? this.search(text) : this.list();
    const stories = found.map((s) => ({ name: s.title, value: s.id }));
    const offerAll = this.library.size > 1 && (!text || ALL_LABEL.toLowerCase().includes(text.toLowerCase()));
    return offerAll ? [{ name: ALL_LABEL, value: ALL }, ...stories] : stories;
  }

  private search(text: string): StoryListing[] {
    FuseClass ??= require("fuse.js") as typeof Fuse;
    // stories can be added while the bot runs: index them again when the count changes
    if (this.fuse?.size !== this.library.size) {
      this.fuse = { index: new FuseClass(this.list(), { keys: ["id", "title"], ignoreLocation: true, ignoreDiacritics: true, threshold: 0.35 }), size: this.library.size };
    }
    return this.fuse.index.search(text).map((r) => r.item);
  }

  private known(): string {
    const ids = this.library.ids();
    if (!ids.length) return "none";
    return ids.length > LISTED ? `${ids.slice(0, LISTED).join(", ")} … ${ids.length} in all` : ids.join(", ");
  }
}
