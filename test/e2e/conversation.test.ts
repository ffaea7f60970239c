/**
 * Conversation and feedback end to end: the real discord.js client against the Discord emulator,
 * with the bot's database in a file. A reply to the bot's answer is answered as a follow-up of that
 * answer; 👍/👎 are stored per user and server and counted, and read back by `storybot feedback
 * --json` from the same file; `/ask target:` pings exactly that user; the answer embed carries the
 * answer as its title, the quote, the citation in the footer, the story's own link and its date,
 * all within Discord's limits; "the story doesn't say" offers questions the story can answer.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { startBot } from "../../src/discord/bot.js";
import { deployCommands } from "../../src/discord/deploy.js";
import { ingestText, StoryLibrary } from "../../src/engine/index.js";
import { createLogger } from "../../src/log.js";
import { openStorage, type Storage } from "../../src/store/index.js";
import { DiscordEmulator } from "../emulator/emulator.js";
import { snowflake } from "../emulator/ids.js";
import { buttonClick, slashCommand } from "../emulator/interactions.js";
import { member, messageObject, user, type EmulatedUser } from "../emulator/world.js";
import { messageProblems } from "../props/discord-payload.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EPHEMERAL = 64;
const WIRE_ID = "storvik-bridge-2024-03-14";
const WIRE = readFileSync(new URL("../fixtures/conversation/storvik-bridge-2024-03-14.txt", import.meta.url), "utf8");
/** a story with its own link in its metadata, and another link in its text that must never go out live */
const LINKED = `---
title: Harbour ferry resumes after two-week strike
source: Coast Daily
url: https://news.example/ferry-resumes
published: 2024-04-02
---
VIK, April 2, 2024 - The ferry between Vik and Holm resumed on Monday after a two-week strike, the operator Fjordline said on its page https://evil.example/phish.

Fjordline said the crews had accepted a pay rise of four percent.
`;

let emulator: DiscordEmulator;
let client: Client;
let storage: Storage;
const work = mkdtempSync(join(tmpdir(), "storybot-e2e-convo-"));
const dbFile = join(work, "storybot.db");

beforeAll(async () => {
  emulator = await DiscordEmulator.start();
  storage = openStorage(dbFile);
  const stories = new Stories(new StoryLibrary([ingestText(WIRE, WIRE_ID), ingestText(LINKED, "ferry")]), WIRE_ID);
  client = await startBot({
    token: emulator.world.token,
    apiUrl: emulator.apiUrl,
    stories,
    log: createLogger({ level: "silent", destination: { write: () => undefined } }),
    cooldown: { limit: 2, windowMs: 60_000 },
    services: { conversation: storage.conversations, feedback: storage.feedback },
  });
});

afterAll(async () => {
  await client?.destroy();
  await emulator?.close();
  storage?.close();
  rmSync(work, { recursive: true, force: true });
});

async function ask(who: EmulatedUser, options: Record<string, string | boolean>) {
  const call = await emulator.interact(slashCommand(emulator.world, who, "ask", options));
  expect(call.body.type).toBe(4);
  return call.body.data;
}

/** The bot's answer as a message in the channel, as Discord would show it to a user replying to it. */
const asPosted = (data: { embeds?: unknown[]; components?: unknown[] }) => messageObject(emulator.world, { id: snowflake(), author: emulator.world.bot, embeds: data.embeds, components: data.components });

const buttonsOf = (data: { components: { components: { label: string; custom_id: string }[] }[] }) => data.components.flatMap((row) => row.components);

async function click(who: EmulatedUser, customId: string, message: Record<string, unknown>) {
  const call = await emulator.interact(buttonClick(emulator.world, who, customId, message));
  expect(call.body.type).toBe(4);
  return call.body.data;
}

