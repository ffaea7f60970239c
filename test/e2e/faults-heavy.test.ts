/**
 * One heavy command must not stall everyone else: /summary of a long story runs in a worker thread
 * (src/workers/), so another user's /ask is answered while the summary is still being made, and
 * the summary arrives all the same. The real discord.js client against the emulator; the worker
 * reads the story from its article file itself. How fast a 1 MB story is summarised, and in how
 * much memory, is measured by `npm run bench:faults`, not here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "vitest";
import { Stories } from "../../commands/stories-service.js";
import { StoryLibrary } from "../../src/engine/index.js";
import { ingestLog, LARGE_ARTICLE_BYTES } from "../../src/discord/ingest-log.js";
import { createLogger } from "../../src/log.js";
import { HeavyWork } from "../../src/workers/heavy-work.js";
import { startBotUnderTest } from "../emulator/harness.js";
import { slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { longProse } from "../helpers/long-prose.js";

describe.concurrent("a summary of a long story", () => {
  it("is made in a worker thread: another user's /ask is answered first, and the summary still arrives", { timeout: 120_000 }, async (test) => {
    const { expect } = test;
    const dir = mkdtempSync(join(tmpdir(), "storybot-heavy-"));
    test.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "long-read.txt"), longProse(60_000, "A long read of many stories"));
    const stories = new Stories(await StoryLibrary.fromDirectory(dir));
    const heavy = new HeavyWork({ dbFile: null, threads: 1 });
    test.onTestFinished(() => heavy.close());
    stories.heavy = heavy;
    // a short deferral, so that a machine fast enough to summarise within the bot's usual 1.5 s
    // still shows whether the event loop was free to defer
    const t = await startBotUnderTest({ stories, emulator: { enforceDeadline: true }, deferAfterMs: 100 });
    test.onTestFinished(() => t.close());
    const { emulator } = t;

    const summary = slashCommand(emulator.world, user("reader"), "summary", { length: "long" });
    // the deferral comes from a timer on the bot's event loop: a loop busy summarising could not send it
    const deferral = await emulator.interact(summary);
    expect(deferral.body.type).toBe(5);
    const ask = await emulator.interact(slashCommand(emulator.world, user("other-user"), "ask", { question: "Who won the vote?" }));
    expect(ask.status).toBe(204);
    expect(ask.body.data.embeds[0].description.length).toBeGreaterThan(0);
    expect(emulator.interactions.get(summary.id)!.completedAt).toBeUndefined();

    await emulator.interactions.waitUntilCompleted([summary.id], 110_000);
    const edit = emulator.callsFor(summary).find((c) => c.method === "PATCH")!;
    expect(edit.body.embeds[0].description).toMatch(/\(¶\d+\)/);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("through the worker, refuses a topic the story lacks with the same private note", { timeout: 60_000 }, async (test) => {
    const { expect } = test;
    const stories = new Stories(await StoryLibrary.fromDirectory(new URL("../../data/stories/", import.meta.url).pathname));
    const heavy = new HeavyWork({ dbFile: null, threads: 1 });
    test.onTestFinished(() => heavy.close());
    stories.heavy = heavy;
    const t = await startBotUnderTest({ stories });
    test.onTestFinished(() => t.close());
    const asked = slashCommand(t.emulator.world, user("asker"), "summary", { about: "Obama" });
    t.emulator.gateway.dispatch("INTERACTION_CREATE", asked);
    await t.emulator.interactions.waitUntilCompleted([asked.id]);
    // answered at once, or (the worker starting up) after a deferral: either way the note is the last word
    const last = t.emulator.callsFor(asked).filter((c) => c.body?.content ?? c.body?.data?.content).at(-1)!;
    expect(last.body.content ?? last.body.data.content).toMatch(/"Obama" is not in the story\. It names: Kim Jong-un/);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe.concurrent("start-up with big stories", () => {
  it("logs the ingest of a large article before it starts, and the total after", { timeout: 90_000 }, async (test) => {
    const { expect } = test;
    const dir = mkdtempSync(join(tmpdir(), "storybot-ingest-log-"));
    test.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const text = longProse(LARGE_ARTICLE_BYTES + 20_000);
    expect(text.length).toBeGreaterThan(LARGE_ARTICLE_BYTES);
    writeFileSync(join(dir, "long-read.txt"), text);
    writeFileSync(join(dir, "short.txt"), "A short one\n\nOSLO, May 2, 2022 — The city opened a library on Monday.\n");
    const lines: Record<string, any>[] = [];
    const log = createLogger({ level: "info", destination: { write: (l: string) => void lines.push(JSON.parse(l)) } });
    await StoryLibrary.fromDirectory(dir, { progress: ingestLog(log) });
    const msgs = lines.map((l) => l.msg);
    expect(lines[0]).toMatchObject({ articles: 2, msg: "ingesting articles that are not in the cache yet" });
    expect(lines.find((l) => /large article/.test(l.msg))).toMatchObject({ file: join(dir, "long-read.txt"), bytes: Buffer.byteLength(text) });
    expect(msgs.filter((m) => /large article/.test(m))).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ articles: 2, msg: "ingest finished", ms: expect.any(Number) });
  });

  it("prepares autocomplete suggestions after login, not before, and says so", async (test) => {
    const { expect } = test;
    const t = await startBotUnderTest();
    test.onTestFinished(() => t.close());
    while (!t.logs.some((l) => l.msg === "autocomplete suggestions ready")) await new Promise((done) => setTimeout(done, 20));
    const msgs = t.logs.map((l) => l.msg);
    expect(msgs.indexOf("ready")).toBeLessThan(msgs.indexOf("preparing autocomplete suggestions"));
    expect(t.logs.find((l) => l.msg === "autocomplete suggestions ready")).toMatchObject({ story: "korea-herald-2020-10-22", suggestions: expect.any(Number), ms: expect.any(Number) });
  });
});
