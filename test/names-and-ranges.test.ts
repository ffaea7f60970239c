import { describe, expect, it } from "vitest";
import { answer, ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";

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

describe("places", () => {
  it("keep a run of name particles ('Millingen aan de Rijn')", () => {
    expect(names("The delta begins near Millingen aan de Rijn, close to the border.")).toContain("Millingen aan de Rijn");
  });

  it("keep the direction written before them", () => {
    const story = ingestText("After the raid, the monks fled to southern Italy, where they founded a new abbey.", "t");
    expect(answer("Where did the monks flee to?", story).answer).toBe("southern Italy");
  });

  it("are asked for with 'located' without that verb having to appear in the story", () => {
    const story = ingestText("In the Saxon Garden, the Summer Theatre was in operation from 1870 to 1939.", "t");
    expect(answer("Where was the Summer Theatre located?", story).answer).toMatch(/^(?:the )?Saxon Garden$/);
  });
});

describe("times chrono does not read", () => {
  const story = ingestText("The extinction event came 66 million years ago. Rome was founded in 753 BC. The glacial ended 11,600 BP.", "t");

  it("are date mentions", () => {
    expect(story.dates.map((d) => d.text)).toEqual(["66 million years ago", "753 BC", "11,600 BP"]);
  });

  it("answer when-questions", () => {
    expect(answer("When did the extinction event come?", story).answer).toBe("66 million years ago");
    expect(answer("When was Rome founded?", story).answer).toBe("753 BC");
  });
});

describe("question wording", () => {
  const story = ingestText(
    "The war began in June 1950, and unofficially ended in an armistice in July 1953. Later, the leader sent flowers to the cemetery.",
    "t",
  );

  it("takes a misspelt question word when only one fits", () => {
    expect(answer("wen did the war begin", story).answer).toBe("June 1950");
  });

  it("reads 'hwo', one swap from both who and how, by the word after it", () => {
    expect(answer("hwo sent flowers to the cemetery", story)).toMatchObject({ kind: "who", answer: expect.stringMatching(/leader/) });
    expect(answer("hwo many armistices ended the war?", story).kind).toBe("how");
    // "did" could follow either: no guess
    expect(answer("hwo did the war end?", story).kind).toBe("other");
  });

  it("finds the verb of 'when did the war end' although it is tagged as a noun", () => {
    expect(answer("When did the war end?", story).answer).toBe("July 1953");
  });
});

describe("who-questions and names that are not people", () => {
  const story = ingestText(
    "Earl Ralph was at war with the Welsh in 1055. Bohemond, the son of Robert, joined the First Crusade. Before the Normans, the Anglo-Saxons ruled England.",
    "t",
  );

  it("take a people as an answer", () => {
    expect(answer("Who was Ralph at war with?", story).answer).toMatch(/Welsh/);
  });

  it("do not take an event as an answer", () => {
    expect(answer("Who joined the First Crusade?", story).answer).toBe("Bohemond");
  });
});

describe("roles", () => {
  // learned-model defect: "England" for who replaced the Anglo-Saxons (the Normans), and an answer
  // ("Anglo-Saxons") where the question's own name does the deed
  it.fails("abstain when the question's own name does the deed in the story ('who replaced the Normans?')", () => {
    const story = ingestText("The invading Normans and their descendants replaced the Anglo-Saxons as the ruling class of England.", "t");
    expect(answer("Who replaced the Anglo-Saxons as the ruling class?", story).answer).toBe("Normans");
    expect(answer("Who replaced the Normans as the ruling class?", story).answer).toBeNull();
  });
});

describe("lists as answers", () => {
  const story = ingestText(
    [
      "Harbour talks",
      "The talks brought together the port's security adviser, Ana Brill, Jon Keller, who advises Mayor Ilse Brandt on shipping, and the pilots' chief Rui Lenz.",
      "On Monday, Gus Grissom, Ed White and Roger Chaffee flew the first test.",
    ].join("\n\n"),
    "harbour",
  );

  const pool = (question: string) => analyseQuestion(parse(question, story), story).pool.map((p) => p.c.text);

  it("joins names that an 'and' closes, and not a name to the next one set off by commas", () => {
    expect(pool("Who advises Ilse Brandt?")).not.toContain("Ana Brill, Jon Keller");
    expect(pool("Who flew the first test?")).toContain("Gus Grissom, Ed White and Roger Chaffee");
    expect(answer("Who flew the first test?", story).answer).toBe("Gus Grissom, Ed White and Roger Chaffee");
  });
});
