import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerAcross } from "../src/engine/answer/answer-across.js";
import { ingestText } from "../src/engine/story/ingest.js";
import { StoryRouter } from "../src/engine/index/router.js";
import { storyIdFromFile } from "../src/engine/story/story-id.js";
import type { Story } from "../src/engine/types.js";

const ids = (routed: { id: string }[]) => routed.map((r) => r.id);

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
    expect(ids(router.route("When did the glacier survey begin?", 3))[0]).toBe("glacier-survey-2021-08-12");
    expect(ids(router.route("who is the cheif executive of the ferries?", 3))[0]).toBe("ferry-strike-2022-03-04");
    expect(ids(router.route("Who is Hofsteter?", 3))).toEqual(["glacier-survey-2021-08-12"]);
    expect(ids(router.route("what?", 3))).toEqual([]);
  });

  it("routes the same after a round trip through JSON, and refuses data that is not a router", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    const copy = StoryRouter.fromJSON(JSON.parse(JSON.stringify(router)));
    const question = "Which hydrologist warned of water shortages?";
    expect(ids(copy!.route(question, 3))).toEqual(ids(router.route(question, 3)));
    expect(StoryRouter.fromJSON({ hello: "world" })).toBeNull();
    expect(StoryRouter.fromJSON({ format: 1, vocabulary: ["kim"], docs: [["a", [5, 1]]] })).toBeNull();
    expect(StoryRouter.fromJSON(null)).toBeNull();
    // a posting that points past the stories, or bytes that are no list of numbers
    const saved = JSON.parse(JSON.stringify(router));
    expect(StoryRouter.fromJSON({ ...saved, docs: Buffer.from(Uint16Array.from([0, 1, 99]).buffer).toString("base64") })).toBeNull();
    expect(StoryRouter.fromJSON({ ...saved, counts: "AAE" })).toBeNull();
  });

  it("read back, changes and saves as one built in memory does", () => {
    const questions = ["Which hydrologist warned of water shortages?", "ferry strike pay deal", "Who visited the cemetery?", "When did the glacier survey begin?", "chief executive"];
    const built = StoryRouter.empty();
    for (const s of ALL) built.put(s);
    const copy = StoryRouter.fromJSON(JSON.parse(JSON.stringify(built)))!;
    for (const r of [built, copy]) {
      r.remove("ferry-strike-2022-03-04");
      r.put({ ...DEFAULT_STORY, id: "renamed", title: "Ferry timetables" });
    }
    for (const q of questions) expect(copy.route(q, 3), q).toEqual(built.route(q, 3));
    expect(copy.size).toBe(built.size);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(built));
  });

  it("forgets a removed story and re-indexes a replaced one", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    router.remove("ferry-strike-2022-03-04");
    expect(ids(router.route("ferry strike pay deal", 3))).not.toContain("ferry-strike-2022-03-04");
    router.put({ ...DEFAULT_STORY, title: "Ferry timetables" });
    expect(ids(router.route("ferry timetables", 3))[0]).toBe("korea-herald-2020-10-22");
    router.put(DEFAULT_STORY);
    expect(ids(router.route("ferry timetables", 3))).not.toContain("korea-herald-2020-10-22");
    expect(router.size).toBe(2);
  });

  it("ranks with scores, best first", () => {
    const router = StoryRouter.empty();
    for (const s of ALL) router.put(s);
    const routed = router.route("Who announced the ferry pay agreement?", 3);
    expect(routed[0]!.id).toBe("ferry-strike-2022-03-04");
    expect(routed.map((r) => r.score)).toEqual([...routed.map((r) => r.score)].sort((a, b) => b - a));
  });

  it("tries a weaker match only when the best one abstains or the two nearly tie", () => {
    const [korea, glacier, ferry] = [DEFAULT_STORY, FIXTURE_STORIES.find((s) => s.id.startsWith("glacier"))!, FIXTURE_STORIES.find((s) => s.id.startsWith("ferry"))!];
    const source = (routed: [Story, number][]) => {
      const opened: string[] = [];
      const stories = new Map(routed.map(([s]) => [s.id, s]));
      return { opened, route: () => routed.map(([s, score]) => ({ id: s.id, score })), get: (id: string) => (opened.push(id), stories.get(id)), ids: () => [...stories.keys()] };
    };
    const answered = source([[ferry, 10], [glacier, 5]]);
    expect(answerAcross("Who announced the ferry pay agreement?", answered).story).toBe(ferry.id);
    expect(answered.opened).toEqual([ferry.id]);

    const abstained = source([[korea, 10], [ferry, 5]]);
    expect(answerAcross("Where were the pay talks hosted by Acas held?", abstained).story).toBe(ferry.id);
    expect(abstained.opened).toEqual([korea.id, ferry.id]);

    const tied = source([[ferry, 10], [glacier, 9]]);
    answerAcross("Who announced the ferry pay agreement?", tied);
    expect(tied.opened).toEqual([ferry.id, glacier.id]);
  });

  it("answers from the first of two copies of an article, as that copy alone does", () => {
    const text = textOf("ferry-strike-2022-03-04");
    const copy = ingestText(`Ferry pay deal reached\n\n${text.split("\n").slice(1).join("\n")}\n\nThis story was first published elsewhere.`, "ferry-copy");
    const original = FIXTURE_STORIES.find((s) => s.id.startsWith("ferry"))!;
    const alone = answerAcross("Who announced the ferry pay agreement?", [original]);
    for (const order of [[original, copy], [copy, original]]) {
      const a = answerAcross("Who announced the ferry pay agreement?", [...order, DEFAULT_STORY]);
      expect([a.answer, a.evidence, a.paragraph]).toEqual([alone.answer, alone.evidence, alone.paragraph]);
    }
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
