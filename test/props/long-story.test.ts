/**
 * A story whose body is one line of ~200,000 characters (an article pasted without line breaks):
 * quoting it must still give a message within Discord's limits. Rendering only what can fit matters
 * here: escaping markdown takes time quadratic in a line's length, and escaping this whole line took
 * about a minute, long enough to block the bot; the test's timeout is the only time guard.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { ingestText } from "../../src/engine/story/ingest.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { toText } from "../../src/render/text-message.js";
import { analyseQuestion, parse } from "../../src/engine/answer/analysis.js";
import { ANSWER_DEFAULTS } from "../../src/engine/answer/defaults.js";
import type { Story } from "../../src/engine/types.js";
import { replyProblems } from "./discord-payload.js";
import { runCommand } from "./drive-commands.js";

const CLAUSE = "The council met on Monday and Mayor Ana Costa opened the bridge, ";
let stories: Stories;
let story: Story;

beforeAll(() => {
  story = ingestText(`One long line\n\nLISBON, March 3, 2021 — ${CLAUSE.repeat(3000)}the end.\n`, "long-line");
  stories = new Stories(new StoryLibrary([story]));
});

const command = (name: string) => commands.find((c) => c.name === name)!;

describe("a story paragraph of one 200,000-character line", () => {
  for (const [name, values] of [
    ["source", { paragraph: 1 }],
    ["ask", { question: "who opened the bridge?" }],
    ["who", { subject: "Ana Costa" }],
  ] as const) {
    it(`/${name} answers with a message cut to Discord's limits`, async () => {
      const run = await runCommand(command(name), values, "discord", stories);
      expect(run.slips).toEqual([]);
      expect(run.replies).toHaveLength(1);
      expect(replyProblems(run.replies[0]!)).toEqual([]);
      // the console shows the whole text: it has no limit to cut to
      expect(toText(run.replies[0]!).length).toBeGreaterThan(100_000);
    });
  }
});

describe("a sentence of thousands of words", () => {
  it("gives the ranker only the spans near the question's words, not thousands", () => {
    const { pool } = analyseQuestion(parse("who opened the bridge?", story), story);
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.length).toBeLessThanOrEqual(ANSWER_DEFAULTS.maxSpansPerSentence);
    expect(pool.some((p) => /Ana Costa/.test(p.c.text))).toBe(true);
  });
});
