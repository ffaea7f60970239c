/**
 * The local console keeps the conversation between lines, through the same pipeline as Discord:
 * with a wire story of our own, three follow-ups with a pronoun are answered from context, and one
 * whose pronoun names no one in the conversation gets a question back, which the next line answers.
 * The context is in the database, so a restart does not forget it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { runConsole } from "../../src/console/console.js";
import { ingestText, StoryLibrary } from "../../src/engine/index.js";
import { createLogger } from "../../src/log.js";
import { IN_MEMORY, openStorage, type Storage } from "../../src/store/index.js";

const WIRE = readFileSync(new URL("../fixtures/conversation/storvik-bridge-2024-03-14.txt", import.meta.url), "utf8");
const stories = new Stories(new StoryLibrary([ingestText(WIRE, "storvik-bridge-2024-03-14")]));
const silent = createLogger({ level: "silent", destination: { write: () => undefined } });
const work = mkdtempSync(join(tmpdir(), "storybot-console-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function session(storage: Storage, lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d) => (text += d));
  input.end(lines.join("\n") + "\n");
  await runConsole({ input, output, stories, commands, log: silent, services: { conversation: storage.conversations } });
  return text.trim().split(/\n\n/);
}

describe("follow-ups on the console", () => {
  it("answers three pronoun follow-ups from context and asks back for one with no antecedent", async () => {
    const replies = await session(openStorage(IN_MEMORY), [
      "who designed the Storvik Bridge?",
      "when did she resign?",
      "where was it built?",
      "who built it?",
      "when will he start the repair work?",
      "Lars Moe",
    ]);
    expect(replies).toHaveLength(6);
    expect(replies[0]).toMatch(/^Ingrid Halvorsen\n> “Ingrid Halvorsen, the engineer who designed the Storvik Bridge/);
    expect(replies[1]).toMatch(/^Tuesday \(12 Mar 2024\)\n/);
    expect(replies[1]).toContain("(read as “when did Ingrid Halvorsen resign?”)");
    expect(replies[2]).toMatch(/^Storvik Fjord\n> “The bridge was built over the Storvik Fjord/);
    expect(replies[2]).toContain("(read as “where was the Storvik Bridge built?”)");
    // the follow-up is read right; its answer is not yet (see the engine's known defects in test/extraction.test.ts)
    expect(replies[3]).toContain("(read as “who built the Storvik Bridge?”)");
    // the only person so far is a woman: "he" names no one in the conversation
    expect(replies[4]).toBe("Who do you mean by “he”? The story names Ingrid Halvorsen and Lars Moe.");
    expect(replies[5]).toMatch(/^May \(May 2024\)\n> “Moe said the repair work would start in May/);
    expect(replies[5]).toContain("(read as “when will Lars Moe start the repair work?”)");
  });

  it("takes a name looked up with /who as what the next pronoun names", async () => {
    const replies = await session(openStorage(IN_MEMORY), ["/who Lars Moe", "when will he start the repair work?"]);
    expect(replies[0]).toMatch(/^Lars Moe \(person\)/);
    expect(replies[1]).toContain("(read as “when will Lars Moe start the repair work?”)");
  });

  it("without a conversation memory, asks each line on its own as before", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d) => (text += d));
    input.end("who designed the Storvik Bridge?\nwhen did she resign?\n");
    await runConsole({ input, output, stories, commands, log: silent });
    expect(text).not.toContain("read as");
  });

  it("remembers the conversation across a restart", async () => {
    const file = join(work, "storybot.db");
    const before = openStorage(file);
    await session(before, ["who designed the Storvik Bridge?"]);
    before.close();
    const after = openStorage(file);
    const [reply] = await session(after, ["when did she resign?"]);
    after.close();
    expect(reply).toContain("(read as “when did Ingrid Halvorsen resign?”)");
  });
});
