/**
 * "What instrument did she play?": the answer is a kind of the noun the question asks for, which
 * WordNet knows ("cello" is a stringed, so a musical, instrument) though the story never says so.
 */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { F } from "../src/engine/answer/features.js";
import { askedKind } from "../src/engine/answer/signals.js";
import { isKindOf } from "../src/engine/language/wordnet.js";

const story = ingestText(
  [
    "Harbour town hosts folk night",
    "KESSEL, March 3 (Kessel Post) - Marta Lind, a teacher from Velmar, played the cello at the harbour hall on Saturday, and her brother Jon sang with the choir.",
    "The evening raised money for the lifeboat station, organisers said. Stalls sold broccoli, apples and fresh bread from local farms.",
  ].join("\n\n"),
  "folk-night",
);

describe("WordNet's kinds", () => {
  it("files a noun under the classes above it, and a proper name under what it is an instance of", () => {
    expect(isKindOf("cello", "instrument")).toBe(true);
    expect(isKindOf("broccoli", "vegetable")).toBe(true);
    expect(isKindOf("thames", "river")).toBe(true);
    expect(isKindOf("Cold War", "war")).toBe(false);
    expect(isKindOf("teacher", "instrument")).toBe(false);
    expect(isKindOf("hall", "vegetable")).toBe(false);
  });

  it("does not count a word as a kind of itself, nor read what is no word", () => {
    expect(isKindOf("instrument", "instrument")).toBe(false);
    expect(isKindOf("zqxv", "instrument")).toBe(false);
    expect(isKindOf("cello", "12")).toBe(false);
  });
});

describe("the kind a question asks for", () => {
  const kindOf = (question: string) => askedKind(parse(question, story));

  it("is the asked-for noun, or the noun after 'what type of'", () => {
    expect(kindOf("What instrument did Marta Lind play?")).toBe("instrument");
    expect(kindOf("What type of vegetable did the stalls sell?")).toBe("vegetable");
    expect(kindOf("What kind of music was played?")).toBe("music");
    expect(kindOf("What did Marta Lind play?")).toBeNull();
  });

  it("marks the candidates of that kind, and only those", () => {
    const { pool } = analyseQuestion(parse("What instrument did Marta Lind play?", story), story);
    const marked = pool.filter((p) => p.features[F.c_asked_kind] === 1).map((p) => p.c.text);
    expect(marked).toContain("cello");
    expect(marked).not.toContain("harbour hall");
    expect(marked).not.toContain("Marta Lind");
  });

  it("answers with the span of that kind", () => {
    expect(answer("What instrument did Marta Lind play?", story).answer).toBe("cello");
    expect(answer("Which vegetable did the stalls sell?", story).answer).toBe("broccoli");
  });
});
