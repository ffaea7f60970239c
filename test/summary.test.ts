import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/story/ingest.js";
import { SHORT_MAX_CHARS, summarize, UnknownTopicError, type Summary } from "../src/engine/summary/summary.js";
import type { Story } from "../src/engine/types.js";
import { storybot } from "./helpers/storybot-cli.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const KOREA_TEXT = read("../data/stories/korea-herald-2020-10-22.txt");
const BRIDGE_TEXT = read("./fixtures/ashford-bridge-2023-05-12.txt");
const korea = ingestText(KOREA_TEXT, "korea");
const bridge = ingestText(BRIDGE_TEXT, "bridge");

/** A resolved date is added as " (19 Oct 2020)", " (2021)"; without it the text is the story's own sentence. */
const withoutGlosses = (text: string) => text.replace(/ \((?:\d{1,2} )?(?:[A-Z][a-z]{2} )?\d{2,4}\)/g, "");

function expectFaithful(s: Summary, story: Story, max: number): void {
  expect(s.sentences.length).toBeGreaterThan(0);
  expect(s.sentences.length).toBeLessThanOrEqual(max);
  const ids = s.sentences.map((x) => x.sentence);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
  for (const x of s.sentences) {
    const original = story.sentences[x.sentence]!;
    expect(withoutGlosses(x.text)).toBe(original.text);
    expect(x.paragraph).toBe(original.paragraph);
    for (const line of story.boilerplate) expect(x.text).not.toContain(line);
  }
}

describe("summaries of the default story", () => {
  const short = summarize(korea, { length: "short" });
  const medium = summarize(korea, { length: "medium" });
  const long = summarize(korea, { length: "long" });

  it("are whole sentences of the story, in story order, without duplicates or boilerplate, each with its ¶", () => {
    expectFaithful(short, korea, 2);
    expectFaithful(medium, korea, 5);
    expectFaithful(long, korea, 10);
    const all = [short, medium, long].flatMap((s) => s.sentences.map((x) => x.text)).join("\n");
    expect(all).not.toMatch(/Share it|Photo courtesy|Exclusive:/);
  });

  it("short: the lead, the dateline paragraph's first sentence, naming who did what and when", () => {
    const text = short.sentences.map((x) => x.text).join(" ");
    expect(text.length).toBeLessThanOrEqual(SHORT_MAX_CHARS);
    expect(short.sentences.map((x) => x.sentence)).toEqual([korea.paragraphs[0]!.sentenceIds[0]]);
    expect(text).toMatch(/^North Korean leader Kim Jong-un visited the graves of Chinese soldiers/);
  });

  it("medium and long open with the lead and add the story's other sides, Mao Anying and Xi Jinping's flowers", () => {
    for (const s of [medium, long]) expect(s.sentences.slice(0, short.sentences.length).map((x) => x.sentence)).toEqual(short.sentences.map((x) => x.sentence));
    expect(medium.sentences.some((x) => x.text.includes("Mao Anying"))).toBe(true);
    expect(long.sentences.some((x) => x.text.includes("Xi Jinping") && x.text.includes("flowers"))).toBe(true);
    expect(medium.sentences.some((x) => x.paragraph > 5)).toBe(true);
  });

  it("long has more than medium and keeps what medium chose first", () => {
    expect(long.sentences.length).toBeGreaterThan(medium.sentences.length);
    expect(long.sentences.map((x) => x.sentence)).toEqual(expect.arrayContaining(short.sentences.map((x) => x.sentence)));
  });

  it("shows relative dates resolved against the dateline", () => {
    expect(short.sentences[0]!.text).toContain("on Thursday (22 Oct 2020)");
    const xi = summarize(korea, { length: "medium", about: "Xi Jinping" });
    expect(xi.sentences.map((x) => x.text).join(" ")).toContain("On Monday (19 Oct 2020), Xi stressed");
  });
});

