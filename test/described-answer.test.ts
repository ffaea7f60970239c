/**
 * "Who is the president?" of a story that writes "President Ana Ruiz": the name the story gives
 * that role, read off its titles and appositives, not ranked among the sentence's other names.
 */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";
import { parse } from "../src/engine/answer/analysis.js";
import { describedAnswer } from "../src/engine/answer/described-answer.js";
import { isDoerNounOf } from "../src/engine/language/wordnet.js";

const story = ingestText(
  [
    "Port talks stall as unions walk out",
    "MARLOW, Calveria, June 9 (Harbour Wire) - Talks over the future of the port of Marlow stalled on Monday after the dockers' union walked out, Mayor Ilse Brandt said.",
    "Chilean President Ana Ruiz, who visited the port last year, said her government would follow the talks closely.",
    "Labour leader Mira Holt said the Labour Party would back the dockers.",
    "The union's chief negotiator, Pavel Dorn, said the offer was too low.",
    "Professor Hana Lind and Professor Odo Varga wrote the report on the port's finances.",
    "The offer was drawn up by the port's chairman, Ivo Lenz.",
  ].join("\n\n"),
  "port-talks",
);

const ask = (question: string) => answer(question, story);
const byRule = (question: string) => describedAnswer(parse(question, story), story);

describe("who holds a role the story names", () => {
  it("answers with the name a title introduces", () => {
    const a = ask("Who is the mayor?");
    expect(a.answer).toBe("Ilse Brandt");
    expect(a.evidence).toContain("Mayor Ilse Brandt");
  });

  it("answers with the name an appositive describes", () => {
    expect(ask("Who was the union's chief negotiator?").answer).toBe("Pavel Dorn");
  });

  it("answers with the name a role set off before it describes", () => {
    expect(ask("Who is the port's chairman?").answer).toBe("Ivo Lenz");
    expect(ask("Who is Ivo Lenz?").answer).toBe("port's chairman");
  });

  it("reads a country for its nationality word, and the dateline's place as the story's own", () => {
    expect(byRule("Who is the president of Chile?")?.answer).toBe("Ana Ruiz");
    expect(byRule("Who is the mayor of Marlow?")?.answer).toBe("Ilse Brandt");
  });

  it("reads a role held by a kind of it, as WordNet files them", () => {
    expect(byRule("Who is the leader of Chile?")?.answer).toBe("Ana Ruiz");
  });

  it("reads a noun for the doer of the question's verb", () => {
    expect(isDoerNounOf("leader", "lead")).toBe(true);
    expect(isDoerNounOf("leader", "visit")).toBe(false);
    expect(byRule("Who leads the Labour Party?")?.answer).toBe("Mira Holt");
  });

  it("leaves a question with a word no description holds to the ranked answer", () => {
    expect(byRule("Who is the president of France?")).toBeNull();
    expect(byRule("Who was the first mayor?")).toBeNull();
  });

  it("leaves it to the ranked answer when two names fit alike", () => {
    expect(byRule("Who is the professor?")).toBeNull();
  });

  it("reads a role a possessive name opens, and not for a longer name that shares its word", () => {
    const sudan = ingestText(
      ["Sanctions eased", "KHARTOUM, Jan 13 (Nile Wire) - Charges were brought against Sudan’s president, Omar Hassan al-Bashir, in 2009. South Sudan became independent in 2011."].join("\n\n"),
      "sanctions",
    );
    expect(describedAnswer(parse("Who is Sudan's president?", sudan), sudan)?.answer).toBe("Omar Hassan al-Bashir");
    expect(describedAnswer(parse("Who is the president of South Sudan?", sudan), sudan)).toBeNull();
  });
});
