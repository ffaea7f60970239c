/** The timeline as a Reply: one line per dated event, oldest first, then what has only a vague date. */
import { type StoryMeta, formatIso, type TimelineEvent, type UndatedEvent } from "../engine/index.js";
import { citation } from "./answer.js";
import { bold, italic, line, type Block } from "./rich.js";
import type { Reply } from "./reply.js";

/** "2020-10-19" → "19 Oct 2020"; a span "1950-06/1953-07" → "Jun 1950 – Jul 1953". */
export function showDate(iso: string): string {
  return iso.split("/").map(formatIso).join(" – ");
}

/** A timeline as the engine gives it, or as `/timeline` returns it (without sentence ids). */
export type TimelineLike = { story: string; events: Omit<TimelineEvent, "sentence">[]; undated: Omit<UndatedEvent, "sentence">[] };

export function timelineReply(t: TimelineLike, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const body: Block[] = [line(bold("Timeline"))];
  for (const e of t.events) {
    const approx = e.precision === "approximate" ? "≈ " : "";
    body.push(line(bold(`${approx}${showDate(e.date)}`), ` — ${e.text} `, italic(`(¶${e.paragraph})`)));
  }
  if (t.events.length === 0) body.push(line(italic("The story gives no dates.")));
  if (t.undated.length) {
    body.push(line(italic("Without a date the story pins down:")));
    for (const u of t.undated) body.push(line(`• ${u.when} — ${u.text} `, italic(`(¶${u.paragraph})`)));
  }
  body.push(citation(null, story));
  return { card: { url: story.url, body }, private: options.private };
}
