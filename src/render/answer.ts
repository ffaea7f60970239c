/** The one renderer of an engine Answer: a Reply for Discord and the console, and text for the CLI. */
import { type Answer, type StoryMeta, formatIso } from "../engine/index.js";
import { bold, italic, line, quote, type Block } from "./rich.js";
import type { Reply } from "./reply.js";
import { toText } from "./text-message.js";

/**
 * "2020-10-22" → "22 Oct 2020"; partial dates ("2020-10", "2020") are shown as they are. The
 * engine's own formatting, not Intl.DateTimeFormat, whose locale data cost `storybot ask` ~12 ms
 * to load.
 */
export function displayDate(iso: string | null): string | null {
  if (!iso) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatIso(iso) : iso;
}

/** "¶3 · Title · Source · 22 Oct 2020" (without the ¶ when no paragraph is meant) */
export function citation(paragraph: number | null, story: StoryMeta): Block {
  const meta = [story.source, displayDate(story.published)].filter(Boolean).join(" · ");
  return line(paragraph ? `¶${paragraph} · ` : "", italic(story.title), meta ? ` · ${meta}` : "");
}

/** Curly quotes around a passage, unless it already opens with one of its own. */
export function quoted(text: string): string {
  return /^[“"‘']/.test(text) ? text : `“${text}”`;
}

export function showParagraph(story: StoryMeta, paragraph: number): Reply["actions"] {
  return paragraph > 0 ? [{ label: "Show paragraph", command: "source", options: { paragraph, story: story.id } }] : [];
}

export function answerReply(a: Answer, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const body =
    a.answer !== null
      ? [line(bold(a.answer)), quote(quoted(a.evidence)), citation(a.paragraph, story)]
      : [line(bold("The story doesn't say.")), ...(a.evidence ? [line(italic(`Closest passage (¶${a.paragraph}), which does not answer it:`)), quote(quoted(a.evidence)), citation(a.paragraph, story)] : [])];
  return { card: { url: story.url, body }, actions: showParagraph(story, a.paragraph), private: options.private };
}

/** For the CLI, which has no /source to point a button at. */
export function answerToText(a: Answer, story: StoryMeta): string {
  return toText({ ...answerReply(a, story), actions: [] });
}
