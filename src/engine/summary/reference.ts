/**
 * Sentences that lean on another: one whose subject is a pronoun ("He went on to…", "“…,” she
 * said") means nothing without the sentence that names its referent, so a summary brings that
 * sentence along or leaves the pronoun one out, and a timeline names the referent instead.
 */
import type { Entity, Sentence, Story } from "../types.js";

const PERSONAL = /^(?:he|she|they|his|her|their)$/i;
const QUOTE_CLOSE = /^(?:["”’»]|'')$/;
/** how far back the sentence naming a pronoun's referent may be */
const LOOK_BACK = 3;

/** The token of the pronoun that is the sentence's subject: its first word, or the speaker of its quote. */
export function pronounSubject(sentence: Sentence): number | null {
  const t = sentence.tokens;
  const first = t.findIndex((x) => x.pos !== "PUNCT");
  if (first >= 0 && PERSONAL.test(t[first]!.text)) return first;
  // "“The victory … of the people,” he said during a visit …"
  for (let i = 0; i + 2 < t.length; i++) {
    if (!QUOTE_CLOSE.test(t[i]!.text)) continue;
    const at = t[i + 1]!.text === "," ? i + 2 : t[i - 1]?.text === "," ? i + 1 : -1;
    if (at > 0 && PERSONAL.test(t[at]?.text ?? "") && (t[at + 1]?.pos === "VERB" || t[at + 1]?.pos === "AUX")) return at;
  }
  return null;
}

/** Each sentence's named entities, worked out once a story. */
const named = new WeakMap<Story, Map<number, Entity[]>>();

function namesIn(story: Story, id: number, types: ReadonlySet<Entity["type"]>): Entity[] {
  let index = named.get(story);
  if (!index) {
    index = new Map();
    for (const e of story.entities) {
      for (const s of new Set(e.mentions.map((m) => m.sentence))) index.set(s, [...(index.get(s) ?? []), e]);
    }
    named.set(story, index);
  }
  return (index.get(id) ?? []).filter((e) => types.has(e.type));
}

const PEOPLE: ReadonlySet<Entity["type"]> = new Set(["person"]);
const ANY_NAME: ReadonlySet<Entity["type"]> = new Set(["person", "organisation", "place", "other"]);

/**
 * The sentence before `id` that names what its pronoun subject stands for ("Xi stressed …" for
 * "… he said"), passing over sentences that lean on a pronoun themselves; null when none is near.
 */
export function antecedentOf(story: Story, id: number): number | null {
  const sentence = story.sentences[id];
  const at = sentence ? pronounSubject(sentence) : null;
  if (!sentence || at === null) return null;
  // "they" may be a government or a team; "he" and "she" are people
  const types = /^(?:they|their)$/i.test(sentence.tokens[at]!.text) ? ANY_NAME : PEOPLE;
  for (let j = id - 1; j >= Math.max(0, id - LOOK_BACK); j--) {
    if (namesIn(story, j, types).length > 0) return j;
  }
  return null;
}

/** The one person the antecedent names, for a phrase that would otherwise start with "She". */
export function referentName(story: Story, id: number): string | null {
  const j = antecedentOf(story, id);
  if (j === null) return null;
  const people = namesIn(story, j, PEOPLE);
  return people.length === 1 ? people[0]!.name : null;
}

const OUTCOME = new Set(
  `kill die dead death injure wound hurt miss rescue evacuate displace arrest detain charge collapse destroy damage
  toll casualty victim survivor win beat defeat lose draw score elect vote approve reject pass rule sentence convict
  acquit agree sign fine resign appoint award raise cut`.split(/\s+/),
);
/** decisions are outcomes by themselves; other outcomes are when counted ("killing at least 41") */
const DECISION = new Set(`elect vote approve reject pass rule sentence convict acquit agree sign resign appoint`.split(/\s+/));
const NUMBER_WORDS = /^(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)$/i;

/** A sentence that gives the main event's toll or outcome: deaths, results, decisions. */
export function isOutcome(sentence: Sentence): boolean {
  const t = sentence.tokens;
  const lemmas = t.filter((x) => x.pos === "VERB" || x.pos === "NOUN" || x.pos === "ADJ").map((x) => x.lemma);
  if (lemmas.some((l) => DECISION.has(l) && t.some((x) => x.lemma === l && x.pos === "VERB"))) return true;
  const counted = t.some((x) => x.pos === "NUM" || /\d/.test(x.text) || NUMBER_WORDS.test(x.text));
  return counted && lemmas.some((l) => OUTCOME.has(l));
}
