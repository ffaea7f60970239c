/** A Markdown article read through a real parser: front matter, headings, emphasis, links, images → clean text. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";

const MD = readFileSync(new URL("fixtures/markdown/tram-line-vote.md", import.meta.url), "utf8");

describe("a .md story", () => {
  const story = ingestText(MD, "tram", "tram-line-vote.md");
  const texts = story.paragraphs.map((p) => p.text);

  it("takes its metadata from the front matter and its headline from the first heading, without markup", () => {
    expect(story.title).toBe("Lindenfeld votes to build its first tram line since 1961");
    expect([story.source, story.published, story.author, story.place]).toEqual(["Lindenfeld Courier", "2021-11-04", "Hanna Vogt", "Lindenfeld"]);
    expect(story.missing).toEqual([]);
  });

  it("keeps a link's words and drops its address, emphasis markers, images, code, comments and raw HTML", () => {
    expect(texts[0]).toBe("The city council of Lindenfeld voted 31 to 12 on Wednesday to build a tram line from the central station to the Nordhafen docks, ending a debate that began in 2015.");
    const all = texts.join("\n");
    for (const markup of ["**", "_", "](", "https://", "![", "#", "```", "tram_km", "<!--", "editor:"]) expect(all).not.toContain(markup);
  });

  it("reads list items and quotes as paragraphs, and keeps the caption, the subhead and a link-only teaser out", () => {
    expect(texts).toContain("the depot at Nordhafen is built first;");
    expect(texts).toContain("the tracks on Hafenstrasse follow in 2024.");
    expect(texts[texts.length - 1]).toMatch(/^"We have waited sixty years for this," said Otto Brandl/);
    expect(texts).toHaveLength(6);
    expect(story.boilerplate).toEqual(["A test tram at the depot in Nordhafen. Photo: Jens Alt / Lindenfeld Courier", "What happens next", "Read more: Lindenfeld's last trams, 1961"]);
  });

  it("resolves the story's relative dates against its date", () => {
    expect(story.dates.find((d) => /Wednesday/.test(d.text))?.iso).toBe("2021-11-03");
  });

  it("without front matter, takes the headline from the heading and the date from the dateline", () => {
    const bare = ingestText("# Pier *reopens*\n\nOSLO, May 2, 2022 (Wire) — The pier reopened on **Monday**, the city said.\n\nIt had been [shut](http://x.example) for a year.", "p", "p.md");
    expect(bare.title).toBe("Pier reopens");
    expect(bare.published).toBe("2022-05-02");
    expect(bare.paragraphs.map((p) => p.text)).toEqual(["The pier reopened on Monday, the city said.", "It had been shut for a year."]);
  });

  it("is the same text, read as plain text, when named .txt", () => {
    expect(ingestText(MD, "tram", "tram.txt").paragraphs[0]!.text).toContain("**");
  });
});
