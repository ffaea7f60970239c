/**
 * Questions about the article itself ("when was this story published?", "what is the date of the
 * report?", "who wrote the article?") are answered from its dateline, byline or front matter,
 * citing them.
 */
import type { ParsedQuestion } from "./question.js";
import type { Answer, Story } from "../types.js";
import { formatIso } from "../language/iso-date.js";

const ABOUT_THE_ARTICLE = new Set(["report", "article", "story", "piece", "publish", "publication", "dateline", "write", "written", "date", "issue"]);

const AUTHORED = new Set(["write", "written", "wrote", "author", "report", "reporter", "byline"]);

export function publicationAnswer(q: ParsedQuestion, story: Story): Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph"> | null {
  if (q.terms.length === 0 || !q.terms.every((t) => ABOUT_THE_ARTICLE.has(t.lemma) || ABOUT_THE_ARTICLE.has(t.word) || AUTHORED.has(t.lemma))) return null;
  if (q.kind === "who" && q.terms.some((t) => AUTHORED.has(t.lemma) || AUTHORED.has(t.word))) {
    // the byline stands outside the numbered paragraphs: no ¶ to cite; without one, the article does not say
    if (!story.author) return { answer: null, confidence: 0, evidence: "", paragraph: 0 };
    return { answer: story.author, confidence: 0.9, evidence: story.byline ?? `By ${story.author}`, paragraph: 0 };
  }
  if (q.kind !== "when" || !story.published) return null;
  const evidence = story.dateline ?? `Published ${formatIso(story.published)}.`;
  return { answer: story.datelineDate ?? formatIso(story.published), confidence: 0.9, evidence, paragraph: 1 };
}
