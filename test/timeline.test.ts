import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dateMiddle } from "../src/engine/language/date-order.js";
import { ingestText } from "../src/engine/story/ingest.js";
import { timeline, type Timeline } from "../src/engine/summary/timeline.js";
import type { Story } from "../src/engine/types.js";
import { storybot } from "./helpers/storybot-cli.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const korea = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "korea");
const bridge = ingestText(read("./fixtures/ashford-bridge-2023-05-12.txt"), "bridge");

function expectSorted(t: Timeline): void {
  const middles = t.events.map((e) => dateMiddle(e.date));
  expect(middles).toEqual([...middles].sort((a, b) => a - b));
}

/** Every date shown is one the story gives (resolved), or a span between two such dates: nothing invented. */
function expectDatesFromStory(t: Timeline, story: Story): void {
  const given = new Set(story.dates.map((d) => d.iso).filter(Boolean));
  for (const e of t.events) for (const part of e.date.split("/")) expect(given).toContain(part);
}

function event(t: Timeline, date: string, text: RegExp) {
  return t.events.find((e) => e.date === date && text.test(e.text));
}

describe("timeline of the default story", () => {
  const t = timeline(korea);

  it("is in chronological order and shows only dates the story gives", () => {
    expectSorted(t);
    expectDatesFromStory(t, korea);
    for (const e of t.events) expect(["day", "month", "year", "approximate"]).toContain(e.precision);
  });

  it("holds the eight dated events with the right years and paragraphs", () => {
    const expected: [string, RegExp, number][] = [
      ["1950-06", /war began/i, 9],
      ["1953-07", /ended in an armistice/, 9],
      ["2012", /remodeled the cemetery/, 10],
      ["2013", /visited the Chinese soldiers’ cemetery/, 12],
      ["2018", /visited the Chinese soldiers’ cemetery/, 12],
      ["2015-07", /sent a wreath/, 13],
      ["2020-10-19", /^Xi stressed/, 16],
      ["2020-10-22", /said .*Kim Jong-un visited/, 1],
    ];
    for (const [date, text, paragraph] of expected) {
      const e = event(t, date, text);
      expect(e, `${date} ${text}`).toBeDefined();
      expect(e!.paragraph).toBe(paragraph);
    }
  });

  it("makes two events of two coordinated dates, each with its own anniversary", () => {
    expect(event(t, "2013", /60th anniversary/)).toBeDefined();
    expect(event(t, "2018", /65th anniversary/)).toBeDefined();
    expect(t.events.filter((e) => e.paragraph === 12)).toHaveLength(2);
  });

  it("names each event by its clause, without the date words", () => {
    expect(event(t, "1953-07", /^The war unofficially ended in an armistice$/)).toBeDefined();
    expect(event(t, "1950", /^Chinese soldiers joined the Korean War$/)).toBeDefined();
    expect(event(t, "2015-07", /^Kim sent a wreath to the cemetery$/)).toBeDefined();
    for (const e of t.events) if (e.precision !== "approximate") expect(e.text).not.toContain(e.when);
  });

  it("places 'during the war' between the war's dated start and end, and lists a date it cannot place apart", () => {
    const died = t.events.find((e) => /Mao Anying died during the war/.test(e.text));
    expect(died).toMatchObject({ date: "1950-06/1953-07", precision: "approximate", paragraph: 4 });
    const order = t.events.map((e) => e.text);
    expect(order.indexOf(died!.text)).toBeGreaterThan(order.findIndex((x) => /war began/.test(x)));
    expect(order.indexOf(died!.text)).toBeLessThan(order.findIndex((x) => /ended in an armistice/.test(x)));
    expect(t.undated).toEqual([expect.objectContaining({ when: "on the day of Kim’s visit", paragraph: 11 })]);
  });
});