describe("a conversation on Discord", () => {
  it("answers a reply to the bot's answer as a follow-up of that answer, in its story", async () => {
    const answer = await ask(user("asker"), { question: "Who designed the Storvik Bridge?" });
    expect(answer.embeds[0].title).toBe("Ingrid Halvorsen");
    const posted = asPosted(answer);
    const replier = user("replier");
    // someone else replies to the answer, with the reply mention on: Discord delivers the text and the message replied to
    const reply = {
      ...messageObject(emulator.world, { author: replier, content: "when did she resign?", mentions: [emulator.world.bot], message_reference: { message_id: posted.id, channel_id: posted.channel_id, guild_id: posted.guild_id } }),
      referenced_message: posted,
      member: { ...member(replier), user: undefined },
    };
    const followUp = await emulator.post(reply);
    expect(followUp.body.embeds[0].title).toBe("Tuesday (12 Mar 2024)");
    expect(followUp.body.embeds[0].description).toContain("(read as “when did Ingrid Halvorsen resign?”)");
    expect(followUp.body.embeds[0].footer.text).toMatch(/^¶1 · Bridge engineer resigns/);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a first question in a thread opened on the bot's answer as a follow-up of that answer", async () => {
    const world = emulator.world;
    const answer = await ask(user("thread-asker"), { question: "Who designed the Storvik Bridge?" });
    // Discord sends the bot its own messages too; a thread opened on one has that message's id
    const posted = asPosted(answer);
    emulator.gateway.dispatch("MESSAGE_CREATE", posted);
    const opener = user("thread-opener");
    emulator.gateway.dispatch("THREAD_CREATE", {
      id: posted.id,
      guild_id: world.guild.id,
      parent_id: world.guild.channelId,
      type: 11,
      name: "Storvik Bridge",
      owner_id: opener.id,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      member_count: 1,
      message_count: 0,
      newly_created: true,
    });
    const question = { ...messageObject(world, { author: opener, content: `<@${world.bot.id}> when did she resign?`, mentions: [world.bot] }), channel_id: posted.id, member: { ...member(opener), user: undefined } };
    emulator.gateway.dispatch("MESSAGE_CREATE", question);
    const reply = await emulator.rest.waitFor((c) => c.method === "POST" && c.path === `/channels/${posted.id}/messages`);
    expect(reply.body.embeds[0].title).toBe("Tuesday (12 Mar 2024)");
    expect(reply.body.embeds[0].description).toContain("(read as “when did Ingrid Halvorsen resign?”)");
  });

  it("stores 👍/👎 per user and answer, lets a vote change, and counts them, as /feedback and `storybot feedback --json` read back", async () => {
    const answer = await ask(user("voter-asker"), { question: "Who designed the Storvik Bridge?" });
    expect(answer.embeds[0].title).toBe("Ingrid Halvorsen");
    const posted = asPosted(answer);
    const [up, down] = buttonsOf(answer).filter((b) => b.custom_id.startsWith("vote?"));
    expect([up!.label, down!.label]).toEqual(["👍", "👎"]);
    const [ana, ben, cai] = [user("ana"), user("ben"), user("cai")];
    expect((await click(ana, up!.custom_id, posted)).content).toMatch(/^Thanks: marked as helpful\. This answer so far: 👍 1 · 👎 0\./);
    await click(ben, down!.custom_id, posted);
    const third = await click(cai, down!.custom_id, posted);
    expect(third.content).toMatch(/👍 1 · 👎 2/);
    expect(third.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect((await click(ben, up!.custom_id, posted)).content).toMatch(/^Changed your vote to helpful\. This answer so far: 👍 2 · 👎 1\./);
    expect((await click(ana, up!.custom_id, posted)).content).toMatch(/^You had already marked it as helpful\. This answer so far: 👍 2 · 👎 1\./);

    const inServer = await emulator.interact(slashCommand(emulator.world, user("moderator"), "feedback"));
    expect(inServer.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(inServer.body.data.embeds[0].description).toContain("👍 2 helpful · 👎 1 not helpful, on 1 answer");
    expect(inServer.body.data.embeds[0].fields[0].value).toContain("**Ingrid Halvorsen** — “Who designed the Storvik Bridge?”");

    const cli = spawnSync(process.execPath, ["--import", "tsx", "bin/storybot.ts", "feedback", "--json"], { cwd: ROOT, env: { ...process.env, STORYBOT_DB: dbFile, STORY: "" }, encoding: "utf8", timeout: 60_000 });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({
      server: null,
      helpful: 2,
      notHelpful: 1,
      answers: 1,
      wrong: [{ story: WIRE_ID, question: "Who designed the Storvik Bridge?", answer: "Ingrid Halvorsen", confidence: expect.any(Number), helpful: 2, notHelpful: 1 }],
    });
  });

  it("does not count button clicks toward the question cooldown", async () => {
    const eager = user("eager-clicker");
    const answer = await ask(eager, { question: "When will the repair work start?" });
    const posted = asPosted(answer);
    for (const b of buttonsOf(answer)) await click(eager, b.custom_id, posted);
    // the second question of the window (the limit is 2) is still answered; the third is refused
    expect((await ask(eager, { question: "How much will the repair cost?" })).embeds[0].title).toMatch(/^(?:about )?120 million kroner$/);
    expect((await ask(eager, { question: "Who is Lars Moe?" })).content).toMatch(/please wait/i);
  });

  it("/ask target: pings exactly that user, and no other reply pings anyone", async () => {
    const target = user("the-one-to-tell");
    const asked = slashCommand(emulator.world, user("teller"), "ask", { question: "Who designed the Storvik Bridge?", target: target.id });
    asked.data.options = asked.data.options.map((o) => (o.name === "target" ? { ...o, type: 6 } : o));
    Object.assign(asked.data, { resolved: { users: { [target.id]: target } } });
    const call = await emulator.interact(asked);
    expect(call.body.data.content).toBe(`<@${target.id}>`);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], users: [target.id], replied_user: false });
    expect(call.body.data.embeds[0].title).toBe("Ingrid Halvorsen");
    const plain = await ask(user("no-target"), { question: "Who designed the Storvik Bridge?" });
    expect(plain.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(plain.content ?? "").toBe("");
  });

  it("shows the answer as the title linking to the story's own URL, the quote, the citation in the footer and the story's date, within Discord's limits", async () => {
    const data = await ask(user("reader"), { question: "Who operates the ferry?", story: "ferry" });
    const embed = data.embeds[0];
    expect(embed).toMatchObject({
      title: "Fjordline",
      url: "https://news.example/ferry-resumes",
      footer: { text: "¶1 · Harbour ferry resumes after two-week strike · Coast Daily · 2 Apr 2024" },
      timestamp: "2024-04-02T00:00:00.000Z",
    });
    expect(embed.description).toMatch(/^> “The ferry between Vik and Holm resumed on Monday/);
    // the link in the story's text is quoted, never live
    expect(embed.description).toContain("https:\u200b//evil.example/phish");
    expect(messageProblems(data)).toEqual([]);
    expect(buttonsOf(data).map((b) => b.label)).toEqual(["Show paragraph", "👍", "👎"]);
  });

  it("offers questions the story can answer when it doesn't say, each a button that asks it", async () => {
    const data = await ask(user("curious"), { question: "Who won the 2020 US election?" });
    expect(data.embeds[0].title).toBe("The story doesn't say.");
    const suggestions = buttonsOf(data).filter((b) => /^(?:ask|who)\?/.test(b.custom_id));
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(messageProblems(data)).toEqual([]);
    const asked = await click(user("clicker"), suggestions[0]!.custom_id, asPosted(data));
    expect(asked.embeds[0].title).not.toBe("The story doesn't say.");
  });

  it("registers /feedback for server managers only, and public commands for members who can send messages", async () => {
    await deployCommands({ token: emulator.world.token, clientId: emulator.world.application.id, guildId: emulator.world.guild.id, apiUrl: emulator.apiUrl, commands });
    const body = emulator.rest.calls.find((c) => c.method === "PUT")!.body as { name: string; default_member_permissions?: string; contexts?: number[] }[];
    const byName = Object.fromEntries(body.map((c) => [c.name, c]));
    expect(byName.feedback).toMatchObject({ default_member_permissions: "32", contexts: [0] });
    expect(byName.ask).toMatchObject({ default_member_permissions: "2048", contexts: [0, 1] });
    expect(byName.help!.default_member_permissions).toBeUndefined();
    expect(body.map((c) => c.name)).not.toContain("vote");
  });
});
