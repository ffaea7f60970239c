import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateMiddle } from "../src/engine/language/date-order.js";
import { storyFacts, type NameFact } from "../src/engine/summary/facts.js";
import { ingestText } from "../src/engine/story/ingest.js";
import type { Story } from "../src/engine/types.js";
import { storybot } from "./helpers/storybot-cli.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const korea = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "korea");
const bridge = ingestText(read("./fixtures/ashford-bridge-2023-05-12.txt"), "bridge");

/** Each listed paragraph really names it, and it is counted once per mention. */
function expectWhereItAppears(story: Story, facts: NameFact[]): void {
  for (const f of facts) {
    const names = [f.name, ...f.aliases];
    for (const n of f.paragraphs) expect(names.some((name) => story.paragraphs[n - 1]!.text.includes(name)), `${f.name} in ¶${n}`).toBe(true);
    expect(f.count).toBeGreaterThanOrEqual(f.paragraphs.length);
  }
}

const byName = (facts: NameFact[] | undefined, name: string) => facts?.find((f) => f.name === name);

describe("facts of the default story", () => {
  const facts = storyFacts(korea);

  it("lists people with their descriptions and aliases, most mentioned first", () => {
    expect(byName(facts.people, "Kim Jong-un")).toMatchObject({ aliases: ["Kim"], descriptions: expect.arrayContaining(["North Korean leader"]) });
    expect(byName(facts.people, "Mao Anying")?.descriptions).toContain("eldest son of Mao Zedong");
    expect(byName(facts.people, "Xi Jinping")).toMatchObject({ aliases: ["Xi"], descriptions: ["Chinese President"], paragraphs: [11, 16] });
    expect(facts.people![0]!.name).toBe("Kim Jong-un");
    const counts = facts.people!.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("lists places and organisations, each with the paragraphs that name it", () => {
    expect(byName(facts.places, "Hoechang County")).toMatchObject({ aliases: ["Hoechang"], paragraphs: [2, 10] });
    expect(byName(facts.organisations, "Korean Central News Agency")?.aliases).toContain("KCNA");
    for (const list of [facts.people!, facts.places!, facts.organisations!]) expectWhereItAppears(korea, list);
  });

  it("lists each date once, chronologically, with the story's words for it", () => {
    const dates = facts.dates!;
    const middles = dates.map((d) => dateMiddle(d.date!));
    expect(middles).toEqual([...middles].sort((a, b) => a - b));
    expect(dates.find((d) => d.date === "2020-10-22")).toMatchObject({ texts: ["Thursday"], count: 2, paragraphs: [1, 2], relative: true });
    expect(dates.find((d) => d.date === "2020-10-19")).toMatchObject({ texts: ["Monday"], precision: "day" });
    expect(new Set(dates.map((d) => d.date)).size).toBe(dates.length);
  });

  it("gives only the kind asked for", () => {
    expect(Object.keys(storyFacts(korea, "places"))).toEqual(["story", "places"]);
    expect(Object.keys(storyFacts(korea, "dates"))).toEqual(["story", "dates"]);
  });
});

describe("facts of another article", () => {
  it("finds its people with titles and short names", () => {
    const facts = storyFacts(bridge);
    expect(byName(facts.people, "Dana Whitfield")).toMatchObject({ aliases: ["Whitfield"], descriptions: ["Mayor"], count: 2 });
    expect(byName(facts.people, "Ruth Adeyemi")?.aliases).toEqual(["Adeyemi"]);
    expect(facts.dates!.find((d) => d.texts.includes("two years ago"))).toMatchObject({ date: "2021", relative: true });
    expectWhereItAppears(bridge, facts.people!);
  });
});

describe("storybot facts and who", () => {
  const KOREA = ["--story", "data/stories/korea-herald-2020-10-22.txt"];

  it("facts --type people --json prints only people", () => {
    const run = storybot("facts", "--type", "people", "--json", ...KOREA);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    expect(Object.keys(out)).toEqual(["story", "people"]);
    expect(out.people.map((p: NameFact) => p.name)).toContain("Mao Anying");
  });

  it("who shows a profile for a misspelt name, and refuses a name the story lacks", () => {
    const out = JSON.parse(storybot("who", "mao zedung", "--json", ...KOREA).out);
    expect(out).toMatchObject({ name: "Mao Zedong", type: "person", descriptions: ["founder of communist China"], paragraphs: [3] });
    expect(out.sentences[0].paragraph).toBe(3);
    const refused = storybot("who", "Obama", ...KOREA);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/"Obama" is not in the story\. It names: Kim Jong-un/);
    expect(refused.out).toBe("");
  });
});
