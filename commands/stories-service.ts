/** The stories a bot serves, and the `story` option every command shares. */
import Fuse from "fuse.js";
import type { SharedSlashCommandOptions } from "discord.js";
import type { StoryLibrary, Story, StoryMeta } from "../src/engine/index.js";
import { UserError, type Choice, type OptionReader } from "./command.js";

export type StoryListing = StoryMeta & { paragraphCount: number };

/** The `story` value that asks every story; the best-matching one answers. */
export const ALL = "all";
const ALL_LABEL = "All stories (the best match answers)";

export class Stories {
  private readonly fuse: Fuse<StoryListing>;

  constructor(
    readonly library: StoryLibrary,
    /** the STORY setting: the story used when none is chosen */
    private readonly preferred?: string,
  ) {
    this.fuse = new Fuse(this.list(), { keys: ["id", "title"], ignoreLocation: true, ignoreDiacritics: true, threshold: 0.35 });
    if (preferred && !library.card(preferred)) throw new UserError(`STORY is "${preferred}", which is not a loaded story (loaded: ${library.ids().join(", ") || "none"})`);
  }

  /** Title, source, date and size of every story, without parsing them. */
  list(): StoryListing[] {
    return this.library.ids().flatMap((id) => this.library.card(id) ?? []);
  }

  get defaultId(): string | null {
    return this.preferred ?? this.library.ids()[0] ?? null;
  }

  /** By id, else the closest title or id; the default story when nothing is asked for. */
  pick(ref: string | null | undefined): Story {
    // commands that cannot route (summary, timeline…) take "all" as "the default story"
    const wanted = ref?.trim().toLowerCase() === ALL ? undefined : ref?.trim();
    const id = wanted ? (this.library.card(wanted) ? wanted : this.fuse.search(wanted, { limit: 1 })[0]?.item.id) : this.defaultId;
    if (!id) throw new UserError(wanted ? `There is no story "${wanted}". Try /stories to see them.` : "No story is loaded: put an article (.txt or .md) in data/stories.");
    const story = this.library.get(id);
    if (!story) throw new Error(`story "${id}" is listed but could not be loaded`);
    return story;
  }

  /** The story chosen by a command's `story` option. */
  from(options: OptionReader): Story {
    return this.pick(options.getString("story"));
  }

  /**
   * Whether a question should find its own story: `story: all`, or nothing chosen while several
   * stories are served and no STORY setting names the default.
   */
  routes(options: OptionReader): boolean {
    const wanted = options.getString("story")?.trim().toLowerCase();
    if (wanted) return wanted === ALL;
    return !this.preferred && this.library.size > 1;
  }

  choices(typed: string): Choice[] {
    const text = typed.trim().slice(0, 100);
    const found = text ? this.fuse.search(text).map((r) => r.item) : this.list();
    const stories = found.map((s) => ({ name: s.title, value: s.id }));
    const offerAll = this.library.size > 1 && (!text || ALL_LABEL.toLowerCase().includes(text.toLowerCase()));
    return offerAll ? [{ name: ALL_LABEL, value: ALL }, ...stories] : stories;
  }
}

/** Adds the optional `story` option (autocompleted with the loaded stories). */
export function withStoryOption<T extends SharedSlashCommandOptions<any>>(builder: T): T {
  return builder.addStringOption((o) =>
    o.setName("story").setDescription("which story to ask about (default: the current one)").setAutocomplete(true).setMaxLength(100),
  ) as T;
}

/** Adds the optional `private` option: only the asker sees the reply. */
export function withPrivateOption<T extends SharedSlashCommandOptions<any>>(builder: T): T {
  return builder.addBooleanOption((o) => o.setName("private").setDescription("only you see the answer")) as T;
}
