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
