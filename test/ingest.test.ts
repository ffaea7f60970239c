import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";

const KH = readFileSync(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8");

describe("ingest of a pasted article", () => {
  const story = ingestText(KH, "kh");

  it("finds the title line and the dateline's place, date and source", () => {
    expect(story.title).toMatch(/^N\. Korea’s leader pays respect/);
    expect(story.place).toBe("Pyongyang");
    expect(story.published).toBe("2020-10-22");
    expect(story.source).toBe("The Korea Herald");
  });

  it("keeps photo credits, share buttons and promos out of the body", () => {
    expect(story.boilerplate).toHaveLength(3);
    const body = story.paragraphs.map((p) => p.text).join("\n");
    expect(body).not.toMatch(/Photo courtesy|Share it|Exclusive:/);
  });

  it("numbers body paragraphs from 1 as a reader counts them, without the dateline", () => {
    expect(story.paragraphs[0]!.number).toBe(1);
    expect(story.paragraphs[0]!.text).toMatch(/^North Korean leader Kim Jong-un visited/);
    expect(story.paragraphs).toHaveLength(17);
  });
});

describe("the byline", () => {
  const WILDFIRE = readFileSync(new URL("fixtures/engine/harrow-wildfire-2024-08-19.txt", import.meta.url), "utf8");

  it("names the writer and stays out of the paragraphs", () => {
    const story = ingestText(WILDFIRE, "w");
    expect(story.author).toBe("Priya Nandakumar");
    expect(story.byline).toBe("By Priya Nandakumar, Staff Writer");
    expect(story.paragraphs.map((p) => p.text).join("\n")).not.toMatch(/Nandakumar/);
    expect(story.paragraphs[0]!.text).toMatch(/^About 4,000 residents/);
  });

  it("takes several writers, gives way to front matter, and is not a sentence that opens with 'By'", () => {
    expect(ingestText("Title here\n\nBy Ana Ruiz and Tom Lee | Reuters\n\nThe council met on Monday.", "a").author).toBe("Ana Ruiz and Tom Lee");
    expect(ingestText("---\nauthor: Desk Editor\n---\nTitle here\n\nBy Ana Ruiz\n\nThe council met on Monday.", "b").author).toBe("Desk Editor");
    const sentence = ingestText("Title here\n\nBy Christmas Eve, the fire had burned 300 acres.\n\nIt is out now.", "c");
    expect(sentence.author).toBeNull();
    expect(sentence.paragraphs[0]!.text).toMatch(/^By Christmas Eve/);
    expect(ingestText(KH, "kh").author).toBeNull();
  });
});

describe("text copied out of a page's source", () => {
  it("reads its character references as the characters they stand for, and leaves a lone ampersand", () => {
    const story = ingestText("Kettle review\n\nThe kettle is &#34;whisper quiet&#34; and boils in 90&nbsp;seconds.\n\nAT&T and Q&amp;A sessions came with it &mdash; free.", "kettle");
    expect(story.paragraphs.map((p) => p.text)).toEqual(["The kettle is \"whisper quiet\" and boils in 90 seconds.", "AT&T and Q&A sessions came with it — free."]);
    expect(story.sentences.flatMap((s) => s.tokens.map((t) => t.text))).not.toContain("34");
  });
});
