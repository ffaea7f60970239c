/** Date mentions (dates.ts): calendar dates, bare years, and relative dates resolved against the article's date. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIso, ingestText, type DateMention, type Story } from "../src/engine/index.js";
import { withResolvedDates } from "../src/engine/language/resolved-dates.js";

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");

/** The date mentions whose text is `text` (in the sentence containing `where`, if given). */
function mentions(story: Story, text: string, where?: string): DateMention[] {
  return story.dates.filter((d) => d.text === text && (!where || story.sentences[d.sentence]!.text.includes(where)));
}

function one(story: Story, text: string, where?: string): DateMention {
  const found = mentions(story, text, where);
  if (found.length !== 1) throw new Error(`expected one date "${text}"${where ? ` near "${where}"` : ""}, found ${found.length}: ${story.dates.map((d) => d.text).join(", ")}`);
  return found[0]!;
}

const resolved = (d: DateMention) => ({ iso: d.iso, precision: d.precision, relative: d.relative });

describe("dates of the default story (dateline: PYONGYANG, Oct 22, 2020)", () => {
  const story = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "kh");

  it("takes the publication date from the dateline", () => {
    expect(story.published).toBe("2020-10-22");
    expect(story.datelineDate).toBe("Oct 22, 2020");
  });

  it("resolves 'on Thursday' to the dateline's own day", () => {
    const thursdays = mentions(story, "Thursday");
    expect(thursdays).toHaveLength(2);
    for (const d of thursdays) expect(resolved(d)).toEqual({ iso: "2020-10-22", precision: "day", relative: true });
  });

  it("resolves 'On Monday' to the Monday before, without the preposition in the span", () => {
    expect(resolved(one(story, "Monday"))).toEqual({ iso: "2020-10-19", precision: "day", relative: true });
    expect(story.dates.some((d) => /^on\b/i.test(d.text))).toBe(false);
  });

  it("resolves '70 years ago' to the year 1950", () => {
    expect(resolved(one(story, "70 years ago"))).toEqual({ iso: "1950", precision: "year", relative: true });
  });

  it("reads month-and-year dates as months", () => {
    expect(resolved(one(story, "June 1950"))).toEqual({ iso: "1950-06", precision: "month", relative: false });
    expect(resolved(one(story, "July 1953"))).toEqual({ iso: "1953-07", precision: "month", relative: false });
    expect(resolved(one(story, "July 2015"))).toEqual({ iso: "2015-07", precision: "month", relative: false });
  });

  it("finds bare years, each on its own", () => {
    expect(resolved(one(story, "2012"))).toEqual({ iso: "2012", precision: "year", relative: false });
    expect(one(story, "2013").iso).toBe("2013");
    expect(one(story, "2018").iso).toBe("2018");
    expect(one(story, "1950", "decision to enter").iso).toBe("1950");
  });

  it("gives each mention as the exact token span of its sentence", () => {
    for (const d of story.dates) {
      const s = story.sentences[d.sentence]!;
      expect(d.end).toBeGreaterThan(d.start);
      expect(s.text.slice(s.tokens[d.start]!.start, s.tokens[d.end - 1]!.end)).toBe(d.text);
    }
  });

  it("finds no date in a sentence without one", () => {
    const s = story.sentences.find((x) => x.text.startsWith("Mao Anying, who fought"))!;
    expect(story.dates.filter((d) => d.sentence === s.id)).toEqual([]);
  });
});

