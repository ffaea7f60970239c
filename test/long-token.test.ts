/**
 * A pasted blob (base64, a hash) is one enormous "word". The Porter stemmer takes time quadratic in a
 * word's length (a 30,000-letter word: ~7 s), so words past MAX_STEMMED_LENGTH are their own stem; and
 * wink's tokenizer is quadratic on a long run without spaces, so it gets such runs in pieces.
 * How long ingest takes is measured by `npm run bench:faults`, not here.
 */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";
import { MAX_STEMMED_LENGTH, stem } from "../src/engine/language/nlp.js";

/** letters only, so that the tokenizer keeps it as one token */
const BLOB = Array.from({ length: 30_000 }, (_, i) => "QmFzZTY0aGVyZQ"[(i * 7) % 14]).join("");

describe("over-long tokens", () => {
  it("are their own stem; English words are still stemmed", () => {
    expect(stem(BLOB)).toBe(BLOB.toLowerCase());
    expect(stem("x".repeat(MAX_STEMMED_LENGTH + 1) + "ing")).toBe("x".repeat(MAX_STEMMED_LENGTH + 1) + "ing");
    expect(stem("visited")).toBe("visit");
    expect(stem("internationalisation")).toBe(stem("internationalisations"));
  });

  it("a story with a 30,000-character token pasted in is ingested whole and still answers", () => {
    const story = ingestText(`A pasted key\n\nOSLO, May 2, 2022 — The city council opened a new library on Monday, the mayor said.\n\nThe key she read out was ${BLOB} in full.\n\nIt holds 40,000 books.\n`, "blob");
    expect(story.paragraphs).toHaveLength(3);
    expect(story.paragraphs[1]!.text).toContain(BLOB);
    // the tokenizer is given the blob in pieces (it is quadratic on a long run too); the sentence keeps its exact text
    const sentence = story.sentences.find((s) => s.text.includes(BLOB))!;
    expect(sentence.text).toBe(`The key she read out was ${BLOB} in full.`);
    const pieces = sentence.tokens.filter((t) => /^[A-Za-z0-9]{20,}$/.test(t.text));
    expect(pieces.map((t) => t.text).join("")).toBe(BLOB);
    for (const t of pieces) expect(sentence.text.slice(t.start, t.end)).toBe(t.text);
    expect(Math.max(...pieces.map((t) => t.text.length))).toBeLessThanOrEqual(MAX_STEMMED_LENGTH);
    expect(answer("When did the city council open the library?", story).answer).toMatch(/Monday|May 2/);
  });
});
