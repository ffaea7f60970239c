/** The one renderer of an engine Answer: a Reply for Discord and the console, and text for the CLI. */
import { type Answer, type StoryMeta, formatIso } from "../engine/index.js";
import { encodeAction, type Action, type Card, type Reply } from "./reply.js";
import { italic, line, quote, toPlain, type Block } from "./rich.js";
import { LIMITS } from "./limits.js";
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

/** The same as plain text, for a footer. */
export function citationText(paragraph: number | null, story: StoryMeta): string {
  return toPlain([citation(paragraph, story)]);
}

/** The story's publication as a timestamp, when its date is a day. */
export function publishedAt(story: StoryMeta): string | null {
  return story.published && /^\d{4}-\d{2}-\d{2}$/.test(story.published) ? `${story.published}T00:00:00.000Z` : null;
}

/** Curly quotes around a passage, unless it already opens with one of its own. */
export function quoted(text: string): string {
  return /^[“"‘']/.test(text) ? text : `“${text}”`;
}

export function showParagraph(story: StoryMeta, paragraph: number): Reply["actions"] {
  return paragraph > 0 ? [{ label: "Show paragraph", command: "source", options: { paragraph, story: story.id } }] : [];
}

/**
 * The answer as the card's title (its first line), the sentence it comes from quoted, and the
 * citation (¶, title, source, date) as its footer; on Discord the title links to the story's own URL
 * and the story's date stands beside the footer.
 */
export function answerReply(a: Answer, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const evidence = a.evidence ? { body: [quote(quoted(a.evidence))], footer: citationText(a.paragraph, story) } : { body: [], footer: undefined };
  const card: Card =
    a.answer !== null
      ? { title: a.answer, url: story.url, timestamp: publishedAt(story), ...evidence }
      : { title: "The story doesn't say.", url: story.url, timestamp: publishedAt(story), ...evidence, body: a.evidence ? [line(italic(`Closest passage (¶${a.paragraph}), which does not answer it:`)), ...evidence.body] : [] };
  return { card, actions: showParagraph(story, a.paragraph), private: options.private };
}

/** 👍 and 👎 on an answer: a vote on that turn of the conversation (Discord only; votes are per server). */
export function voteActions(turn: number): Action[] {
  return [
    { label: "👍", command: "vote", options: { turn, helpful: true }, inText: false },
    { label: "👎", command: "vote", options: { turn, helpful: false }, inText: false },
  ];
}

/**
 * Questions the story can answer, each a button that asks it (/ask, or /who for a name), on their
 * own row; those whose button would not fit Discord's custom id are left out. `story` null: the
 * bot's default story, which the button need not name.
 */
export function suggestionActions(suggestions: { question: string; subject?: string }[], story: string | null, most = 3): Action[] {
  const inStory: Record<string, string> = story ? { story } : {};
  return suggestions
    .map((s): Action => ({ label: s.question, command: s.subject ? "who" : "ask", options: s.subject ? { subject: s.subject, ...inStory } : { question: s.question, ...inStory }, inText: false, row: 1 }))
    .filter((a) => encodeAction(a).length <= LIMITS.customId)
    .slice(0, most);
}

/** For the CLI, which has no /source to point a button at. */
export function answerToText(a: Answer, story: StoryMeta): string {
  return toText({ ...answerReply(a, story), actions: [] });
}
