/**
 * Follow-up questions read against the turn before them, by general rules: a pronoun takes the
 * previous answer if it is of the right kind, else what the previous question was about, else what
 * came up before; gender and "it" come from the story's own pronouns; with nothing that fits, the
 * bot asks back. Checked on a wire story of our own.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveFollowUp, type Context } from "../src/conversation/follow-up.js";
import { namedIn, peopleOf, referentOfAnswer, referentsOfQuestion, type Referent } from "../src/conversation/referents.js";
import { ingestText } from "../src/engine/index.js";

const WIRE = readFileSync(new URL("./fixtures/conversation/storvik-bridge-2024-03-14.txt", import.meta.url), "utf8");
const story = ingestText(WIRE, "storvik-bridge-2024-03-14");

/** The context a turn leaves, as the conversation builds it. */
function after(asked: string, answer: string | null, kind: string, earlier: Referent[] = []): Context {
  return { asked, answer, answerReferent: referentOfAnswer(story, answer, kind), subjects: referentsOfQuestion(story, asked), earlier, pending: null };
}

const asked = (question: string, context: Context | null) => {
  const r = resolveFollowUp(question, context, story);
  return r.kind === "rewritten" ? r.asked : r.kind;
};

describe("what a turn names", () => {
  it("types people by the story's own pronouns, and a 'person' the story calls it as an organisation", () => {
    const people = Object.fromEntries(peopleOf(story).map((p) => [p.name, p.gender]));
    expect(people).toMatchObject({ "Ingrid Halvorsen": "female", "Lars Moe": "male" });
    expect(namedIn(story, "Fjordbygg")).toEqual([{ name: "Fjordbygg", type: "organisation" }]);
  });

  it("finds the names of a question as written, and the noun phrases the story uses", () => {
    expect(referentsOfQuestion(story, "who designed the Storvik Bridge?").map((r) => r.name)).toEqual(["the Storvik Bridge"]);
    expect(referentsOfQuestion(story, "when will the repair work start?").map((r) => r.name)).toEqual(["the repair work"]);
    // words the story never uses are no referent
    expect(referentsOfQuestion(story, "when did the moon landing happen?")).toEqual([]);
  });
});

describe("a pronoun", () => {
  const designed = after("who designed the Storvik Bridge?", "Ingrid Halvorsen", "who");

  it("takes the previous answer when it is a person of the right gender", () => {
    expect(asked("when did she resign?", designed)).toBe("when did Ingrid Halvorsen resign?");
    expect(asked("what did her statement say?", designed)).toBe("what did Ingrid Halvorsen’s statement say?");
    expect(asked("who replaced her as engineer?", designed)).toBe("who replaced Ingrid Halvorsen as engineer?");
  });

  it("takes what the question was about when the answer is not of its kind", () => {
    expect(asked("where was it built?", designed)).toBe("where was the Storvik Bridge built?");
    const where = after("where was the Storvik Bridge built?", "Storvik Fjord", "where", [designed.answerReferent!]);
    // the bridge, not the fjord that answered where; but "there" is the fjord
    expect(asked("who built it?", where)).toBe("who built the Storvik Bridge?");
    expect(asked("what happened there?", where)).toBe("what happened in Storvik Fjord?");
  });

  it("reaches back to earlier turns, newest first", () => {
    const resigned = after("when did Ingrid Halvorsen resign?", "Tuesday", "when", [designed.answerReferent!, ...designed.subjects]);
    expect(asked("where was it built?", resigned)).toBe("where was the Storvik Bridge built?");
    expect(asked("why did she resign?", resigned)).toBe("why did Ingrid Halvorsen resign?");
  });

  it("of the other gender than every person in context is asked about, offering the story's people", () => {
    const r = resolveFollowUp("when will he start the repair work?", designed, story);
    expect(r).toEqual({ kind: "clarify", pronoun: "he", message: "Who do you mean by “he”? The story names Ingrid Halvorsen and Lars Moe." });
    expect(resolveFollowUp("when did he resign?", null, story)).toMatchObject({ kind: "clarify", pronoun: "he" });
    expect(resolveFollowUp("where was it built?", null, story)).toMatchObject({ kind: "clarify", message: "What do you mean by “it”? Ask again with its name." });
  });

  it("bound inside its own question is left alone", () => {
    expect(resolveFollowUp("who said she was proud of the bridge?", designed, story)).toEqual({ kind: "as-is" });
    expect(resolveFollowUp("when did Lars Moe say he would start?", designed, story)).toEqual({ kind: "as-is" });
    expect(resolveFollowUp("is there a ferry?", designed, story)).toEqual({ kind: "as-is" });
  });
});

describe("an elliptical question", () => {
  it("reuses the previous question", () => {
    const when = after("when was the Storvik Bridge built?", "between 2017 and 2021", "when");
    expect(asked("and where?", when)).toBe("where was the Storvik Bridge built?");
    expect(asked("what about the repair work?", after("when will the repair work start?", "May", "when"))).toBe("when will the repair work start?");
    const cost = after("how much will the repair work cost?", "about 120 million kroner", "how");
    expect(asked("and when?", cost)).toBe("when will the repair work cost?");
    expect(asked("and who?", after("who designed the Storvik Bridge?", "Ingrid Halvorsen", "who"))).toBe("who designed the Storvik Bridge?");
  });

  it("without a conversation is asked about", () => {
    expect(resolveFollowUp("and where?", null, story)).toMatchObject({ kind: "clarify" });
  });

  it("about the rest of a set the conversation never listed is asked back, not guessed", () => {
    const designed = after("who designed the Storvik Bridge?", "Ingrid Halvorsen", "who");
    expect(resolveFollowUp("what about the other two?", designed, story)).toEqual({ kind: "clarify", pronoun: "the other two", message: "Which ones do you mean by “the other two”? Ask again with their names." });
    expect(resolveFollowUp("and what about the others?", designed, story)).toMatchObject({ kind: "clarify" });
    // "the other bridge" names what it asks about: the previous question is reused for it
    expect(resolveFollowUp("what about the other bridge?", designed, story)).not.toMatchObject({ kind: "clarify" });
  });
});

describe("after a question back", () => {
  it("a message that only names someone answers it", () => {
    const back: Context = { ...after("who designed the Storvik Bridge?", "Ingrid Halvorsen", "who"), pending: { question: "when will he start the repair work?", pronoun: "he" } };
    expect(asked("Lars Moe", back)).toBe("when will Lars Moe start the repair work?");
    expect(asked("moe", back)).toBe("when will Lars Moe start the repair work?");
    // a new question is a new question
    expect(resolveFollowUp("who built the bridge?", back, story)).toEqual({ kind: "as-is" });
  });
});
