import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";

const names = (text: string) => ingestText(text, "t").entities.map((e) => e.name);

describe("names with particles, hyphens and possessives", () => {
  it("keeps a hyphenated particle inside a personal name", () => {
    expect(names("The regime was led by Hassan al-Turabi for a decade.")).toContain("Hassan al-Turabi");
  });

  it("keeps a plural possessive inside an organisation's name", () => {
    expect(names("The building housed the Polish United Workers' Party until 1990.")).toContain("Polish United Workers' Party");
  });

  it("does not strip a title word that is joined to a place name by a hyphen", () => {
    expect(names("The treaty of Saint-Clair-sur-Epte was signed in 911.")).toContain("Saint-Clair-sur-Epte");
  });
});

describe("date spans as answers", () => {
  const story = ingestText(
    "Attacks on teachers reached an all-time high between 2005 and 2010. Geegen was emperor from 1321 to 1323. Luther broadened his attacks in the summer of 1521.",
    "t",
  );

  it("keeps 'between … and …' whole", () => {
    expect(answer("When did attacks on teachers reach their highest?", story).answer).toBe("between 2005 and 2010");
  });

  it("joins a range of years", () => {
    expect(answer("When was Geegen emperor?", story).answer).toBe("from 1321 to 1323");
  });

  it("keeps a season with its year", () => {
    expect(answer("When did Luther broaden his attacks?", story).answer).toMatch(/^(?:the )?summer of 1521$/);
  });
});
