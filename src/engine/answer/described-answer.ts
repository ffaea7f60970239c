/**
 * "Who is the president?", "Who was the league's top scorer?": a question that asks only for whoever
 * holds a role the story gives a name, as a title ("President Henrik Voss") or an appositive ("Callum
 * Reid, the league's top scorer"), is answered with that name: the inverse of "Who is Henrik Voss?".
 * News introduces nearly everyone this way, and ranked candidates miss it: the title sits inside the
 * name's own span, and the training paragraphs seldom describe people so.
 *
 * "Who leads the Green Party?" asks the same of "Green leader Tomas Aaltonen": the question's verb
 * is held by a noun for its doer; a role may also be held by a kind of it ("leader" by "President",
 * as WordNet files them). Every other word of the question must be accounted for: a word of
 * the description, of a name it shortens ("Rovers goalkeeper" for "Millbrook Rovers"), of a country
 * it names by its nationality ("president of China" for "Chinese President"), or of the place the
 * story is datelined from ("president of Valdoria" of a story from Velmar, Valdoria).
 * A word left over ("the current Pope", "the president of France") leaves the question to the
 * ranked answer, and so do two names that fit alike.
 */
import { nameWords } from "../language/name-words.js";
import { stem } from "../language/nlp.js";
import { isDoerNounOf, isKindOf } from "../language/wordnet.js";
import { BARE_HONORIFIC, RULE_CONFIDENCE } from "./identity-answer.js";
import type { DirectAnswer } from "./direct.js";
import type { ParsedQuestion } from "./question.js";
import type { Entity, Story } from "../types.js";

const WORD = /[^\p{L}\p{N}]+/u;

/** A description's words, their stems, the words of the countries its nationality words name, and its head noun. */
function descriptionWords(description: string, story: Story): { words: string[]; stems: Set<string>; countries: Set<string>; head: string | undefined } {
  const words = description
    .replace(/['’]s\b/g, "")
    .split(WORD)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const countries = new Set(words.flatMap((w) => story.demonyms[w]?.split(WORD) ?? []));
  const before = words.findIndex((w) => HEAD_ENDS.has(w));
  return { words, stems: new Set(words.map(stem)), countries, head: words[(before < 0 ? words.length : before) - 1] };
}

/** Words after a description's head noun: "eldest son of Mao Zedong", "volunteer firefighter in Brena". */
const HEAD_ENDS = new Set(["of", "in", "at", "for", "from", "with", "to", "on"]);

interface Fit {
  entity: Entity;
  description: string;
  /** question words the description itself holds */
  own: number;
}

const entityNames = new WeakMap<Story, Set<string>>();
/** The story's entity names, lower case: the same for every description and question. */
function entityNamesOf(story: Story): Set<string> {
  let names = entityNames.get(story);
  if (!names) {
    names = new Set(story.entities.map((e) => e.name.toLowerCase()));
    entityNames.set(story, names);
  }
  return names;
}

/** The question's words that belong to a name it asks about whose words the description uses ("Rovers goalkeeper" for "Millbrook Rovers"). */
function namedInDescription(q: ParsedQuestion, story: Story, stems: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  // names of their own: "Sudan's president" speaks of Sudan, not of South Sudan, though it shares a word
  const others = entityNamesOf(story);
  for (const e of story.entities) {
    if (!q.named.has(e.name)) continue;
    const words = nameWords(e);
    const shared = words.filter((w) => stems.has(stem(w)));
    const ownName = shared.length > 0 && others.has(shared.join(" ").toLowerCase()) && !e.aliases.some((a) => a.toLowerCase() === shared.join(" ").toLowerCase());
    if (shared.length && !ownName) words.forEach((w) => out.add(w));
  }
  return out;
}

/**
 * How many of the question's words the description holds, or null when one is neither its, nor of
 * a name it shortens, nor of the story's place, or when it holds no role: a common word of the
 * question ("president"), or a noun for the doer of its verb ("leader" for "Who leads …?").
 */
function fitOf(q: ParsedQuestion, description: string, story: Story, place: ReadonlySet<string>): number | null {
  const { words, stems, countries, head } = descriptionWords(description, story);
  const named = namedInDescription(q, story, stems);
  let own = 0;
  let role = false;
  for (const t of q.terms) {
    if (t.verb) {
      if (!words.some((w) => isDoerNounOf(w, t.lemma))) return null;
      own++;
      role = true;
    } else if (stems.has(t.stem) || stems.has(t.surface) || countries.has(t.word)) {
      own++;
      if (!t.specific) role = true;
    } else if (!t.specific && head && isKindOf(head, t.lemma)) {
      // "Who is the leader of China?" of "Chinese President Xi Jinping": a president is a leader
      own++;
      role = true;
    } else if (!named.has(t.word) && !place.has(t.word)) return null;
  }
  return role ? own : null;
}

export function describedAnswer(q: ParsedQuestion, story: Story): DirectAnswer | null {
  if (q.kind !== "who" || (q.form !== "copular" && q.form !== "subject") || !q.terms.length) return null;
  const place = new Set((story.place ?? "").toLowerCase().split(WORD).filter(Boolean));
  const fits: Fit[] = [];
  for (const entity of story.entities) {
    if ((entity.type !== "person" && entity.type !== "organisation") || q.named.has(entity.name)) continue;
    for (const description of entity.descriptions) {
      if (BARE_HONORIFIC.test(description)) continue;
      const own = fitOf(q, description, story, place);
      if (own !== null) fits.push({ entity, description, own });
    }
  }
  const most = Math.max(0, ...fits.map((f) => f.own));
  const best = fits.filter((f) => f.own === most);
  if (!best.length || new Set(best.map((f) => f.entity)).size > 1) return null;
  const { entity, description } = best[0]!;
  const cited = entity.mentions.map((m) => story.sentences[m.sentence]!).find((s) => s.text.includes(description));
  if (!cited) return null;
  return { answer: entity.name, confidence: RULE_CONFIDENCE, evidence: cited.text, paragraph: cited.paragraph };
}
