/**
 * "She said on Tuesday that rescuers had pulled 58 people alive": news names a person once and then
 * says "he" or "she", so the sentence that holds a deed often holds only a pronoun for its doer. A
 * person pronoun is a candidate that answers with the person it stands for: the nearest person
 * named before it, in its own sentence or in the two before it (the reading a reader makes first;
 * the ranker learns from its features how far to trust it).
 */
import type { Entity, Sentence, Story } from "../types.js";
import type { Candidate } from "./candidates.js";

export const PERSON_PRONOUN = /^(?:he|she|him|her)$/i;
/** What after "her" makes it a possessive ("her government"), not a person ("told her"). */
const POSSESSED = new Set(["NOUN", "ADJ", "PROPN", "NUM"]);
/** How many sentences back an antecedent may be. */
const LOOK_BACK = 2;

interface Named {
  entity: Entity;
  start: number;
}

const peopleCache = new WeakMap<Story, Named[][]>();

/** Each sentence's person mentions, in order. */
function peopleBySentence(story: Story): Named[][] {
  let out = peopleCache.get(story);
  if (!out) {
    const made: Named[][] = story.sentences.map(() => []);
    for (const entity of story.entities) {
      if (entity.type !== "person") continue;
      for (const m of entity.mentions) made[m.sentence]?.push({ entity, start: m.start });
    }
    for (const list of made) list.sort((a, b) => a.start - b.start);
    peopleCache.set(story, made);
    out = made;
  }
  return out;
}

/** The person named last before token `at` of the sentence, looking back LOOK_BACK sentences. */
function antecedent(story: Story, sentence: Sentence, at: number): Entity | null {
  const people = peopleBySentence(story);
  for (let id = sentence.id; id >= 0 && id >= sentence.id - LOOK_BACK; id--) {
    const before = (people[id] ?? []).filter((p) => id < sentence.id || p.start < at);
    if (before.length) return before[before.length - 1]!.entity;
  }
  return null;
}

export function pronounCandidates(story: Story, sentence: Sentence): Candidate[] {
  const t = sentence.tokens;
  const out: Candidate[] = [];
  for (let i = 0; i < t.length; i++) {
    const word = t[i]!.text;
    if (!PERSON_PRONOUN.test(word) || (word.toLowerCase() === "her" && POSSESSED.has(t[i + 1]?.pos ?? ""))) continue;
    const person = antecedent(story, sentence, i);
    if (person) out.push({ start: i, end: i + 1, text: word, type: "person", note: null, canonical: person.name, entity: person.name });
  }
  return out;
}
