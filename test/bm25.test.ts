import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Bm25Index, editDistance } from "../src/engine/index/bm25.js";

const words = (s: string) => s.split(" ");
const isNumber = (v: unknown): v is number => typeof v === "number";

function index(): Bm25Index<number> {
  const ix = new Bm25Index<number>();
  ix.put(0, words("glacier survey radar drone glacier"));
  ix.put(1, words("ferry strike pay deal ferry crews"));
  ix.put(2, words("ferry timetable survey"));
  return ix;
}

describe("the BM25 index", () => {
  it("ranks by the query's terms, a rarer term counting more", () => {
    expect(index().rank(["ferry", "strike"], 3).map((r) => r.id)).toEqual([1, 2]);
    expect(index().rank(["survey", "radar"], 3).map((r) => r.id)).toEqual([0, 2]);
    expect(index().rank(["snooker"], 3)).toEqual([]);
    expect(index().rank(["ferry"], 1)).toHaveLength(1);
  });

  it("lets an unknown word stand for a close or a longer word, below an exact match", () => {
    const ix = index();
    expect(ix.rank(["glaceir"], 3).map((r) => r.id)).toEqual([0]);
    expect(ix.rank(["timet"], 3).map((r) => r.id)).toEqual([2]);
    expect(ix.rank(["glaceir"], 1)[0]!.score).toBeLessThan(ix.rank(["glacier"], 1)[0]!.score);
  });

  it("forgets removed documents and re-indexes replaced ones", () => {
    const ix = index();
    ix.remove(1);
    expect(ix.rank(["strike"], 3)).toEqual([]);
    ix.put(2, words("strike"));
    expect(ix.rank(["strike"], 3).map((r) => r.id)).toEqual([2]);
    expect(ix.rank(["timetable"], 3)).toEqual([]);
    expect(ix.size).toBe(2);
  });

  it("ranks the same after a round trip through JSON, and refuses anything else", () => {
    const ix = index();
    const copy = Bm25Index.fromJSON(JSON.parse(JSON.stringify(ix)), isNumber)!;
    expect(copy.rank(["survey", "ferry"], 3)).toEqual(ix.rank(["survey", "ferry"], 3));
    expect(Bm25Index.fromJSON({ ...ix.toJSON(), format: 99 }, isNumber)).toBeNull();
    expect(Bm25Index.fromJSON({ format: 1, vocabulary: ["a"], docs: [[0, [3, 1]]] }, isNumber)).toBeNull();
    expect(Bm25Index.fromJSON({ format: 1, vocabulary: ["a"], docs: [["x", [0, 1]]] }, isNumber)).toBeNull();
    expect(Bm25Index.fromJSON("[]", isNumber)).toBeNull();
  });

  it("ranks the same once frozen, and then refuses to change or save", () => {
    const ix = index();
    const frozen = index().freeze();
    for (const q of [["ferry", "strike"], ["survey", "radar"], ["glaceir"], ["timet"]]) expect(frozen.rank(q, 3)).toEqual(ix.rank(q, 3));
    expect(frozen.size).toBe(3);
    expect(frozen.has(1)).toBe(true);
    expect(frozen.documentFrequency("ferry")).toBe(2);
    expect(frozen.documentFrequency("snooker")).toBe(0);
    expect(frozen.hasTerm("drone")).toBe(true);
    expect(() => frozen.put(3, ["x"])).toThrow(/frozen/);
    expect(() => frozen.remove(0)).toThrow(/frozen/);
    expect(() => frozen.toJSON()).toThrow(/frozen/);
  });

  it("counts a removed document's terms no more", () => {
    const ix = index();
    ix.remove(1);
    expect(ix.documentFrequency("ferry")).toBe(1);
    expect(ix.hasTerm("strike")).toBe(false);
  });

  it("reads its postings back as plain lists or typed arrays, and refuses either when a number points outside the index", () => {
    const saved = index().toPostings();
    const typed = { ...saved, df: Uint32Array.from(saved.df), docs: Uint16Array.from(saved.docs), counts: Uint16Array.from(saved.counts) };
    const plain = { ...saved, df: Array.from(saved.df), docs: Array.from(saved.docs), counts: Array.from(saved.counts) };
    for (const postings of [typed, plain]) {
      expect(Bm25Index.fromPostings(postings, isNumber)!.rank(["ferry", "strike"], 3)).toEqual(index().rank(["ferry", "strike"], 3));
      const pastTheLast = structuredClone(postings);
      pastTheLast.docs[2] = 3;
      expect(Bm25Index.fromPostings(pastTheLast, isNumber)).toBeNull();
      const noCount = structuredClone(postings);
      noCount.counts[1] = 0;
      expect(Bm25Index.fromPostings(noCount, isNumber)).toBeNull();
    }
    expect(Bm25Index.fromPostings({ ...plain, docs: plain.docs.map((d, i) => (i === 4 ? d + 0.5 : d)) }, isNumber)).toBeNull();
  });

  it("measures edit distance with a ceiling, a swap of neighbours counting one", () => {
    expect(editDistance("glacier", "glaceir", 2)).toBe(1);
    expect(editDistance("glacier", "glacier", 2)).toBe(0);
    expect(editDistance("ferry", "ferries", 1)).toBe(2);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
  });

  it("agrees with the whole distance table wherever the distance is within the ceiling", () => {
    // the textbook table of the optimal string alignment distance, no ceiling, no shortcut
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.stringMatching(/^[abcé]{0,40}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const got = editDistance(a, b, max);
        const want = reference(a, b);
        expect(got <= max ? got : max + 1).toBe(want <= max ? want : max + 1);
      }),
      { numRuns: 3000 },
    );
  });
});
