/** Country names, capitals and demonyms from the world-countries package: places and nationalities. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

let places: Set<string> | null = null;
let demonyms: Set<string> | null = null;
/** "chinese" → "china", for matching a question's country against the text's adjective */
const countryOfDemonym = new Map<string, string>();

function load(): void {
  // parsed here rather than required, so the 1.4 MB of data is not kept in the module cache once read
  const file = createRequire(import.meta.url).resolve("world-countries/countries.json");
  const countries = JSON.parse(readFileSync(file, "utf8")) as Country[];
  places = new Set();
  demonyms = new Set();
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.capital, ...c.altSpellings.filter((s) => s.length > 3)]) places.add(n);
    const d = c.demonyms?.eng;
    if (d) for (const n of [d.f, d.m]) {
      demonyms.add(n);
      countryOfDemonym.set(n.toLowerCase(), c.name.common.toLowerCase());
    }
  }
  // short forms English prose uses for well-known countries ("the US", "the UK")
  for (const n of ["US", "U.S.", "USA", "UK", "U.K.", "EU", "UAE"]) places.add(n);
}

export function isKnownPlace(name: string): boolean {
  if (!places) load();
  return places!.has(name) || places!.has(name.replace(/^the\s+/i, ""));
}

export function isDemonym(name: string): boolean {
  if (!demonyms) load();
  return demonyms!.has(name) || demonyms!.has(name.replace(/s$/, ""));
}

export function countryOf(demonym: string): string | null {
  if (!demonyms) load();
  return countryOfDemonym.get(demonym.toLowerCase()) ?? null;
}
