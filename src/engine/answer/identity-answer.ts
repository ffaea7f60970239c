/**
 * "Who is Mao Anying?", "What is KCNA?": a question that only names an entity asks what the story
 * says it is — its description from an appositive or title ("eldest son of Mao Zedong"), or its
 * full name when the question used a short form. Answering these by candidate scoring would pick
 * another name from the same sentence.
 */
import { nameWords } from "../language/name-words.js";
import type { ParsedQuestion } from "./question.js";
import type { Answer, Entity, Story } from "../types.js";

/** Honorifics describe nothing on their own. */
export const BARE_HONORIFIC = /^(?:comrade|mr\.?|mrs\.?|ms\.?|dr\.?|sir|madam|lady|lord)$/i;

/** What an answer read off the story's own description of a name is given: no model scored it. */
export const RULE_CONFIDENCE = 0.9;

/** "Hori Parata" names one entity, though the story also has a "Parata" it could not tell apart: a name inside another the question uses is that one. */
function outermost(named: ReadonlySet<string>): string[] {
  const words = (n: string) => ` ${n.toLowerCase()} `;
  return [...named].filter((n) => ![...named].some((m) => m !== n && words(m).includes(words(n))));
}

/** The one entity a question names when its every other word is one of `asking` ("old" of "How old is …?"): what the question is about, and nothing more. */
export function soleNamed(q: ParsedQuestion, story: Story, asking: readonly string[] = []): Entity | null {
  const names = outermost(q.named);
  if (names.length !== 1) return null;
  const entity = story.entities.find((e) => e.name === names[0]);
  if (!entity) return null;
  const words = new Set([...nameWords(entity), ...asking]);
  return q.terms.every((t) => words.has(t.word)) ? entity : null;
}

export function identityAnswer(q: ParsedQuestion, story: Story): Pick<Answer, "answer" | "confidence" | "evidence" | "paragraph"> | null {
  if ((q.kind !== "who" && q.kind !== "what") || q.form !== "copular") return null;
  const entity = soleNamed(q, story);
  if (!entity) return null;
  const sentences = entity.mentions.map((m) => story.sentences[m.sentence]!);
  const description = entity.descriptions.find((d) => !BARE_HONORIFIC.test(d) && sentences.some((s) => s.text.includes(d)));
  const usedShortForm = !q.text.toLowerCase().includes(entity.name.toLowerCase());
  const text = description ?? (usedShortForm && entity.aliases.length ? entity.name : null);
  const cited = sentences.find((s) => (description ? s.text.includes(description) : s.text.includes(entity.name))) ?? sentences[0]!;
  if (!text) {
    // the story names it but never says what it is: offer where it first appears, as the closest passage
    return { answer: null, confidence: 0.2, evidence: cited.text, paragraph: cited.paragraph };
  }
  return { answer: text, confidence: RULE_CONFIDENCE, evidence: cited.text, paragraph: cited.paragraph };
}