describe("relative dates and the article's date", () => {
  it("resolves weekdays against a dateline of another article", () => {
    const story = ingestText(read("fixtures/engine/coastal-cup-final-2019-04-14.txt"), "cup");
    expect(story.published).toBe("2019-04-14");
    // the final was on the Saturday before; the parade is on the Monday after (the report is from a Sunday)
    expect(resolved(one(story, "Saturday"))).toEqual({ iso: "2019-04-13", precision: "day", relative: true });
    expect(resolved(one(story, "Monday"))).toEqual({ iso: "2019-04-15", precision: "day", relative: true });
    expect(resolved(one(story, "1998"))).toEqual({ iso: "1998", precision: "year", relative: false });
  });

  it("leaves relative dates unresolved when the article has no date, and still reads absolute ones", () => {
    const story = ingestText("A note on the war\n\nThe ministry said on Monday that the war ended 70 years ago, in June 1950, or in 1953.", "undated");
    expect(story.published).toBeNull();
    for (const t of ["Monday", "70 years ago"]) expect(resolved(one(story, t))).toEqual({ iso: null, precision: "approximate", relative: true });
    expect(resolved(one(story, "June 1950"))).toEqual({ iso: "1950-06", precision: "month", relative: false });
    expect(resolved(one(story, "1953"))).toEqual({ iso: "1953", precision: "year", relative: false });
  });

  it("takes front matter `published` over the dateline's date", () => {
    const story = ingestText(
      [
        "---",
        "published: 2021-03-10",
        "---",
        "Front matter wins",
        "",
        "PYONGYANG, Oct 22, 2020, The Korea Herald. The ministry said on Monday that the plant had reopened. Yesterday the manager resigned.",
      ].join("\n"),
      "fm",
    );
    expect(story.published).toBe("2021-03-10");
    expect(story.datelineDate).toBe("Oct 22, 2020");
    expect(one(story, "Monday").iso).toBe("2021-03-08");
    expect(one(story, "Yesterday").iso).toBe("2021-03-09");
  });

  it("resolves against front matter alone, forwards for 'next Tuesday'", () => {
    const story = ingestText(read("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), "tram");
    expect(story.published).toBe("2021-11-04");
    expect(story.dateline).toBeNull();
    expect(resolved(one(story, "Wednesday"))).toEqual({ iso: "2021-11-03", precision: "day", relative: true });
    expect(resolved(one(story, "next Tuesday"))).toEqual({ iso: "2021-11-09", precision: "day", relative: true });
    expect(resolved(one(story, "March 2023"))).toEqual({ iso: "2023-03", precision: "month", relative: false });
    expect(resolved(one(story, "2026"))).toEqual({ iso: "2026", precision: "year", relative: false });
  });

  it("resolves 'last year' against the article's date", () => {
    const story = ingestText(read("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), "tram");
    expect(resolved(one(story, "last year"))).toEqual({ iso: "2020", precision: "year", relative: true });
  });
});

describe("a bare weekday and the tense of its clause", () => {
  // 9 June 2023 was a Friday: chrono-node's nearest Monday is the 12th
  const friday = ingestText(
    [
      "Week in Kessel",
      "KESSEL, June 9, 2023 (Coast Wire) - Ellen Parry, 21, was taken to hospital on Monday. The council will vote on Monday.",
      "Crews hoped to hold the fire once the winds eased on Saturday. The market opens on Saturday.",
    ].join("\n\n"),
    "friday",
  );
  const on = (story: Story, words: string) => story.dates.find((d) => story.sentences[d.sentence]!.text.includes(words))!.iso;

  it("puts a day the story reports as done on or before the story's date", () => {
    expect(on(friday, "was taken")).toBe("2023-06-05");
  });

  it("puts a day the clause looks ahead to, or leaves open, after it", () => {
    expect(on(friday, "will vote")).toBe("2023-06-12");
    expect(on(friday, "winds eased")).toBe("2023-06-10");
    expect(on(friday, "market opens")).toBe("2023-06-10");
  });

  it("looks ahead from a day that opens a sentence whose clause will happen", () => {
    // 13 June 2023 was a Tuesday: the nearest Monday is the day before
    const tuesday = ingestText("Vote\n\nKESSEL, June 13, 2023 (Coast Wire) - On Monday, the council will vote on the plan. On Monday, the council voted on the budget.", "tuesday");
    expect(on(tuesday, "will vote")).toBe("2023-06-19");
    expect(on(tuesday, "voted")).toBe("2023-06-12");
  });

  it("bounds what was done by the latest day the article carries, an Updated line's", () => {
    const updated = ingestText(
      "Quake\n\nUpdated March 8, 2023, 6:45 AM GMT\n\nTESSARO, Valmora, March 7 (Reuters) - A quake struck on Tuesday. The government declared three days of mourning on Wednesday.",
      "updated",
    );
    expect(on(updated, "struck")).toBe("2023-03-07");
    expect(on(updated, "declared")).toBe("2023-03-08");
  });
});

describe("a relative date shown with the date it means", () => {
  it("follows the date's words, and a possessive ending stays with them", () => {
    const story = ingestText("Coup\n\nHARARE, Nov 17, 2017 (Reuters) - Ministers fled after Tuesday night's coup. Troops left on Thursday.", "coup");
    const text = (words: string) => withResolvedDates(story, story.sentences.findIndex((s) => s.text.includes(words)));
    expect(text("fled")).toBe("Ministers fled after Tuesday night's (14 Nov 2017) coup.");
    expect(text("Troops")).toBe("Troops left on Thursday (16 Nov 2017).");
  });
});

describe("calendar expressions in general", () => {
  const story = ingestText(
    [
      "Dates of all kinds",
      "LONDON, March 10, 2021 (Wire) — The law was passed on March 3, 1999, and took effect in 2001.",
      "The dam was built in the 1990s, in a 19th century style.",
      "About 2000 people left the town in 1995.",
      "The meeting starts at 3 p.m., officials said.",
      "She may visit the site tomorrow.",
    ].join("\n\n"),
    "kinds",
  );

  it("reads a full date as a day and a bare year as a year", () => {
    expect(resolved(one(story, "March 3, 1999"))).toEqual({ iso: "1999-03-03", precision: "day", relative: false });
    expect(resolved(one(story, "2001"))).toEqual({ iso: "2001", precision: "year", relative: false });
    expect(resolved(one(story, "1995"))).toEqual({ iso: "1995", precision: "year", relative: false });
  });

  it("reads decades and centuries as approximate", () => {
    expect(resolved(one(story, "1990s"))).toEqual({ iso: "1990", precision: "approximate", relative: false });
    expect(one(story, "19th century").precision).toBe("approximate");
  });

  it("shows a century as the story says it, not as ISO 8601's two digits", () => {
    expect(one(story, "19th century").iso).toBe("18");
    expect(formatIso("18")).toBe("19th century");
    expect(["00", "01", "02", "10", "11", "20"].map(formatIso)).toEqual(["1st century", "2nd century", "3rd century", "11th century", "12th century", "21st century"]);
    expect(formatIso("1990")).toBe("1990");
  });

  it("does not read a count, a clock time or the verb 'may' as a date", () => {
    expect(mentions(story, "2000")).toEqual([]);
    expect(story.dates.some((d) => /p\.m\.|^may$/i.test(d.text))).toBe(false);
    expect(resolved(one(story, "tomorrow"))).toEqual({ iso: "2021-03-11", precision: "day", relative: true });
  });

  it("finds a year used as a modifier ('during her 2019 election campaign')", () => {
    const tram = ingestText(read("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), "tram");
    expect(one(tram, "2019").iso).toBe("2019");
  });
});

/** Each date of a wire story's body as [its words, its calendar date]. */
const datesOf = (body: string) => ingestText(`Headline\n\n${body}\n\nMore.`, "d").dates.map((d) => [d.text, d.iso]);

describe("dates named without their year", () => {
  it("a month is the latest one before the story, unless the sentence speaks of what is to come", () => {
    expect(datesOf("PORT ELLERY, Maine, Sept. 14, 2023 (Wire) — The vessel had passed its annual inspection in March, the operator said. The line will reopen in March, it added. It cancelled crossings on Thursday.")).toEqual([
      ["March", "2023-03"],
      ["March", "2024-03"],
      ["Thursday", "2023-09-14"],
    ]);
  });

  it("a weekday is the one before the story, but the one after it in a clause that looks ahead", () => {
    expect(datesOf("OSLO, Wednesday, March 8, 2023 (Wire) — Officials said on Monday that schools would stay closed until Monday. The council will vote on Friday, it said. The storm hit on Tuesday.")).toEqual([
      ["Monday", "2023-03-06"],
      ["Monday", "2023-03-13"],
      ["Friday", "2023-03-10"],
      ["Tuesday", "2023-03-07"],
    ]);
  });
});
