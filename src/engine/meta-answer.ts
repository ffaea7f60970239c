/**
 * Questions about the article itself ("when was this story published?", "what is the date of the
 * report?") are answered from its dateline or front matter, citing the dateline.
 */
import type { ParsedQuestion } from "./question.js";
import type { Answer, Story } from "./types.js";
import { formatIso } from "./candidates.js";

const ABOUT_THE_ARTICLE = new Set(["report", "article", "story", "piece", "publish", "publication", "dateline", "write", "written", "date", "issue"]);

export function publicationAnswer(q: ParsedQuestion, story: Story): Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph"> | null {
  if (q.kind !== "when" || !story.published || q.terms.length === 0) return null;
  if (!q.terms.every((t) => ABOUT_THE_ARTICLE.has(t.lemma) || ABOUT_THE_ARTICLE.has(t.word))) return null;
  const evidence = story.dateline ?? `Published ${formatIso(story.published)}.`;
  return { answer: story.datelineDate ?? formatIso(story.published), confidence: 0.9, evidence, paragraph: 1 };
}