describe("about: a person, place or topic", () => {
  it("keeps to what the story says of Xi Jinping (his name, or 'he' right after it), whatever the spelling", () => {
    for (const asked of ["Xi Jinping", "xi jinpin", "Xi"]) {
      const s = summarize(korea, { length: "long", about: asked });
      expect(s.about).toBe("Xi Jinping");
      expectFaithful(s, korea, 10);
      expect(s.sentences.map((x) => x.paragraph)).toEqual([11, 16, 17]);
      expect(s.sentences.every((x) => /\bXi\b|\bhe\b/.test(x.text))).toBe(true);
    }
  });

  it("focuses on a place and on a topic word", () => {
    const hoechang = summarize(korea, { length: "medium", about: "Hoechang" });
    expect(hoechang.sentences.every((x) => x.text.includes("Hoechang"))).toBe(true);
    const flowers = summarize(korea, { length: "medium", about: "flowers" });
    expect(flowers.sentences.length).toBeGreaterThan(0);
    expect(flowers.sentences.every((x) => /flower/i.test(x.text))).toBe(true);
    // an ordinary word the story uses is a topic, even when a name contains it ("Korean War")
    const war = summarize(korea, { length: "long", about: "war" });
    expect(war.about).toBe("war");
    expect(war.sentences.map((x) => x.paragraph)).toContain(9);
  });

  it("says when a topic is not in the story and offers the closest names", () => {
    const refusal = (about: string): UnknownTopicError | null => {
      try {
        summarize(korea, { about });
        return null;
      } catch (err) {
        return err instanceof UnknownTopicError ? err : null;
      }
    };
    // a misspelt name the story has is found, not refused
    expect(refusal("Beijin")).toBeNull();
    for (const missing of ["Seoul", "Obama"]) {
      const err = refusal(missing);
      expect(err?.message).toMatch(new RegExp(`"${missing}" is not in the story`));
      expect(err?.suggestions.length).toBeGreaterThan(0);
      for (const name of err!.suggestions) expect(korea.entities.some((e) => e.name === name)).toBe(true);
    }
    expect(refusal("Seoul")!.suggestions).toContain("South Korea");
  });
});

describe("about: whatever is typed", () => {
  it("gives a faithful summary or a refusal with names, never another error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("Kim", "  ", "the", "’s", "COVID-19")), (about) => {
        try {
          expectFaithful(summarize(korea, { length: "medium", about }), korea, 5);
        } catch (err) {
          expect(err).toBeInstanceOf(UnknownTopicError);
          expect((err as UnknownTopicError).suggestions.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("summaries of another article", () => {
  it("take the lead of a local news story and keep its boilerplate out", () => {
    const short = summarize(bridge, { length: "short" });
    expectFaithful(short, bridge, 2);
    expect(short.sentences[0]!.paragraph).toBe(1);
    expect(short.sentences[0]!.text).toContain("reopened the Miller Creek Covered Bridge to traffic on Thursday (11 May 2023)");
    const long = summarize(bridge, { length: "long" });
    expectFaithful(long, bridge, 10);
    expect(long.sentences.map((x) => x.text).join("\n")).not.toMatch(/Sign up|Share this story|Advertisement|Photo by/);
  });

  it("hold their promises on any selection of paragraphs from the two articles", () => {
    const paragraphs = [...korea.paragraphs, ...bridge.paragraphs].map((p) => p.text);
    fc.assert(
      fc.property(fc.subarray(paragraphs, { minLength: 1, maxLength: 8 }), fc.constantFrom("short", "medium", "long" as const), (picked, length) => {
        const story = ingestText(["A made-up story", ...picked, "Share this story"].join("\n\n"), "mix");
        const s = summarize(story, { length });
        expectFaithful(s, story, { short: 2, medium: 5, long: 10 }[length]);
        const fits = story.sentences.some((x) => x.paragraph <= 2 && x.text.length <= SHORT_MAX_CHARS);
        if (length === "short" && fits) expect(s.sentences.reduce((n, x) => n + x.text.length + 1, -1)).toBeLessThanOrEqual(SHORT_MAX_CHARS);
      }),
      { numRuns: 15 },
    );
  });
});

describe("storybot summary", () => {
  it("prints the documented JSON shape", () => {
    const run = storybot("summary", "--length", "medium", "--about", "Xi Jinping", "--story", "data/stories/korea-herald-2020-10-22.txt", "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    expect(Object.keys(out)).toEqual(["story", "length", "about", "sentences"]);
    expect(out.length).toBe("medium");
    expect(out.about).toBe("Xi Jinping");
    for (const s of out.sentences) expect(Object.keys(s)).toEqual(["text", "paragraph"]);
  });

  it("refuses an unknown topic or length with a message and exit code 2, printing nothing", () => {
    for (const [args, message] of [
      [["--about", "Obama"], /"Obama" is not in the story/],
      [["--length", "huge"], /argument 'huge' is invalid/],
    ] as const) {
      const run = storybot("summary", ...args, "--story", "test/fixtures/ashford-bridge-2023-05-12.txt");
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.out).toBe("");
    }
  });
});
