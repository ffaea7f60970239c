/**
 * Questions about the article itself ("when was this story published?", "what is the date of the
 * report?", "who wrote the article?", "who contributed to this report?") are answered from its
 * dateline, byline, credit lines or front matter, citing them.
 */
import type { ParsedQuestion } from "./question.js";
import type { Answer, Story } from "../types.js";
import { formatIso } from "../language/iso-date.js";
import { creditsOf, type Credits } from "../story/wire-copy.js";

const ABOUT_THE_ARTICLE = new Set(["report", "article", "story", "piece", "column", "publish", "publication", "dateline", "write", "written", "date", "issue"]);

const AUTHORED = new Set(["write", "written", "wrote", "author", "report", "reporter", "byline"]);

/** "contributed", "edited": a part of the work a credit line names people for. */
const CREDITED: Record<string, keyof Credits> = { contribute: "reporting", contributed: "reporting", edit: "editing", edited: "editing", editor: "editing" };

/** The names a story's credit lines give for a part of the work, with the line that gives them. */
function credited(story: Story, part: keyof Credits): { names: string[]; line: string } | null {
  for (const line of story.boilerplate) {
    const names = creditsOf(line)[part];
    if (names.length) return { names, line };
  }
  return null;
}

export function publicationAnswer(q: ParsedQuestion, story: Story): Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph"> | null {
  const about = (t: ParsedQuestion["terms"][number]) => ABOUT_THE_ARTICLE.has(t.lemma) || ABOUT_THE_ARTICLE.has(t.word) || AUTHORED.has(t.lemma);
  const partOf = (t: ParsedQuestion["terms"][number]) => CREDITED[t.lemma] ?? CREDITED[t.word];
  const creditWord = q.kind === "who" ? q.terms.find(partOf) : undefined;
  if (creditWord && q.terms.every((t) => t === creditWord || about(t)) && q.terms.some((t) => t !== creditWord)) {
    // credit lines stand outside the numbered paragraphs, as the byline does
    const found = credited(story, partOf(creditWord)!);
    if (!found) return { answer: null, confidence: 0, evidence: "", paragraph: 0 };
    return { answer: found.names.join(" and "), confidence: 0.9, evidence: found.line, paragraph: 0 };
  }
  if (q.terms.length === 0 || !q.terms.every(about)) return null;
  if (q.kind === "who" && q.terms.some((t) => AUTHORED.has(t.lemma) || AUTHORED.has(t.word))) {
    // the byline stands outside the numbered paragraphs: no ¶ to cite; without one, the article does not say
    if (!story.author) return { answer: null, confidence: 0, evidence: "", paragraph: 0 };
    return { answer: story.author, confidence: 0.9, evidence: story.byline ?? `By ${story.author}`, paragraph: 0 };
  }
  if (q.kind !== "when" || !story.published) return null;
  const evidence = story.dateline ?? `Published ${formatIso(story.published)}.`;
  return { answer: story.datelineDate ?? formatIso(story.published), confidence: 0.9, evidence, paragraph: 1 };
}
