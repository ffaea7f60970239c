import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LineFile } from "../src/engine/language/line-file.js";
import { isEnglishWord, isKnownVerb, isOrganisationNoun, isPersonNoun, isPlaceNoun, verbDistance } from "../src/engine/language/wordnet.js";

const dir = mkdtempSync(join(tmpdir(), "storybot-line-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A file of "key payload" lines under an indented header, as WordNet's index files are laid out. */
function sortedFile(keys: string[], payload: (key: string) => string): LineFile {
  const lines = ["  licence header line", "  another header line", ...[...new Set(keys)].sort().map((k) => `${k} ${payload(k)}`)];
  const path = join(dir, `f${files++}.txt`);
  writeFileSync(path, lines.join("\n") + "\n", "latin1");
  return new LineFile(path);
}

describe("a sorted file read in place", () => {
  it("finds every key's line, first and last included, and nothing between them", () => {
    const keys = ["apple", "banana", "cherry", "damson", "elder", "fig"];
    const f = sortedFile(keys, (k) => `${k.length} ${k.toUpperCase()}`);
    for (const k of keys) expect(f.find(k)).toBe(`${k} ${k.length} ${k.toUpperCase()}`);
    for (const k of ["aardvark", "apples", "bananas", "coconut", "zebra", "", "licence"]) expect(f.find(k)).toBeNull();
  });

  it("reads lines longer than one read, and a line at a byte offset", () => {
    const long = (k: string) => `${k}:`.repeat(700);
    const f = sortedFile(["alpha", "beta", "gamma"], long);
    expect(f.find("beta")).toBe(`beta ${long("beta")}`);
    const text = f.find("gamma")!;
    expect(f.lineFrom(0).text).toBe("  licence header line");
    expect(text.length).toBeGreaterThan(4000);
  });

  it("answers the same after thousands of searches, when the lines it keeps are dropped", () => {
    const keys = Array.from({ length: 6000 }, (_, i) => `k${String(i * 7919 % 100000).padStart(5, "0")}`);
    const f = sortedFile(keys, (k) => k.toUpperCase());
    for (let round = 0; round < 2; round++) {
      for (const k of keys) expect(f.find(k)).toBe(`${k} ${k.toUpperCase()}`);
      for (const k of ["k", "k000000", "k99999z", "a", "z"]) expect(f.find(k)).toBeNull();
    }
  });

  it("agrees with a linear scan on any sorted set of keys", () => {
    const word = fc.stringMatching(/^[a-z][a-z'_-]{0,11}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.array(word, { maxLength: 20 }), fc.integer({ min: 0, max: 300 }), (keys, probes, pad) => {
        const f = sortedFile(keys, (k) => "x".repeat(pad) + k);
        const present = new Set(keys);
        for (const k of [...keys, ...probes]) expect(f.find(k)).toBe(present.has(k) ? `${k} ${"x".repeat(pad)}${k}` : null);
      }),
      { numRuns: 60, seed: 20201022 },
    );
  });
});

describe("WordNet, read in place", () => {
  it("knows English words in their base form, and not misspellings", () => {
    expect(isEnglishWord("cemetery")).toBe(true);
    expect(isEnglishWord("quickly")).toBe(true);
    expect(isEnglishWord("cemetary")).toBe(false);
    expect(isEnglishWord("visted")).toBe(false);
    expect(isKnownVerb("visit")).toBe(true);
    expect(isKnownVerb("cemetery")).toBe(false);
  });

  it("relates verbs whose common senses meet within two hypernym steps", () => {
    expect(verbDistance("begin", "start")).toBe(0);
    expect(verbDistance("sing", "perform")).toBe(2);
    expect(verbDistance("bear", "visit")).toBeNull();
    expect(verbDistance("visit", "zzzz")).toBeNull();
  });

  it("relates verbs through the specific nouns they derive, but not through general ones", () => {
    // "restitution" and "reconstruction" are both kinds of "repair"
    expect(verbDistance("renovate", "remodel")).toBe(2);
    expect(verbDistance("repair", "remodel")).toBe(1);
    // "ruler" and "searcher" are both persons: far too general to make the verbs alike
    expect(verbDistance("rule", "search")).toBeNull();
    expect(verbDistance("marry", "flee")).toBeNull();
  });

  it("knows nouns for people by their first sense, plural or not", () => {
    for (const w of ["investigators", "Deputies", "firefighter", "witnesses", "villagers"]) expect(isPersonNoun(w), w).toBe(true);
    // "fan" is first a device, "water" and "order" end like agent nouns but are not people
    for (const w of ["water", "order", "fan", "army", "zzzz", ""]) expect(isPersonNoun(w), w).toBe(false);
  });

  it("knows nouns for organisations and places the same way", () => {
    for (const w of ["firm", "companies", "union", "agency"]) expect(isOrganisationNoun(w), w).toBe(true);
    for (const w of ["port", "district", "suburbs"]) expect(isPlaceNoun(w), w).toBe(true);
    expect(isOrganisationNoun("firefighter")).toBe(false);
    expect(isPlaceNoun("firm")).toBe(false);
  });

  it("never relates opposites, nor a cause to its effect", () => {
    expect(verbDistance("win", "lose")).toBeNull();
    expect(verbDistance("buy", "sell")).toBeNull();
    expect(verbDistance("open", "close")).toBeNull();
    expect(verbDistance("kill", "die")).toBeNull();
    // synonyms stay synonyms even when one of their senses causes another
    expect(verbDistance("start", "begin")).toBe(0);
  });
});
