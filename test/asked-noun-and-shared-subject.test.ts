/**
 * Two readings the answer features depend on: the noun a question asks for is the head of its
 * phrase ("which news agency" asks for an agency, not news), and a subject two conjoined verbs share
 * belongs to both ("Kjeldsen moved to Esbjerg and founded Havbris": he founded it).
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { F } from "../src/engine/answer/features.js";

const story = ingestText(
  "Turbines\n\nThe engineer Mads Kjeldsen moved to Esbjerg in 2001 and founded Havbris in a small workshop in 2004.\n\nThe Baltic News Agency reported the sale. Callum Reid, the league's top scorer, scored twice.\n",
  "turbines",
);
const nounOf = (question: string) => parse(question, story).answerNoun;

describe("the noun a question asks for", () => {
  it("is the last noun of the phrase after the question word", () => {
    expect(nounOf("Which news agency reported the sale?")).toBe("agency");
    expect(nounOf("What wind turbine maker did Kjeldsen found?")).toBe("maker");
    expect(nounOf("What year did Kjeldsen found Havbris?")).toBe("year");
    expect(nounOf("How many small workshops did Kjeldsen have?")).toBe("workshop");
  });

  it("stops at a possessive after a question word, but not in a role", () => {
    expect(nounOf("What country's passport did Kjeldsen hold?")).toBe("country");
    expect(nounOf("Who was the league's top scorer?")).toBe("scorer");
    expect(nounOf("Who is the founder of Havbris?")).toBe("founder");
  });

  it("is none when no noun follows the question word", () => {
    expect(nounOf("Who founded Havbris?")).toBeNull();
    expect(nounOf("What did Kjeldsen found?")).toBeNull();
  });
});

describe("a subject shared by conjoined verbs", () => {
  function featuresOf(question: string, answer: string): Float32Array {
    const { pool } = analyseQuestion(parse(question, story), story);
    const found = pool.find((p) => p.c.text === answer);
    expect(found, answer).toBeDefined();
    return found!.features;
  }

  it("is governed by the second verb as well as the first", () => {
    const f = featuresOf("Who founded Havbris?", "Mads Kjeldsen");
    expect(f[F.c_gov_verb]).toBe(1);
    expect(f[F.c_tree_verb]).toBe(1);
  });

  it("but a place the first verb governs is not the second verb's", () => {
    const f = featuresOf("Who founded Havbris?", "Esbjerg");
    expect(f[F.c_gov_verb]).toBe(0);
    expect(f[F.c_tree_verb]).toBeGreaterThan(1);
  });
});
