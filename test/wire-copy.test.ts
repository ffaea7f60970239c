/**
 * Wire and newspaper copy around a story's text, read by the general form of each convention:
 * photo captions and credits, reporting credits, "Updated" lines, datelines with and without the
 * year, share trailers (test/fixtures/wire: an invented wire story laid out as agencies file).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, ingestText, readHtml } from "../src/engine/index.js";
import { creditsOf, isCaption, isCredit, parseDateLine } from "../src/engine/story/wire-copy.js";

const QUAKE = readFileSync(new URL("fixtures/wire/valmora-quake.txt", import.meta.url), "utf8");
const KH = readFileSync(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8");

describe("a wire story with a caption above its dateline", () => {
  const story = ingestText(QUAKE, "quake");
  const body = story.paragraphs.map((p) => p.text).join("\n");

  it("starts ¶1 at the dateline paragraph, the dateline taken off", () => {
    expect(story.paragraphs[0]!.text).toMatch(/^A magnitude 6\.4 earthquake struck eastern Valmora on Tuesday/);
    expect(story.dateline).toBe("TESSARO, Valmora, March 7 (Reuters) -");
    expect(story.place).toBe("Tessaro, Valmora");
    expect(story.source).toBe("Reuters");
  });

  it("dates the story from its dateline, the year from the 'Updated' line", () => {
    expect(story.published).toBe("2023-03-07");
    expect(story.missing).toEqual([]);
    expect(story.dates.find((d) => d.text === "Tuesday")?.iso).toBe("2023-03-07");
  });

  it("keeps captions, the reporting credit, the date line and the share trailer out of the paragraphs", () => {
    expect(story.paragraphs).toHaveLength(7);
    for (const junk of ["Photo:", "(Reuters)", "Reporting by", "Editing by", "Updated March", "Share this article", "A woman carries"]) expect(body).not.toContain(junk);
    expect(story.boilerplate).toEqual(expect.arrayContaining([expect.stringMatching(/Photo: Ana Brill \/ Reuters$/), expect.stringMatching(/^\(Reporting by/), "Updated March 8, 2023, 6:45 AM GMT"]));
  });
});

describe("datelines", () => {
  const first = (text: string) => ingestText(`Headline of the story here\n\n${text}`, "d");

  it("reads 'CITY (AP) —', 'CITY, Mon D, YYYY, Source.' and 'CITY/CITY, Month D (Agency) -'", () => {
    const ap = first("NAIROBI, Kenya (AP) — Floods swept through the city on Monday, officials said.\n\nRoads were closed.");
    expect([ap.place, ap.source, ap.paragraphs[0]!.text]).toEqual(["Nairobi, Kenya", "AP", "Floods swept through the city on Monday, officials said."]);
    const kh = ingestText(KH, "kh");
    expect([kh.place, kh.published, kh.source, kh.dateline]).toEqual(["Pyongyang", "2020-10-22", "The Korea Herald", "PYONGYANG, Oct 22, 2020, The Korea Herald."]);
    const two = first("ISTANBUL/ANKARA, Feb 7 (Reuters) - Rescuers worked through the night, officials said.\n\n© 2023 Reuters");
    expect([two.place, two.published]).toEqual(["Istanbul/Ankara", "2023-02-07"]);
  });

  it("takes a missing year from the page's date, and from the year before across New Year", () => {
    const page = readHtml(`<html><head><meta property="article:published_time" content="2024-01-01T09:00:00Z"></head><body><h1>Fireworks ban</h1><p>OSLO, Dec. 31 (Wire) - The city banned fireworks on Sunday after a dry month, the mayor said.</p><p>Police will patrol the parks.</p></body></html>`);
    // the page's own date stays the story's date; the dateline's year is the one before it
    expect(page.published).toBe("2024-01-01");
    expect(ingestText("Ban\n\nUpdated Jan 1, 2024 9:00 AM\n\nOSLO, Dec. 31 (Wire) - The city banned fireworks, the mayor said.\n\nPolice will patrol.", "ny").published).toBe("2023-12-31");
  });

  it("says what is missing when nothing gives the year", () => {
    const story = first("TESSARO, Valmora, March 7 (Reuters) - A quake struck on Tuesday, officials said.\n\nIt was strong.");
    expect(story.published).toBeNull();
    expect(story.missing).toEqual(['no year for the dateline\'s date "March 7": add `published:` front matter']);
    expect(story.dates.find((d) => d.text === "Tuesday")?.iso).toBeNull();
    expect(ingestText("Headline of the story\n\nA quake struck on Tuesday, officials said.\n\nIt was strong.", "n").missing).toEqual(["no date found: add `published:` front matter"]);
  });

  it("does not take a sentence that opens with an upper-case word for a dateline below ¶1", () => {
    const story = first("The alliance met on Monday.\n\nNATO, the alliance said. Talks went on.\n\nMore talks are planned.");
    expect(story.paragraphs[0]!.text).toBe("The alliance met on Monday.");
    expect(story.dateline).toBeNull();
  });
});

describe("captions, credits and date lines, by their form", () => {
  it("knows a caption by its trailing photo credit or agency", () => {
    for (const caption of [
      "Rescue workers search the rubble in Antakya on Tuesday. Photo: Umit Bektas / Reuters",
      "Firefighters battle a blaze near Athens. (Reuters)",
      "President Lena Holt speaks in Denver on Friday. (AP Photo/Evan Vucci)",
      "Protesters march in Lyon. (Photo by Jean Roux/AFP via Getty Images)",
      "A flooded street in Porto Alegre. Photograph: Diego Vara/Reuters",
      "File photo: the plant's cooling towers",
    ]) expect(isCaption(caption), caption).toBe(true);
    for (const prose of [
      "The agency said the photo was taken on Monday.",
      "TESSARO, Valmora, March 7 (Reuters) - A quake struck, officials said.",
      "He joined the North Atlantic Treaty Organization (NATO).",
      "The quake hit at 3:12 a.m. (0112 GMT) near Brena.",
    ]) expect(isCaption(prose), prose).toBe(false);
  });

  it("knows reporting credits", () => {
    expect(isCredit("(Reporting by Ana Brill in Tessaro; Editing by Mark Oduya)")).toBe(true);
    expect(isCredit("Additional reporting by Jon Keller")).toBe(true);
    expect(isCredit("Associated Press writers Maria Lent and Joe Park contributed to this report.")).toBe(true);
    expect(isCredit("Reporting on the war has been difficult, editors said.")).toBe(false);
  });

  it("knows a line that only dates the article, and takes its date", () => {
    expect(parseDateLine("Updated March 8, 2023, 6:45 AM GMT")).toEqual({ date: "2023-03-08", year: 2023 });
    expect(parseDateLine("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm")).toEqual({ date: "2019-04-28", year: 2019 });
    expect(parseDateLine("Published 14 September 2023")).toEqual({ date: "2023-09-14", year: 2023 });
    expect(parseDateLine("On March 8, 2023 the city voted.")).toBeNull();
    expect(parseDateLine("Updated rules take effect in March")).toBeNull();
  });
});

describe("who the credit lines name", () => {
  it("reads reporters, contributors and editors off a credit line, and nothing off prose", () => {
    expect(creditsOf("(Reporting by Ana Brill in Tessaro; Additional reporting by Joe Park; Editing by Mark Oduya)")).toEqual({ reporting: ["Ana Brill", "Joe Park"], editing: ["Mark Oduya"] });
    expect(creditsOf("Associated Press writers Maria Lent and Joe Park contributed to this report.").reporting).toEqual(["Associated Press writers Maria Lent and Joe Park"]);
    expect(creditsOf("The council said reporting by the press had been fair.")).toEqual({ reporting: [], editing: [] });
  });

  it("answers who contributed to or edited the report from them, and says so when the story has none", () => {
    const story = ingestText(QUAKE, "quake");
    const edited = answer("Who edited this story?", story);
    expect(edited.answer).toBe("Mark Oduya");
    expect(edited.evidence).toMatch(/^\(Reporting by/);
    expect(answer("Who contributed to the article?", ingestText(KH, "kh")).answer).toBeNull();
  });
});
