/**
 * The pool as the abstainer sees it: other spans that name the same answer agree with the top
 * one, "the same" meaning one name holds the other word for word, whatever the names are
 * (checked against its definition on padded strings, empty names and stray spaces included).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { viewOf, type Placed } from "../src/engine/answer/pool-view.js";

const at = (sentence: number, key: string): Placed => ({ sentence, start: 0, end: 1, key });
const holds = (a: string, b: string) => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);

describe("agreement over the pool", () => {
  it("counts the spans of other sentences whose name holds the top one's or is held by it", () => {
    const spans = [at(0, "hoechang"), at(1, "hoechang county"), at(2, "hoechangs"), at(3, "north hoechang county"), at(0, "hoechang county")];
    // the last overlaps the top span (same sentence and words): a reading of it, not agreement
    expect(viewOf(spans, [3, 1, 1, 1, 2], 0).agree).toBe(2);
  });

  it("agrees with the definition on any names", () => {
    const name = fc.stringMatching(/^[ab ]{0,6}$/);
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 6 }), (top, others) => {
        const spans = [at(0, top), ...others.map((k, i) => at(i + 1, k))];
        const expected = others.filter((k) => holds(k, top)).length;
        expect(viewOf(spans, spans.map((_, i) => (i === 0 ? 1 : 0)), 0).agree).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
