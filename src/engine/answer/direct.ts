/**
 * Questions answered by rule rather than ranked: about the article itself (its date, its author)
 * and "who/what is X?" for a name the story describes.
 */
import { identityAnswer } from "./identity-answer.js";
import { publicationAnswer } from "./meta-answer.js";
import type { ParsedQuestion } from "./question.js";
import type { Answer, Story } from "../types.js";

export type DirectAnswer = Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph">;

export function directAnswer(q: ParsedQuestion, story: Story): DirectAnswer | null {
  return publicationAnswer(q, story) ?? identityAnswer(q, story);
}
