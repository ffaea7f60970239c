/**
 * Longer readings of a span offered to the ranker (expand.ts, pool.ts). Numbers join into a list
 * only when they are alike: two sums ("$5 or $6"), two plain counts ("four or five"), never a sum
 * and the multiplier after it ("$28 billion, or six times the value"). A place is offered with the
 * place it is in ("Portmouth, Australia"), but not two places of a list.
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";

const story = ingestText(
  [
    "Harbour shares climb",
    "PORTMOUTH, March 3 (Coast Courier) - The club's stake in the stadium company is worth about $28 billion, or six times the value of the cash it holds.",
    "Tickets for the final cost $5 or $6, and four or five buses will run from the station.",
    "The final will be played in Portmouth, Australia, after the semi-finals in France, Spain and Italy.",
  ].join("\n\n"),
  "shares",
);

const spans = (question: string) => analyseQuestion(parse(question, story), story).pool.map((p) => p.c.text);

describe("a list of numbers", () => {
  it("does not join a sum with the multiplier after it", () => {
    const pool = spans("How much is the club's stake worth?");
    expect(pool).toContain("$28 billion");
    expect(pool.some((t) => t.includes("$28 billion, or six"))).toBe(false);
  });

  it("joins two sums, and two plain numbers", () => {
    expect(spans("How much do tickets for the final cost?")).toContain("$5 or $6");
    expect(spans("How many buses will run from the station?")).toContain("four or five");
  });
});

describe("a phrase that opens with a sum", () => {
  it("keeps the currency sign", () => {
    const pool = spans("How much does the club pay for the final?");
    expect(pool.some((t) => /^\$5\b/.test(t))).toBe(true);
    expect(pool.some((t) => /^5\b/.test(t))).toBe(false);
  });
});

describe("a place with the place it is in", () => {
  const places = () => spans("Where will the final be played?");

  it("is offered beside the place itself", () => {
    expect(places()).toContain("Portmouth, Australia");
    expect(places()).toContain("Portmouth");
  });

  it("is not made of two places of a list", () => {
    expect(places().some((t) => t.startsWith("France, Spain") && t !== "France, Spain and Italy")).toBe(false);
  });
});

describe("a phrase with a hyphened word", () => {
  const hyphened = ingestText(
    ["Cup final", "The referee used an electronic, hand-held whistle during the final.", "The device was hand-held."].join("\n\n"),
    "whistle",
  );
  const of = (question: string) => analyseQuestion(parse(question, hyphened), hyphened).pool.map((p) => p.c.text);

  it("reads the word after the hyphen whatever its tag", () => {
    expect(of("What did the referee use during the final?")).toContain("hand-held whistle");
  });

  it("is never cut inside the hyphened word", () => {
    const texts = [...of("What did the referee use during the final?"), ...of("What was hand-held?")];
    expect(texts).not.toContain("hand");
  });
});

describe("a phrase with its 'of' complement", () => {
  const ceremony = ingestText(["Ceremony", "Dozens of the club's former players attended the ceremony at Rowan Park."].join("\n\n"), "ceremony");

  it("reads a possessive inside the complement", () => {
    const pool = analyseQuestion(parse("Who attended the ceremony?", ceremony), ceremony).pool.map((p) => p.c.text);
    expect(pool).toContain("Dozens of the club's former players");
  });
});
