/** An answer as plain text, for the terminal and the local console. */
import type { Answer, StoryMeta } from "../engine/index.js";

export function answerToText(a: Answer, story: StoryMeta): string {
  const cite = `¶${a.paragraph} · ${[story.title, story.source, story.published].filter(Boolean).join(" · ")}`;
  if (a.answer === null) {
    const closest = a.evidence ? `\nClosest passage (¶${a.paragraph}): “${a.evidence}”` : "";
    return `The story doesn't say.${closest}`;
  }
  return `${a.answer}\n“${a.evidence}”\n${cite}`;
}
