/**
 * What a turn of a conversation talked about: the people, places, organisations and things its
 * question named and its answer gave, as a later question could refer back to them ("she", "it",
 * "there"). Found in the story itself: names are the story's entities (with the gender the story's
 * own pronouns give a person, and a "person" the story calls "it" taken for an organisation), other
 * noun phrases count only if the story uses them word for word.
 */
import type { Entity, Story } from "../engine/index.js";

export type ReferentType = "person" | "place" | "organisation" | "thing";

export interface Referent {
  /** as it is written into a question: "Ingrid Halvorsen", "the Storvik Bridge" */
  name: string;
  type: ReferentType;
  gender?: "male" | "female";
  plural?: boolean;
}

/** How many referents a turn carries forward: the latest first, older ones falling off. */
export const MAX_REFERENTS = 6;

const MALE = new Set(["he", "him", "his", "himself"]);
const FEMALE = new Set(["she", "her", "hers", "herself"]);
const NEUTER = new Set(["it", "its", "itself"]);
const MALE_TITLES = new Set(["mr", "mr.", "sir", "lord"]);
const FEMALE_TITLES = new Set(["mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady"]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those"]);
/** words a noun phrase in a question stops before */
const PHRASE_END = new Set(["of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "and", "or", "but", "after", "before", "during", "is", "was", "are", "were", "be", "been", "did", "do", "does", "has", "have", "had", "will", "would", "can", "could"]);
const MAX_PHRASE_WORDS = 5;

const ENTITY_TYPE: Partial<Record<Entity["type"], ReferentType>> = { person: "person", place: "place", organisation: "organisation", other: "thing" };

type Gender = "male" | "female" | "neuter";

const genders = new WeakMap<Story, Map<Entity, Gender>>();

/**
 * A person's gender as the story's pronouns give it: "he"/"she" in a sentence that names only that
 * person, or in the sentence after it when that one names no person; a title (Mr, Ms) counts too.
 * A name the story only ever follows with "it" is no person ("the contractor Fjordbygg … it would").
 */
function gendersOf(story: Story): Map<Entity, Gender> {
  let known = genders.get(story);
  if (known) return known;
  known = new Map();
  const people = story.entities.filter((e) => e.type === "person");
  const peopleIn = new Map<number, Set<Entity>>();
  for (const p of people) for (const m of p.mentions) (peopleIn.get(m.sentence) ?? peopleIn.set(m.sentence, new Set()).get(m.sentence)!).add(p);
  const tally = new Map<Entity, { male: number; female: number; neuter: number }>();
  const count = (p: Entity, words: string[]) => {
    const t = tally.get(p) ?? { male: 0, female: 0, neuter: 0 };
    for (const w of words) {
      if (MALE.has(w)) t.male++;
      else if (FEMALE.has(w)) t.female++;
      else if (NEUTER.has(w)) t.neuter++;
    }
    tally.set(p, t);
  };
  for (const p of people) {
    for (const m of p.mentions) {
      const sentence = story.sentences[m.sentence];
      if (!sentence) continue;
      const words = sentence.tokens.map((t) => t.text.toLowerCase());
      const title = words[m.start - 1];
      if (title && MALE_TITLES.has(title)) count(p, ["he", "he"]);
      if (title && FEMALE_TITLES.has(title)) count(p, ["she", "she"]);
      if (peopleIn.get(m.sentence)?.size !== 1) continue;
      count(p, words.slice(m.end));
      const next = story.sentences[m.sentence + 1];
      if (next && !peopleIn.has(next.id)) count(p, next.tokens.map((t) => t.text.toLowerCase()));
    }
  }
  for (const [p, t] of tally) {
    if (t.male > 2 * t.female) known.set(p, "male");
    else if (t.female > 2 * t.male) known.set(p, "female");
    else if (t.neuter > 0 && t.male + t.female === 0) known.set(p, "neuter");
  }
  genders.set(story, known);
  return known;
}

function fromEntity(story: Story, e: Entity, written = e.name): Referent | null {
  const type = ENTITY_TYPE[e.type];
  if (!type) return null;
  const gender = type === "person" ? gendersOf(story).get(e) : undefined;
  if (gender === "neuter") return { name: written, type: "organisation" };
  return { name: written, type, ...(gender ? { gender } : {}) };
}

/** The story's people, as a pronoun could name them (not the names the story itself calls "it"). */
export function peopleOf(story: Story): Referent[] {
  return story.entities.flatMap((e) => (e.type === "person" ? (fromEntity(story, e) ?? []) : [])).filter((r) => r.type === "person");
}

/** "the Storvik Bridge" and "Storvik Bridge" are one referent */
const key = (name: string) => name.toLowerCase().replace(/^the\s+/, "");

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordAt = (text: string, phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(phrase)}(?![\\p{L}\\p{N}])`, "iu").test(text);

/** The story's people, places, organisations and other names that `text` mentions, in the order it mentions them. */
export function namedIn(story: Story, text: string): Referent[] {
  const found: { at: number; length: number; referent: Referent }[] = [];
  for (const e of story.entities) {
    for (const form of [e.name, ...e.aliases]) {
      if (form.length < 2) continue;
      const m = new RegExp(`(?<![\\p{L}\\p{N}])(the\\s+)?${escapeRe(form)}(?![\\p{L}\\p{N}])`, "iu").exec(text);
      // written as the text has it ("the Storvik Bridge"), so that a question rewritten with it reads well
      const referent = m && fromEntity(story, e, m[1] ? `${m[1].toLowerCase()}${e.name}` : e.name);
      if (m && referent) found.push({ at: m.index, length: m[0].length, referent });
    }
  }
  // the longest form at a place wins ("Storvik Bridge" over "Storvik"), and each entity counts once
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  const out: Referent[] = [];
  let end = -1;
  for (const f of found) {
    if (f.at < end || out.some((r) => key(r.name) === key(f.referent.name))) continue;
    out.push(f.referent);
    end = f.at + f.length;
  }
  return out;
}

/** "the bridge", "the repair work": a determiner and the words after it, the longest the story itself uses. */
function phrasesIn(story: Story, question: string): Referent[] {
  const text = story.paragraphs.map((p) => p.text).join("\n");
  const ws = words(question);
  const out: Referent[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!DETERMINERS.has(ws[i]!)) continue;
    let best: string | null = null;
    for (let j = i + 2; j <= Math.min(ws.length, i + 1 + MAX_PHRASE_WORDS); j++) {
      if (PHRASE_END.has(ws[j - 1]!)) break;
      const phrase = ws.slice(i, j).join(" ");
      if (wordAt(text, phrase)) best = phrase;
    }
    if (!best) continue;
    const head = best.split(" ").at(-1)!;
    const person = story.personNouns.includes(head);
    out.push({ name: best.replace(/^(?:this|that)\b/, "the"), type: person ? "person" : "thing", ...(/[^s]s$/.test(head) ? { plural: true } : {}) });
  }
  return out;
}

/** What a question is about: the names it uses, then its other noun phrases the story uses. */
export function referentsOfQuestion(story: Story, question: string): Referent[] {
  const named = namedIn(story, question);
  const phrases = phrasesIn(story, question).filter((p) => !named.some((n) => key(n.name).includes(p.name.replace(/^(?:the|a|an)\s+/, ""))));
  return [...named, ...phrases];
}

/** What an answer gives, typed by the story's entity it names, or else by what the question asked for. */
export function referentOfAnswer(story: Story, answer: string | null, kind: string): Referent | null {
  if (!answer) return null;
  if (kind === "when" || /^\d/.test(answer)) return null;
  const named = namedIn(story, answer)[0];
  // a name the story has; what a where-question answers is a place whatever else the name may be
  if (named && named.name.length >= answer.replace(/^(?:the|a|an)\s+/i, "").length * 0.6) return kind === "where" ? { name: named.name, type: "place" } : named;
  const type: ReferentType = kind === "who" ? "person" : kind === "where" ? "place" : "thing";
  return { name: answer, type, ...(/\band\b/.test(answer) ? { plural: true } : {}) };
}

/** The newest first, each name once, at most MAX_REFERENTS. */
export function mergeReferents(...lists: Referent[][]): Referent[] {
  const out: Referent[] = [];
  for (const r of lists.flat()) {
    if (out.some((o) => key(o.name) === key(r.name))) continue;
    out.push(r);
    if (out.length === MAX_REFERENTS) break;
  }
  return out;
}
