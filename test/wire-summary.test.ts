/**
 * Summaries and timeline of a wire story (test/fixtures/wire: an invented agency story with a
 * caption above its dateline, a reporting credit, a date line and a share trailer).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText, summarize, timeline, SUMMARY_LENGTHS, type Story } from "../src/engine/index.js";
import { pronounSubject } from "../src/engine/summary/reference.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const quake = ingestText(read("fixtures/wire/valmora-quake.txt"), "quake");
const korea = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "korea");
const bridge = ingestText(read("fixtures/ashford-bridge-2023-05-12.txt"), "bridge");
/** every line of the wire story that is not its text */
const NOT_TEXT = /Photo:|\(Reuters\)|Reporting by|Editing by|Updated March|Share this|Facebook|WhatsApp|A woman carries|Reuters\) -/;

/** A later toll: the lead says what happened, the seventh paragraph how many died. */
const FLOOD = `Floods cut off Marrow valley towns

Updated June 3, 2024

BELLMOUTH, Arden, June 2 (Reuters) - Floodwaters swept through towns in the Marrow valley on Sunday after four days of heavy rain, the regional government said.

Water levels on the Marrow river rose faster than forecast overnight, officials at the river authority said.

Army trucks carried drinking water to villages on the eastern bank, where roads were under water.

Helicopters from the coast guard flew over the valley through the night, looking for people stranded on rooftops.

Farmers in the upper valley said their fields had been under water since Friday.

Rail services between Bellmouth and the coast were suspended, the rail operator said.

At least 12 people were killed and about 3,000 were evacuated from their homes, the interior ministry said.

The regional governor, Ilse Marten, asked for patience. She said that the river would not fall before Wednesday.

Schools across the valley were closed.

(Reporting by Tom Reyes; Editing by Jan Kloss)`;

describe("summaries of a wire story", () => {
  const short = summarize(quake, { length: "short" });
  const medium = summarize(quake, { length: "medium" });

  it("short is the lead: the dateline paragraph's first sentence", () => {
    expect(short.sentences.map((s) => s.sentence)).toEqual([0]);
    expect(short.sentences[0]!.paragraph).toBe(1);
    expect(short.sentences[0]!.text).toMatch(/^A magnitude 6\.4 earthquake struck eastern Valmora on Tuesday \(7 Mar 2023\), killing at least 41 people/);
  });

  it("medium opens with the lead and names the toll, also when the lead does not", () => {
    expect(medium.sentences[0]!.sentence).toBe(0);
    expect(medium.sentences.map((s) => s.text).join(" ")).toMatch(/killing at least 41 people/);
    const flood = ingestText(FLOOD, "flood");
    const floodMedium = summarize(flood, { length: "medium" });
    expect(summarize(flood, { length: "short" }).sentences[0]!.text).toMatch(/^Floodwaters swept through towns in the Marrow valley on Sunday/);
    expect(floodMedium.sentences.map((s) => s.text)).toContain("At least 12 people were killed and about 3,000 were evacuated from their homes, the interior ministry said.");
  });

  it("never shows a caption, credit, date line or share line, in any summary or the timeline", () => {
    const texts = [...SUMMARY_LENGTHS.flatMap((length) => summarize(quake, { length }).sentences.map((s) => s.text)), ...timeline(quake).events.map((e) => e.text), ...quake.paragraphs.map((p) => p.text)];
    for (const text of texts) expect(text).not.toMatch(NOT_TEXT);
  });
});

/** "He said …" right after the sentence naming him, which says little else. */
const FIRE = `Chemical plant fire contained in Dunmore

DUNMORE, Ohio (AP) — A fire at the Arlen chemical plant in Dunmore forced hundreds of residents from their homes on Sunday, county officials said.

Fire chief Ray Kessler spoke to reporters briefly.

He said the blaze at the Arlen chemical plant in Dunmore had been contained on Monday after 300 firefighters fought the fire at the plant through the night.

Residents were told to keep windows closed.

The Arlen plant makes solvents and employs 400 people in Dunmore.

The state environmental agency sent inspectors to test the air around the plant.

A school near the plant was closed.`;

