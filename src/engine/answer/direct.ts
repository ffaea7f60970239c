/**
 * Questions answered by rule rather than ranked: about the article itself (its date, its author)
 * "who/what is X?" for a name the story describes, "how old is X?" for the age written beside the
 * name, and "who is the <role>?" for the name it describes so.
 */
import { ageAnswer } from "./age-answer.js";
import { describedAnswer } from "./described-answer.js";
import { identityAnswer } from "./identity-answer.js";
import { publicationAnswer } from "./meta-answer.js";
import type { ParsedQuestion } from "./question.js";
import type { Answer, Story } from "../types.js";

export type DirectAnswer = Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph">;

export function directAnswer(q: ParsedQuestion, story: Story): DirectAnswer | null {
  return publicationAnswer(q, story) ?? identityAnswer(q, story) ?? ageAnswer(q, story) ?? describedAnswer(q, story);
}
