/**
 * Proper-name runs in one sentence: capitalised tokens (wink's PROPN plus capitalised nouns
 * inside a name), joined across hyphens ("Jong-un"), "of" after a head that takes it
 * ("University of Chicago"), "&" ("Stone & Timber Engineering") and possessives inside a name
 * ("People's Volunteer Army").
 */
import { OF_HEADS, ORG_HEADS, POSSESSIVE } from "./lexicon.js";
import type { Token } from "../types.js";

export interface NameRun {
  start: number;
  end: number;
}

const NAME_POS = new Set(["PROPN", "NOUN", "ADJ", "X", "NUM"]);
/** Lower-case particles inside personal names: "Lothar de Maizière", "Ludwig van Beethoven". */
const PARTICLES = new Set(["de", "da", "di", "del", "della", "der", "den", "des", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "y", "dos", "das", "ter", "zu", "aan", "op", "ten"]);
const REGNAL = /^(?:[IVX]{1,4})$/;
/** "Seattle-based", "Amazon-owned", "Kenyan-born": the word after the hyphen says what the name is to the next one. */
const PARTICIPLE = /^(?:\p{Ll}+ed|born|run|made|built|led|grown)$/u;

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
}

function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

function firstWordIndex(tokens: Token[]): number {
  return tokens.findIndex((t) => /\p{L}/u.test(t.text));
}

/** Runs of name tokens; `blocked[i]` marks tokens that belong to a date and cannot start or extend a name. */
export function nameRuns(tokens: Token[], blocked: boolean[]): NameRun[] {
  const first = firstWordIndex(tokens);
  const isName = (i: number): boolean => {
    const t = tokens[i];
    if (!t || blocked[i] || !capitalised(t) || !NAME_POS.has(t.pos)) return false;
    // a sentence's first word is capitalised anyway; only a proper noun counts there
    return i !== first || t.pos === "PROPN";
  };
  // "skipper Wade Bassi": the tagger reads a given name that is also a verb as the verb; inside a
  // sentence, a capitalised word right before a proper noun is the name's first word
  const startsName = (i: number): boolean =>
    isName(i) || (i !== first && tokens[i]!.pos === "VERB" && capitalised(tokens[i]!) && !blocked[i] && tokens[i + 1]?.pos === "PROPN" && isName(i + 1));
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(i)) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    for (;;) {
      const next = tokens[end];
      if (!next) break;
      if (isName(end)) {
        end++;
      } else if ((next.text === "-" || next.text === "‑") && adjacent(tokens[end - 1], next) && adjacent(next, tokens[end + 1]) && /^\p{L}/u.test(tokens[end + 1]?.text ?? "")) {
        // "Seattle-based International Pacific Halibut Commission" is two names
        if (PARTICIPLE.test(tokens[end + 1]!.text)) break;
        end += 2;
      } else if (next.text === "of" && (OF_HEADS.has(tokens[end - 1]!.text) || ORG_HEADS.has(tokens[end - 1]!.text)) && isName(end + 1)) {
        // "University of Chicago", "Vermont Agency of Transportation"
        end += 2;
      } else if (next.text === "for" && ORG_HEADS.has(tokens[end - 1]!.text) && isName(end + 1)) {
        // "Federal Institute for Snow Research", "Center for Disease Control"
        end += 2;
      } else if (next.text === "&" && isName(end + 1)) {
        // "Stone & Timber Engineering", "Johnson & Johnson"
        end += 2;
      } else if (capitalised(next) && !blocked[end] && /^\p{L}{2,}$/u.test(next.text)) {
        // prose capitalises a word after a name only inside the name, whatever wink tags it:
        // "Miller Creek Covered Bridge", "the Red Cross"
        end++;
      } else if (PARTICLES.has(next.text) && (isName(end + 1) || PARTICLES.has(tokens[end + 1]?.text ?? "") && isName(end + 2))) {
        // "Lothar de Maizière", "Millingen aan de Rijn"
        end += isName(end + 1) ? 2 : 3;
      } else if (PARTICLES.has(next.text) && tokens[end + 1]?.text === "-" && adjacent(next, tokens[end + 1]) && adjacent(tokens[end + 1], tokens[end + 2]) && isName(end + 2)) {
        // "Hassan al-Turabi"
        end += 3;
      } else if (next.text === "of" && end - start === 1 && isName(end + 1) && !isName(end + 2) && tokens[start]!.pos === "PROPN" && !(start === first && /[^s]s$/.test(tokens[start]!.text))) {
        // "William of Montreuil", "Robert of Jumièges": a single given name with its place (not "Residents of Kessel")
        end += 2;
        break;
      } else if (next.text === "the" && end - start === 1 && isName(end + 1) && !isName(end + 2) && tokens[start]!.pos === "PROPN" && !blocked[end + 1]) {
        // an epithet: "William the Conqueror"
        end += 2;
        break;
      } else if (REGNAL.test(next.text) && !blocked[end]) {
        // "Richard I", "Charles III"
        end++;
        break;
      } else if (POSSESSIVE.test(next.text) && end - start >= 2 && isName(end + 1) && (isName(end + 2) || ORG_HEADS.has(tokens[end + 1]!.text))) {
        // "People’s Volunteer Army", "Polish United Workers' Party"
        end += 2;
      } else if (next.pos === "NUM" && /^(?:\d{1,3}|[IVXLC]+)$/.test(next.text) && !blocked[end]) {
        end++;
        break;
      } else break;
    }
    runs.push({ start, end });
    i = end;
  }
  return runs;
}