describe("a sentence whose subject is a pronoun", () => {
  function expectAntecedents(story: Story): void {
    for (const length of SUMMARY_LENGTHS) {
      const chosen = summarize(story, { length }).sentences.map((s) => s.sentence);
      for (const id of chosen) {
        if (pronounSubject(story.sentences[id]!) === null) continue;
        // the sentence naming whom the pronoun means is chosen too, before it
        expect(chosen.some((other) => other < id && id - other <= 3), `${story.id} ${length}: ${story.sentences[id]!.text}`).toBe(true);
      }
    }
  }

  it("comes with the sentence that names its referent, or is not chosen", () => {
    for (const story of [quake, korea, bridge, ingestText(FLOOD, "flood"), ingestText(FIRE, "fire")]) expectAntecedents(story);
    // focused on "plant", the sentence naming the fire chief is not among the candidates: neither is "He said …"
    const plant = summarize(ingestText(FIRE, "fire"), { length: "long", about: "plant" }).sentences.map((s) => s.text);
    expect(plant.length).toBeGreaterThan(2);
    expect(plant.some((t) => t.startsWith("He said"))).toBe(false);
    const long = summarize(quake, { length: "long" }).sentences.map((s) => s.text);
    const she = long.findIndex((t) => t.startsWith("She said on Tuesday"));
    if (she >= 0) expect(long[she - 1]).toMatch(/^Interior Minister Lucia Ferrand said/);
  });

  it("is found at the start of a sentence and as the speaker of a quote", () => {
    const subject = (text: string) => pronounSubject(ingestText(`A headline here\n\n${text}`, "p").sentences[0]!);
    expect(subject("He went on to praise the crew.")).not.toBeNull();
    expect(subject("“The victory was ours,” he said during a visit to the museum.")).not.toBeNull();
    expect(subject("The mayor said he would resign.")).toBeNull();
  });
});

describe("the timeline of a wire story", () => {
  const t = timeline(quake);
  const on = (date: string) => t.events.filter((e) => e.date === date).map((e) => e.text);

  it("dates the main events from the dateline, its year from the date line", () => {
    expect(on("2023-03-07")).toContain("A magnitude 6.4 earthquake struck eastern Valmora");
    expect(on("2023-03-08")).toContain("The government declared three days of national mourning");
    expect(t.undated).toEqual([]);
  });

  it("dates an earlier disaster the story recalls as what it is", () => {
    const recalled = t.events.find((e) => e.date === "1998")!;
    expect(recalled.text).toMatch(/^A 1998 earthquake killed more than 2,000 people/);
    expect(recalled.text).not.toMatch(/deadliest quake/);
  });

  it("takes a date out with its preposition and article", () => {
    const story = ingestText("Sanctions\n\nKHARTOUM, Jan 13, 2017 (Wire) — For the first time since the 1990s the country will be able to trade freely, officials said.\n\nMore.", "s");
    expect(timeline(story).events.map((e) => e.text)).toContain("For the first time the country will be able to trade freely");
    const more = ingestText("Sanctions\n\nKHARTOUM, Jan 13, 2017 (Wire) — Just last week, soldiers killed 10 civilians in Darfur, officials said. The last major attack on the city was in 2002, when rebels shelled it.\n\nMore.", "m");
    const texts = timeline(more).events.map((e) => e.text);
    expect(texts).toContain("Soldiers killed 10 civilians in Darfur");
    // a copula left alone would say nothing: the date stays
    expect(texts).toContain("The last major attack on the city was in 2002");
  });

  it("names the person a pronoun stands for, and carries no dateline debris", () => {
    expect(on("2023-03-07")).toContain("Lucia Ferrand said that rescuers had pulled 58 people alive from the rubble overnight");
    for (const e of t.events) expect(e.text).not.toMatch(/\)\s*-|\(Reuters|^She\b|^He\b/);
  });
});
