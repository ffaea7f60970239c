import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";

const KH = ingestText(readFileSync(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8"), "kh");
const PORT = ingestText(
  `Harbour board backs new ferry terminal

DUNMORE, March 3, 2022 — The Dunmore Harbour Board approved a new ferry terminal on Tuesday, its chair Aoife Brennan said.

Brennan, a former ship's engineer, said the terminal would open in 2024. The board's plan was opposed by Liam Ortega.`,
  "port",
);

describe("questions that only name an entity", () => {
  it("answer with the story's description of that person, citing the sentence it comes from", () => {
    const a = answer("Who is Mao Anying?", KH);
    expect(a.answer).toBe("eldest son of Mao Zedong");
    expect(a.evidence).toContain("Mao Anying, the eldest son of Mao Zedong");
    expect(a.paragraph).toBe(3);
    expect(answer("Who was Mao Zedong?", KH).answer).toBe("founder of communist China");
  });

  it("answer for the full name asked, though the story also writes a surname two people share", () => {
    const pilots = ingestText(
      "Harbour pilots\n\nThe veteran pilot Ana Ferreira was ten when she first boarded a ship.\n\nHer son, Rui Ferreira, now steers the tugs beside her.\n\n“The port is busier than ever,” says Ferreira.",
      "pilots",
    );
    expect(answer("Who is Ana Ferreira?", pilots).answer).toBe("veteran pilot");
    expect(answer("Who is Rui Ferreira?", pilots).answer).toBe("son");
  });

  it("take a title before the name as the description", () => {
    expect(answer("Who is Xi Jinping?", KH).answer).toBe("Chinese President");
  });

  it("spell out a short form the article pairs with a full name", () => {
    expect(answer("What is KCNA?", KH).answer).toBe("Korean Central News Agency");
  });

  it("work the same on another article", () => {
    expect(answer("Who is Aoife Brennan?", PORT).answer).toMatch(/former ship's engineer|chair/);
  });

  it("abstain, citing where the name appears, when the story never says who it is", () => {
    const a = answer("Who is Liam Ortega?", PORT);
    expect(a.answer).toBeNull();
    expect(a.evidence).toContain("Liam Ortega");
  });
});

describe("a description in the evidence standing for a name", () => {
  it("answers 'which <noun>' with the nearest earlier name headed by that noun, cited where it stands", () => {
    const story = ingestText(
      `LISBURN, May 2, 2023 — The Lisburn Heritage Trust bought the old mill on Monday.\n\nLocal builders praised the buyer, calling the charity a guardian of the town's past.`,
      "mill",
    );
    const a = answer("Which trust is the guardian of the town's past?", story);
    expect(a.answer).toBe("Lisburn Heritage Trust");
    expect(a.evidence).toContain("The Lisburn Heritage Trust bought the old mill");
  });
});
