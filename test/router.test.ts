import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerAcross } from "../src/engine/answer-across.js";
import { ingestText } from "../src/engine/ingest.js";
import { StoryRouter } from "../src/engine/router.js";
import { storyIdFromFile } from "../src/engine/story-id.js";

const read = (url: URL) => readFileSync(url, "utf8");
const FIXTURES = new URL("./fixtures/scale/", import.meta.url);
const DEFAULT_STORY = ingestText(read(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url)), "korea-herald-2020-10-22");
const FIXTURE_STORIES = readdirSync(FIXTURES).map((name) => ingestText(read(new URL(name, FIXTURES)), storyIdFromFile(name)));
const ALL = [DEFAULT_STORY, ...FIXTURE_STORIES];
const textOf = (id: string) => ALL.find((s) => s.id === id)!.paragraphs.map((p) => p.text).join("\n");

describe("routing a question across stories", () => {
  it("answers a question about a small fixture article from that article, not from the default story", () => {
    const a = answerAcross("Who announced the ferry pay agreement?", ALL);
    expect(a.story).toBe("ferry-strike-2022-03-04");
    expect(textOf("ferry-strike-2022-03-04")).toContain(a.evidence);

    const b = answerAcross("Where will the reservoir for meltwater be built?", ALL);
    expect(b.story).toBe("glacier-survey-2021-08-12");
    expect(textOf("glacier-survey-2021-08-12")).toContain(b.evidence);
  });

  it("still answers questions about the default story from it", () => {
    const a = answerAcross("Who sent a basket of flowers to the cemetery?", ALL);
    expect(a.story).toBe("korea-herald-2020-10-22");
    expect(textOf("korea-herald-2020-10-22")).toContain(a.evidence);
  });

  it("shortlists the matching story first, misspelt or not", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    expect(router.route("When did the glacier survey begin?", 3)[0]).toBe("glacier-survey-2021-08-12");
    expect(router.route("who is the cheif executive of the ferries?", 3)[0]).toBe("ferry-strike-2022-03-04");
    expect(router.route("Who is Hofsteter?", 3)).toEqual(["glacier-survey-2021-08-12"]);
    expect(router.route("what?", 3)).toEqual([]);
  });

  it("routes the same after a round trip through JSON, and refuses data that is not a router", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    const copy = StoryRouter.fromJSON(JSON.parse(JSON.stringify(router)));
    const question = "Which hydrologist warned of water shortages?";
    expect(copy?.route(question, 3)).toEqual(router.route(question, 3));
    expect(StoryRouter.fromJSON({ hello: "world" })).toBeNull();
    expect(StoryRouter.fromJSON({ format: 1, vocabulary: ["kim"], docs: [["a", [5, 1]]] })).toBeNull();
    expect(StoryRouter.fromJSON(null)).toBeNull();
  });

  it("forgets a removed story and re-indexes a replaced one", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    router.remove("ferry-strike-2022-03-04");
    expect(router.route("ferry strike pay deal", 3)).not.toContain("ferry-strike-2022-03-04");
    router.put({ ...DEFAULT_STORY, title: "Ferry timetables" });
    expect(router.route("ferry timetables", 3)[0]).toBe("korea-herald-2020-10-22");
    router.put(DEFAULT_STORY);
    expect(router.route("ferry timetables", 3)).not.toContain("korea-herald-2020-10-22");
    expect(router.size).toBe(2);
  });

  it("says the story doesn't say when no story shares a word with the question", () => {
    const a = answerAcross("Who won the snooker final?", ALL);
    expect(a.answer).toBeNull();
    expect(ALL.map((s) => s.id)).toContain(a.story);
  });

  it("refuses an empty set of stories with a clear message", () => {
    expect(() => answerAcross("Who led the survey?", [])).toThrow("there are no stories to answer from");
  });
});
