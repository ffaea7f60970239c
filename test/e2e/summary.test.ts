/**
 * /summary, /timeline and /facts end to end: the real discord.js Client logged in to the loopback
 * Discord emulator, answering as a channel would see it.
 */
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { startBot } from "../../src/discord/bot.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";
import { DiscordEmulator } from "../emulator/emulator.js";
import { autocomplete, slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";

const EPHEMERAL = 64;
let emulator: DiscordEmulator;
let client: Client;

beforeAll(async () => {
  emulator = await DiscordEmulator.start();
  const stories = new Stories(await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR));
  const log = createLogger({ level: "silent", destination: { write: () => undefined } });
  client = await startBot({ token: emulator.world.token, apiUrl: emulator.apiUrl, stories, log, commands, cooldown: { limit: 100, windowMs: 10_000 } });
});

afterAll(async () => {
  await client?.destroy();
  await emulator?.close();
});

const run = async (name: string, options: Record<string, string | boolean> = {}) => {
  const interaction = slashCommand(emulator.world, user(`${name}-reader`), name, options);
  const call = await emulator.interact(interaction);
  expect(call.body.type).toBe(4);
  expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(emulator.callsFor(interaction)).toHaveLength(1);
  return call.body.data;
};

const isPrivate = (data: { flags?: number }) => ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

describe("/summary and /timeline on Discord", () => {
  it("deploy includes the three commands with Discord-valid definitions", () => {
    const names = commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["summary", "timeline", "facts"]));
    const summary = commands.find((c) => c.name === "summary")!.data;
    const options = Object.fromEntries((summary.options ?? []).map((o) => [o.name, o]));
    expect(options.length).toMatchObject({ type: 3, choices: expect.arrayContaining([expect.objectContaining({ value: "long" })]) });
    expect(options.about).toMatchObject({ type: 3, autocomplete: true });
    expect(options.private).toMatchObject({ type: 5 });
  });

  it("/summary posts the lead publicly in the channel, cited, without boilerplate", async () => {
    const data = await run("summary");
    expect(isPrivate(data)).toBe(false);
    const description: string = data.embeds[0].description;
    // the article's lead: its first paragraph's sentence
    expect(description).toMatch(/North Korean leader Kim Jong-un visited the graves of Chinese soldiers/);
    expect(description.match(/\(¶\d+\)/g)).toEqual(["(¶1)"]);
    expect(description).not.toMatch(/Share it|Photo courtesy|Exclusive:/);
  });

  it("/summary private:true length:medium shows the longer summary to the caller only", async () => {
    const data = await run("summary", { length: "medium", private: true });
    expect(isPrivate(data)).toBe(true);
    const description: string = data.embeds[0].description;
    expect(description).toMatch(/^\*\*Summary\*\*\nNorth Korean leader Kim Jong-un visited the graves/);
    expect(description).toContain("Mao Anying");
    expect(description.match(/\(¶\d+\)/g)!.length).toBeLessThanOrEqual(5);
  });

  it("/summary about: keeps to one person, autocompletes names, and refuses an unknown one privately", async () => {
    const about = await run("summary", { length: "long", about: "Xi Jinping" });
    expect(about.embeds[0].description).toMatch(/On Monday \(19 Oct 2020\), Xi stressed/);
    expect(about.embeds[0].description).not.toMatch(/Mao Anying/);

    const typed = await emulator.interact(autocomplete(emulator.world, user("typist"), "summary", { about: "xi jin" }, "about"));
    expect(typed.body.type).toBe(8);
    expect(typed.body.data.choices[0]).toEqual({ name: "Xi Jinping", value: "Xi Jinping" });
    expect(typed.body.data.choices.length).toBeLessThanOrEqual(25);

    const refused = await run("summary", { about: "Obama" });
    expect(isPrivate(refused)).toBe(true);
    expect(refused.content).toMatch(/"Obama" is not in the story\. It names: Kim Jong-un/);
    expect(refused.embeds ?? []).toHaveLength(0);
  });

  it("/timeline lists the dated events in chronological order with ¶ citations, publicly", async () => {
    const data = await run("timeline");
    expect(isPrivate(data)).toBe(false);
    const description: string = data.embeds[0].description;
    const order = ["Jun 1950", "Jul 1953", "2012", "2013", "Jul 2015", "2018", "19 Oct 2020", "22 Oct 2020"].map((d) => description.indexOf(`**${d}**`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(description).toMatch(/\*\*Jul 2015\*\* — Kim sent a wreath to the cemetery _\(¶13\)_/);
  });

  it("/facts type:people lists the story's people with their paragraphs", async () => {
    const data = await run("facts", { type: "people", private: true });
    expect(isPrivate(data)).toBe(true);
    const field = data.embeds[0].fields[0];
    expect(field.name).toBe("People");
    expect(field.value).toMatch(/\*\*Mao Anying\*\* — eldest son of Mao Zedong/);
  });
});