describe("timeline of other articles", () => {
  const t = timeline(bridge);

  it("resolves relative dates against their own dateline and keeps every dated event", () => {
    expectSorted(t);
    expectDatesFromStory(t, bridge);
    expect(event(t, "2023-05-11", /reopened the Miller Creek Covered Bridge/)).toBeDefined();
    expect(event(t, "2021", /^A campaign launched$/)).toBeDefined();
    expect(event(t, "1871", /^The bridge was built by the Hartwell Brothers Company$/)).toBeDefined();
    expect(event(t, "2011-08", /tore away its eastern abutment/)).toBeDefined();
    expect(event(t, "2016", /^State inspectors closed the bridge to trucks$/)).toBeDefined();
    expect(event(t, "2017", /voted to restore the bridge/)).toBeDefined();
    expect(event(t, "2019", /voted to restore the bridge/)).toBeDefined();
  });

  it("lists a vague date with no dated event to place it apart, never inventing one", () => {
    expect(t.undated).toEqual([expect.objectContaining({ when: "during the pandemic", paragraph: 6 })]);
    expect(t.events.some((e) => /pandemic/.test(e.text))).toBe(false);
  });

  it("dates the clause after an opening phrase of adjuncts, and no event for a verbless aside", () => {
    const story = ingestText(
      "Orchard report\n\nHALDEN, Sept 9, 2024 (Valley Wire) - Earlier this year in Marrowdale, a late frost ruined the apple crop. The cooperative sold 40 tonnes in 2023, double the amount in 2022, and growers met on Monday.",
      "orchard",
    );
    const t = timeline(story);
    expect(t.events.find((e) => e.date === "2024")?.text).toBe("A late frost ruined the apple crop");
    expect(t.events.find((e) => e.date === "2023")?.text).toMatch(/^The cooperative sold 40 tonnes/);
    expect(t.events.some((e) => e.date === "2022")).toBe(false);
  });

  it("keeps a relative date with no dateline to anchor it out of the chronology", () => {
    const story = ingestText("Flood defences\n\nThe mayor spoke on Monday about the levee. The river burst its banks in 1998 and 2004.", "undated");
    const u = timeline(story);
    expect(u.events.map((e) => e.date)).toEqual(["1998", "2004"]);
    expect(u.undated.map((e) => e.when)).toEqual(["Monday"]);
  });

  it("gives a clause cut off from its subject the subject the parse finds for it", () => {
    const story = ingestText(
      "Ferry line grows\n\nPORTSMOUTH, May 3, 2022 (Coast Wire) - The company added two ships last year. One of the new ferries, the Solent Star, carries 400 passengers and made its first crossing in March 2021.",
      "ferries",
    );
    expect(timeline(story).events.find((e) => e.date === "2021-03")?.text).toBe("The Solent Star made its first crossing");
  });

  it("names what was reported when a report is dated: said late Tuesday, revealed on Wednesday that …", () => {
    const story = ingestText(
      "Harbour talks\n\nKESSEL, March 9, 2023 (Coast Wire) - After months of talks, the two unions agreed to a new contract, city officials said late Tuesday. Inspectors revealed on Wednesday that the dam had cracked in two places.",
      "talks",
    );
    expect(timeline(story).events.map((e) => [e.date, e.text])).toEqual([
      ["2023-03-07", "City officials said the two unions agreed to a new contract"],
      ["2023-03-08", "Inspectors revealed that the dam had cracked in two places"],
    ]);
  });

  it("takes the name before an age for the subject: \"Ellen Parry, 21, was taken …\"", () => {
    const story = ingestText("Hospital\n\nLEEDS, June 9, 2023 (Wire) - Ellen Parry, 21, was taken to hospital on June 5 after a fall.", "age");
    expect(timeline(story).events.map((e) => [e.date, e.text])).toEqual([["2023-06-05", "Ellen Parry was taken to hospital after a fall"]]);
  });

  it("keeps a dated name with a possessive in it whole", () => {
    const story = ingestText("Neon\n\nCHICAGO, May 2, 2021 - Neon signs lit up the 1939 World’s Fair in New York.", "neon");
    expect(timeline(story).events.map((e) => [e.date, e.text])).toEqual([["1939", "The 1939 World’s Fair"]]);
  });

  it("keeps a date that owns a noun in its event phrase", () => {
    const story = ingestText("Attack\n\nTUNIS, March 19, 2015 - The opposition leader on Thursday condemned Wednesday’s attack on the museum.", "attack");
    const texts = timeline(story).events.map((e) => e.text);
    expect(texts).toContain("The opposition leader condemned Wednesday’s attack on the museum");
    expect(texts.join(" ")).not.toMatch(/condemned ’s/);
  });

  it("is empty, not an error, for a story without dates", () => {
    const story = ingestText("Quiet day\n\nNothing happened in the village. The baker sold bread.", "quiet");
    expect(timeline(story)).toEqual({ story: "quiet", events: [], undated: [] });
  });
});

describe("storybot timeline", () => {
  it("prints the documented JSON shape", () => {
    const run = storybot("timeline", "--story", "test/fixtures/ashford-bridge-2023-05-12.txt", "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    expect(Object.keys(out)).toEqual(["story", "events", "undated"]);
    expect(out.story).toBe("ashford-bridge-2023-05-12");
    for (const e of out.events) expect(Object.keys(e)).toEqual(["date", "precision", "text", "paragraph", "when"]);
    expect(out.events[0]).toEqual({ date: "1871", precision: "year", text: "The bridge was built by the Hartwell Brothers Company", paragraph: 3, when: "1871" });
  });
});

describe("a span of time the story gives by its two ends", () => {
  const story = ingestText(
    [
      "Islamists out of office",
      "TUNIS, March 18, 2015 (Coast Wire) - The country's Islamists, who held power from 2011 to 2013, were slow to respond to the danger, critics said.",
      "The old coalition governed between 1999 and 2004 before it split. Elections were held in 2014.",
    ].join("\n\n"),
    "span",
  );
  const t = timeline(story);

  it("is one event dated from one end to the other, not two half events", () => {
    expect(event(t, "2011/2013", /held power/)?.when).toBe("from 2011 to 2013");
    expect(event(t, "1999/2004", /governed/)).toBeDefined();
    expect(t.events.filter((e) => /held power|governed/.test(e.text)).map((e) => e.date)).toEqual(["1999/2004", "2011/2013"]);
    expect(event(t, "2014", /Elections were held/)).toBeDefined();
    expectSorted(t);
    expectDatesFromStory(t, story);
  });
});
