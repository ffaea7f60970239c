/** A summary as a Reply: sentences in story order, each with its ¶; the long one as bullet points. */
import type { StoryMeta, Summary } from "../engine/index.js";
import { citation } from "./answer.js";
import { bold, italic, line, type Block } from "./rich.js";
import type { Reply } from "./reply.js";

const HEADING: Record<Summary["length"], string> = { short: "In brief", medium: "Summary", long: "Summary in points" };

/** A summary as the engine gives it, or as `/summary` returns it (its sentences reduced to text and ¶). */
export type SummaryLike = Pick<Summary, "story" | "length" | "about"> & { sentences: { text: string; paragraph: number }[] };

export function summaryReply(s: SummaryLike, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const body: Block[] = [line(bold(HEADING[s.length]), s.about ? ` · about ${s.about}` : "")];
  for (const x of s.sentences) body.push(line(s.length === "long" ? "• " : "", x.text, " ", italic(`(¶${x.paragraph})`)));
  if (s.sentences.length === 0) body.push(line(italic("The story has no text to summarise.")));
  body.push(citation(null, story));
  return { card: { url: story.url, body }, private: options.private };
}
