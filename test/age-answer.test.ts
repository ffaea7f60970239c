/** "How old is Ilse Marten?": the age news writes beside a person's name (age-answer.ts). */
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";

const STORY = ingestText(
  [
    "Lighthouse keepers honoured",
    "KESSEL, May 4, 2023 (Coast Wire) - Lighthouse keeper Ilse Marten was just nine years old when she first climbed the Kessel light with her father.",
    "Six decades later, Marten, 71, has kept the light for longer than anyone, the harbour board said on Tuesday.",
    "Her deputy, Jonas Reul (48), and the board's chair, Petra Odin, aged 62, presented the award. The 55-year-old skipper Aron Velt sailed them out.",
    "The ferry captain Tomas Brink said the light had guided him for 30 years.",
  ].join("\n\n"),
  "keepers",
);

describe("how old a person is", () => {
  it("is the age set off by commas after the name, though the question names the person in full and the story then uses the surname", () => {
    const a = answer("How old is Ilse Marten?", STORY);
    expect(a.answer).toBe("71");
    expect(a.evidence).toContain("Marten, 71,");
    expect(a.paragraph).toBe(2);
  });

  it("is read from brackets, from 'aged' and from a year-old before the name and its role", () => {
    expect(answer("How old is Jonas Reul?", STORY).answer).toBe("48");
    expect(answer("How old is Petra Odin?", STORY).answer).toBe("62");
    expect(answer("How old is Aron Velt?", STORY).answer).toBe("55");
  });

  it("is left to the ranked answer when the question asks more than the age", () => {
    expect(answer("How old was Ilse Marten when she first climbed the light?", STORY).answer).not.toBe("71");
  });

  it("abstains when the story gives no age, though the ranker trusts another number (the years Brink's light guided him for)", () => {
    expect(answer("How old is Tomas Brink?", STORY).answer).toBeNull();
    expect(answer("How old is Tomas Brink?", STORY, { minConfidence: 0 }).answer).toBeNull();
  });

  it("keeps a ranked answer that is an age, in a form the rule does not read", () => {
    const turned = ingestText(["Keeper retires", "KESSEL, May 4, 2023 (Coast Wire) - Keeper Oda Lind, who turned 64 in March, retired on Tuesday after 40 years at the light."].join("\n\n"), "turned");
    expect(answer("How old is Oda Lind?", turned, { minConfidence: 0 }).answer).toBe("64");
  });
});
