/**
 * "How old is Hori Parata?": news gives a person's age beside the name, set off by commas
 * ("Parata, 75, has …"), in brackets ("Smith (64)"), after "aged" ("Jane Doe, aged 52") or before
 * it ("the 75-year-old Parata"). Ranked candidates miss it: the training paragraphs seldom write
 * an age so, and the model prefers a number the question's words stand nearer to ("he was just
 * seven years old when …"). A question that asks more than the age ("How old was he at his first
 * stranding?") is left to the ranked answer; so is a story that gives no age in these forms, the
 * ranked answer then being held to ages (ageSentences, isAge).
 */
import { RULE_CONFIDENCE, soleNamed } from "./identity-answer.js";
import type { DirectAnswer } from "./direct.js";
import type { ParsedQuestion } from "./question.js";
import type { Entity, Sentence, Story, Token } from "../types.js";

/** The oldest age a person is written with. */
const MAX_AGE = 125;

function age(text: string | undefined): string | null {
  if (!text || !/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n > 0 && n <= MAX_AGE ? text : null;
}

/** "75-year-old", as one token or as five. */
function ageBefore(t: readonly Token[], start: number): string | null {
  let i = start;
  // "the 75-year-old skipper Wade Bassi": a few lower-case words may stand between
  while (i > 0 && start - i < 3 && /^\p{Ll}+$/u.test(t[i - 1]!.text) && (t[i - 1]!.pos === "NOUN" || t[i - 1]!.pos === "ADJ") && t[i - 1]!.text !== "old") i--;
  const one = /^(\d{1,3})-years?-old$/i.exec(t[i - 1]?.text ?? "");
  if (one) return age(one[1]);
  const words = t.slice(Math.max(0, i - 5), i).map((x) => x.text.toLowerCase());
  return words.length === 5 && /^years?$/.test(words[2]!) && words[1] === "-" && words[3] === "-" && words[4] === "old" ? age(t[i - 5]?.text) : null;
}

function ageAfter(t: readonly Token[], end: number): string | null {
  const [a, b, c] = [t[end]?.text, t[end + 1], t[end + 2]?.text];
  if (a === "(" && c === ")") return age(b?.text);
  if (a !== ",") return null;
  if (/^aged?$/i.test(b?.text ?? "")) return age(c);
  return c !== undefined && /^[,.;)]$/.test(c) ? age(b?.text) : null;
}

function asksAge(q: ParsedQuestion): boolean {
  const t = q.tokens;
  const at = t.findIndex((x) => x.text.toLowerCase() === "how");
  return at >= 0 && t[at + 1]?.text.toLowerCase() === "old" && t[at + 2]?.lemma === "be";
}

/** The person a question asks the age of and nothing more, if it does. */
function agedPerson(q: ParsedQuestion, story: Story): Entity | null {
  if (!asksAge(q)) return null;
  const entity = soleNamed(q, story, ["old"]);
  return entity && entity.type !== "place" ? entity : null;
}

/** "75", "75-year-old", "93 year-old", "aged 62", "seven years old": what an age is written as. */
const AGE_SHAPED = /^(?:(?:aged\s+)?\d{1,3}|\S+[- ]years?[- ]old|.*\byears?\s+old)$/i;

/**
 * "How old is <person>?" is answered by an age or not at all: the ranker may trust "30 years" of
 * "had guided him for 30 years", a date or a name, and the training data holds too few such
 * questions (91 "how old" ones in all) to learn otherwise.
 */
export function ageSentences(q: ParsedQuestion, story: Story): Set<number> | null {
  const person = agedPerson(q, story);
  if (person?.type !== "person") return null;
  // where the person is named, by full name or by the surname alone: where their age may be written
  return new Set([person, ...bySurname(person, story)].flatMap((e) => e.mentions.map((m) => m.sentence)));
}

function bySurname(entity: Entity, story: Story): Entity[] {
  // "Hori Parata … Parata, 75,": a later mention by the surname alone, which the story may keep apart
  const surname = entity.name.split(" ").length > 1 ? entity.name.split(" ").pop() : undefined;
  return story.entities.filter((e) => e !== entity && e.name === surname && e.type !== "place");
}

/** Whether a candidate is written as an age: not a count of something ("30 years" of "for 30 years", "40" of "40 stores"). */
export function isAge(text: string, sentence: Sentence, end: number): boolean {
  if (!AGE_SHAPED.test(text.trim())) return false;
  const next = sentence.tokens[end];
  return !/^\d{1,3}$/.test(text.trim()) || next?.pos !== "NOUN" || sentence.tokens[end + 1]?.text.toLowerCase() === "old";
}

export function ageAnswer(q: ParsedQuestion, story: Story): DirectAnswer | null {
  const entity = agedPerson(q, story);
  if (!entity) return null;
  for (const m of [entity, ...bySurname(entity, story)].flatMap((e) => e.mentions)) {
    const sentence = story.sentences[m.sentence]!;
    const found = ageAfter(sentence.tokens, m.end) ?? ageBefore(sentence.tokens, m.start);
    if (found) return { answer: found, confidence: RULE_CONFIDENCE, evidence: sentence.text, paragraph: sentence.paragraph };
  }
  return null;
}
