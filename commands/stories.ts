/** /stories: what the bot can answer about. */
import type { LoadError } from "../src/engine/index.js";
import { displayDate } from "../src/render/answer.js";
import { bold, line } from "../src/render/rich.js";
import { defineCommand, type CommandData } from "./command.js";
import { answersPrivately } from "./shared-options.js";

export interface StoriesResult {
  /** the story a command answers about when none is named */
  current: string | null;
  /** `missing`: what the story lacks, and what would supply it ("no date found: add `published:` front matter") */
  stories: { id: string; title: string; source: string | null; published: string | null; paragraphs: number; missing: string[] }[];
  /** articles that could not be loaded, and why */
  errors: LoadError[];
}

export const stories = defineCommand({
  data: { name: "stories", description: "List the stories the bot can answer about", ...answersPrivately } as const satisfies CommandData,
  private: true,
  query: (_args, ctx): StoriesResult => ({
    current: ctx.stories.defaultId,
    stories: ctx.stories.list().map((s) => ({ id: s.id, title: s.title, source: s.source, published: s.published, paragraphs: s.paragraphCount, missing: s.missing ?? [] })),
    errors: ctx.stories.library.errors,
  }),
  render({ current, stories: list }) {
    const body = list.length
      ? list.map((s) => {
          const meta = [s.source, displayDate(s.published), `${s.paragraphs} paragraphs`, `id: ${s.id}`].filter(Boolean).join(" · ");
          const missing = s.missing.length ? ` — ${s.missing.join("; ")}` : "";
          return line(bold(s.title), s.id === current ? " (current)" : "", ` — ${meta}`, missing);
        })
      : [line("No story is loaded: put an article (.txt, .md or .html) in data/stories.")];
    return { card: { title: list.length === 1 ? "1 story" : `${list.length} stories`, body } };
  },
});
