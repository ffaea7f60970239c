/**
 * `/ask story: all`, and /ask with no story chosen while several are served: the question finds its
 * story, and the reply cites the story that answered.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { ingestText } from "../../src/engine/index.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { toText } from "../../src/render/text-message.js";
import { runCommand } from "../props/drive-commands.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const KH = ingestText(read("../../data/stories/korea-herald-2020-10-22.txt"), "korea-herald-2020-10-22");
const CUP = ingestText(read("../fixtures/engine/coastal-cup-final-2019-04-14.txt"), "coastal-cup-final");
const ask = commands.find((c) => c.name === "ask")!;

async function askText(stories: Stories, values: Record<string, string>): Promise<string> {
  const run = await runCommand(ask, values, "discord", stories);
  expect(run.slips).toEqual([]);
  return run.replies.map(toText).join("\n");
}

describe("a question that finds its own story", () => {
  const both = new Stories(new StoryLibrary([KH, CUP]));

  it("answers from the story that holds the answer, and cites that story", async () => {
    const text = await askText(both, { question: "Who was sent off in the 95th minute?", story: "all" });
    expect(text).toContain("Sam Okafor");
    expect(text).toContain(CUP.title);
    const korea = await askText(both, { question: "Who laid flowers at the tomb of Mao Anying?", story: "all" });
    expect(korea).toContain("Kim Jong-un");
    expect(korea).toContain(KH.title);
  });

  it("is what /ask does when no story is chosen and several are served", async () => {
    expect(await askText(both, { question: "Who was sent off in the 95th minute?" })).toContain("Sam Okafor");
  });

  it("is not what /ask does when the STORY setting names the default", async () => {
    const pinned = new Stories(new StoryLibrary([KH, CUP]), KH.id);
    expect(await askText(pinned, { question: "Who was sent off in the 95th minute?" })).toMatch(/doesn't say/);
  });

  it("is offered first among the story choices when there are several", () => {
    expect(both.choices("")[0]).toEqual({ name: expect.stringMatching(/^All stories/), value: "all" });
    expect(new Stories(new StoryLibrary([KH])).choices("").map((c) => c.value)).toEqual([KH.id]);
  });
});
