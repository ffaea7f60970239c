/**
 * How a question is read before the story is searched: a rarer past form after "who" is its verb,
 * "where does X work?" may be answered by an employer, and "no group claimed it" names no one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { analyseQuestion, parse } from "../src/engine/answer/analysis.js";
import { kindFit } from "../src/engine/answer/signals.js";

const story = ingestText(
  [
    "Museum raid",
    "KESSEL, May 3 (Coast Wire) - Masked men looted the Kessel city museum on Friday, police said. No group claimed responsibility.",
    "“We lost our finest mosaics,” said the curator Lina Soto, who works at the Kessel Heritage Trust.",
    "Raiders loyal to a smuggling ring beheaded three marble statues, police chief Anna Berg said.",
  ].join("\n\n"),
  "museum",
);

const pool = (question: string) => analyseQuestion(parse(question, story), story).pool;

describe("reading a question", () => {
  it("takes a past form the tagger calls an adjective, right after 'who', as the verb asked about", () => {
    const q = parse("Who beheaded three statues?", story);
    expect(q.form).toBe("subject");
    expect(q.terms.find((t) => t.word === "beheaded")?.verb).toBe(true);
    expect(parse("Who colonized the island?", story).form).toBe("subject");
  });

  it("reads a capitalised word after a name's word as more of the name, not as the verb it spells", () => {
    const q = parse("When did Lina Parry die?", story);
    expect(q.terms.find((t) => t.word === "die")?.verb).toBe(true);
    expect(q.terms.find((t) => t.word === "parry")).toMatchObject({ verb: false, specific: true });
    // a verb after the name is still the verb
    expect(parse("When did Lina Soto parry the question?", story).terms.find((t) => t.word === "parry")?.verb).toBe(true);
  });

  it("reads a progressive after the question word as active, the question word its subject; a participle as passive", () => {
    expect(parse("What group is claiming the raid?", story).form).toBe("subject");
    expect(parse("Who was looting the museum?", story).form).toBe("subject");
    expect(parse("What was taken from the museum?", story).form).toBe("passive");
  });

  it("asks for a measure when it asks how tall, high, wide, deep, big or large, as for how long or far", () => {
    for (const q of ["How tall are the statues?", "How high is the museum's dome?", "How large was the ring?"]) expect(parse(q, story).expected).toEqual(["number"]);
    expect(parse("How did the raiders enter?", story).expected).toEqual(["clause"]);
  });

  it("names the company of a name with initials, not the person whose family name is inside it", () => {
    const halibut = ingestText(readFileSync(new URL("fixtures/engine/halibut-prices-2019-04-28.txt", import.meta.url), "utf8"), "halibut");
    const q = parse("Who is the president of Dana F. Varnell Company?", halibut);
    expect([...q.named]).toEqual(["Dana F. Varnell Company"]);
    expect(analyseQuestion(q, halibut).pool.some((p) => p.c.text === "Tyler Varnell")).toBe(true);
  });

  it("lets an organisation answer where someone works, and counts a preposition before its article", () => {
    const q = parse("Where does Lina Soto work?", story);
    expect(q.expected).toEqual(["place", "organisation"]);
    expect(parse("Where is the museum?", story).expected).toEqual(["place"]);
    const trust = pool("Where does Lina Soto work?").find((p) => p.c.text === "Kessel Heritage Trust");
    expect(trust).toBeDefined();
    expect(kindFit(q, trust!.c, trust!.evidence.sentence)).toBe(0.8);
    const where = parse("Where did the curator speak?", story);
    expect(kindFit(where, trust!.c, trust!.evidence.sentence)).toBe(0.35);
  });

  it("takes no phrase that 'no' opens as a candidate: it names nothing that did it", () => {
    const texts = pool("Who claimed responsibility?").map((p) => p.c.text);
    expect(texts).not.toContain("group");
    expect(texts).not.toContain("No group");
  });
});
