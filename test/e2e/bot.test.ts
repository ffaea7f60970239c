/**
 * The bot end to end: the real discord.js Client, logged in to the loopback Discord emulator,
 * answering slash commands, autocomplete, buttons and mentions as Discord users would send them.
 */
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineCommand } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { startBot } from "../../src/discord/bot.js";
import { deployCommands } from "../../src/discord/deploy.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";
import { DiscordEmulator } from "../emulator/emulator.js";
import { autocomplete, buttonClick, slashCommand, userMessage } from "../emulator/interactions.js";
import { user, type EmulatedUser } from "../emulator/world.js";

const EPHEMERAL = 64;
const COOLDOWN_LIMIT = 3;

let emulator: DiscordEmulator;
let client: Client;
let stories: Stories;
const logLines: Record<string, any>[] = [];

/** Lets the test decide when the slow command finishes, so the deferral is observed without timing guesses. */
let releaseSlow: () => void = () => {};
const slowGate = () => new Promise<void>((done) => (releaseSlow = done));

const failing = defineCommand({
  data: { name: "boom", description: "fails on purpose (test only)" },
  query(): never {
    throw new Error("kaboom: a bug in a handler");
  },
  render: () => ({}),
});

const slow = defineCommand({
  data: { name: "slow", description: "answers late (test only)" },
  query: () => slowGate(),
  render: () => ({ text: [{ spans: [{ text: "late but here" }] }] }),
});

beforeAll(async () => {
  emulator = await DiscordEmulator.start();
  stories = new Stories(await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR));
  const log = createLogger({ level: "info", destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } });
  client = await startBot({
    token: emulator.world.token,
    apiUrl: emulator.apiUrl,
    stories,
    log,
    commands: [...commands, failing, slow],
    cooldown: { limit: COOLDOWN_LIMIT, windowMs: 10_000 },
  });
});

afterAll(async () => {
  await client?.destroy();
  await emulator?.close();
});

const ask = (who: EmulatedUser, options: Record<string, string | boolean>) => {
  const interaction = slashCommand(emulator.world, who, "ask", options);
  return { interaction, response: emulator.interact(interaction) };
};

describe("the bot against the Discord emulator", () => {
  it("logs in with the Guilds and GuildMessages intents only, and becomes ready", async () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(emulator.world.bot.id);
    const identify = await emulator.gateway.waitFor((op) => op.op === 2);
    expect(identify.d.intents).toBe(1 | 512);
    expect(client.guilds.cache.has(emulator.world.guild.id)).toBe(true);
  });

  it("deploy registers the command set with one PUT to the guild", async () => {
    const before = emulator.rest.calls.length;
    const { registered } = await deployCommands({ token: emulator.world.token, clientId: emulator.world.application.id, guildId: emulator.world.guild.id, apiUrl: emulator.apiUrl, commands });
    const calls = emulator.rest.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${emulator.world.application.id}/guilds/${emulator.world.guild.id}/commands`]);
    expect(calls[0]!.authorized).toBe(true);
    expect(registered).toBe(commands.length);
    const body = calls[0]!.body as any[];
    expect(body.map((c) => c.name)).toEqual(expect.arrayContaining(["ask", "who", "when", "where", "source", "stories", "help"]));
    for (const c of body) {
      expect(c.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const required = (c.options ?? []).map((o: any) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    const question = body.find((c) => c.name === "ask").options.find((o: any) => o.name === "question");
    expect(question).toMatchObject({ type: 3, autocomplete: true, required: true, max_length: 300 });
    expect(question.choices).toBeUndefined();
  });

  it("/ask answers with the short answer as the title, the quoted evidence and a ¶ citation in the footer, publicly", async () => {
    const { interaction, response } = ask(user("asker"), { question: "Who visited the graves of the Chinese soldiers?" });
    const call = await response;
    expect(call.body.type).toBe(4);
    const embed = call.body.data.embeds[0];
    expect(embed.title).toBe("Kim Jong-un");
    expect(embed.description).toMatch(/^> “.*visited the graves of Chinese soldiers/);
    expect(embed.footer.text).toMatch(/^¶1 · /);
    expect((call.body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(emulator.callsFor(interaction)).toHaveLength(1);
  });

  it("private:true makes the answer ephemeral", async () => {
    const call = await ask(user("shy"), { question: "who laid flowers?", private: true }).response;
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(call.body.data.embeds[0].title).toBe("Kim Jong-un");
  });

  it("autocomplete answers directly with 1 to 25 valid choices", async () => {
    const typist = user("typist");
    for (const [command, values, focused, expected] of [
      ["ask", { question: "who laid" }, "question", /laid flowers/i],
      ["ask", { question: "" }, "question", /\?$/],
      ["who", { subject: "mao" }, "subject", /^Mao /],
      ["ask", { question: "who", story: "korea" }, "story", /^korea-herald/],
    ] as const) {
      const call = await emulator.interact(autocomplete(emulator.world, typist, command, values, focused));
      expect(call.body.type).toBe(8);
      const choices: { name: string; value: string }[] = call.body.data.choices;
      expect(choices.length).toBeGreaterThanOrEqual(1);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(String(c.value).length).toBeGreaterThanOrEqual(1);
        expect(String(c.value).length).toBeLessThanOrEqual(100);
      }
      expect(choices.some((c) => expected.test(String(c.value)))).toBe(true);
    }
  });

  it("the Show paragraph button reveals the whole paragraph to the clicker only", async () => {
    const answer = await ask(user("reader"), { question: "When did the war begin?" }).response;
    const button = answer.body.data.components[0].components[0];
    expect(button.label).toBe("Show paragraph");
    const message = { ...answer.body.data, id: "1", channel_id: emulator.world.guild.channelId, author: emulator.world.bot, type: 20 };
    const click = buttonClick(emulator.world, user("clicker"), button.custom_id, message);
    const call = await emulator.interact(click);
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const cited = Number(/¶(\d+)/.exec(answer.body.data.embeds[0].footer.text)![1]);
    const paragraph = stories.pick(null).paragraphs.find((p) => p.number === cited)!;
    expect(call.body.data.embeds[0].description).toContain(paragraph.text);
    expect(emulator.callsFor(click)).toHaveLength(1);
  });

  it("a message that mentions the bot gets the answer as a reply; bots, itself included, are ignored", async () => {
    const bot = emulator.world.bot;
    const otherBot = user("another-bot", true);
    const fromBot = userMessage(emulator.world, otherBot, `<@${bot.id}> when did the war begin?`, [bot]);
    emulator.gateway.dispatch("MESSAGE_CREATE", fromBot);
    const fromSelf = userMessage(emulator.world, bot, `<@${bot.id}> when did the war begin?`, [bot]);
    emulator.gateway.dispatch("MESSAGE_CREATE", fromSelf);
    const human = userMessage(emulator.world, user("mentioner"), `<@${bot.id}> when did the war begin?`, [bot]);
    const reply = await emulator.post(human);
    expect(reply.body.embeds[0].title).toBe("June 1950");
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const repliedTo = emulator.rest.calls.map((c) => c.body?.message_reference?.message_id).filter(Boolean);
    expect(repliedTo).not.toContain(fromBot.id);
    expect(repliedTo).not.toContain(fromSelf.id);
  });

  it("a question containing @everyone goes out with no mention parsing", async () => {
    const call = await ask(user("pinger"), { question: "@everyone who laid flowers?" }).response;
    expect(call.body.data.allowed_mentions.parse).toEqual([]);
    const bot = emulator.world.bot;
    const reply = await emulator.post(userMessage(emulator.world, user("pinger2"), `<@${bot.id}> @everyone @here who laid flowers?`, [bot]));
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    expect(reply.body.allowed_mentions.replied_user).toBe(false);
  });

  it("a handler error gives an ephemeral reply with a reference, a structured log line, and the bot keeps answering", async () => {
    const victim = user("unlucky");
    const boom = slashCommand(emulator.world, victim, "boom");
    const call = await emulator.interact(boom);
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const ref = /something went wrong \(ref \*\*([0-9a-f]+)\*\*\)/.exec(call.body.data.content)?.[1];
    expect(ref).toBeDefined();
    const line = logLines.find((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, command: "boom", user: victim.id, err: { message: "kaboom: a bug in a handler" } });
    expect(emulator.callsFor(boom)).toHaveLength(1);
    const after = await ask(victim, { question: "Who visited the graves of the Chinese soldiers?" }).response;
    expect(after.body.data.embeds[0].title).toBe("Kim Jong-un");
  });

  it("a command that takes long is deferred, then its answer edits the deferred reply", async () => {
    const interaction = slashCommand(emulator.world, user("patient"), "slow");
    const deferral = await emulator.interact(interaction);
    expect(deferral.body.type).toBe(5);
    releaseSlow();
    const edit = await emulator.rest.waitFor((c) => c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/@original`));
    expect(edit.body.content).toBe("late but here");
    expect(emulator.callsFor(interaction).filter((c) => c.path.endsWith("/callback"))).toHaveLength(1);
  });

  it("a user over the cooldown gets a polite ephemeral note, others are still answered", async () => {
    const eager = user("eager");
    for (let i = 0; i < COOLDOWN_LIMIT; i++) {
      const ok = await ask(eager, { question: "who laid flowers?" }).response;
      expect(ok.body.data.embeds?.[0]?.title).toBe("Kim Jong-un");
    }
    const refused = await ask(eager, { question: "who laid flowers?" }).response;
    expect(refused.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.body.data.content).toMatch(/please wait \d+ seconds?/i);
    expect(refused.body.data.embeds ?? []).toHaveLength(0);
    const other = await ask(user("calm"), { question: "who laid flowers?" }).response;
    expect(other.body.data.embeds[0].title).toBe("Kim Jong-un");
  });

  it("/who gives what the story says about a name, and /source refuses a paragraph that does not exist, privately", async () => {
    const who = await emulator.interact(slashCommand(emulator.world, user("curious"), "who", { subject: "mao anying" }));
    expect(who.body.data.embeds[0].description).toMatch(/^\*\*Mao Anying\*\* \(person\)\nDescribed as: .*son of Mao Zedong/);
    expect(who.body.data.embeds[0].description).toMatch(/^> ¶4 “Mao Anying, who fought/m);
    const source = await emulator.interact(slashCommand(emulator.world, user("curious2"), "source", { paragraph: 999 }));
    expect(source.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(source.body.data.content).toMatch(/^This story has \d+ paragraphs; pick a number from 1 to \d+\.$/);
  });

  it("rides out a rate-limited callback and a dropped gateway connection", async () => {
    emulator.rest.fail({ method: "POST", path: /\/callback$/, status: 429, times: 1, retryAfter: 0.05 });
    const limited = await ask(user("retry"), { question: "who laid flowers?" }).response;
    expect(limited.status).toBe(429);
    const retried = await emulator.rest.waitFor((c) => c.path === limited.path && c.status === 204);
    expect(retried.body.data.embeds[0].title).toBe("Kim Jong-un");

    const resumes = emulator.gateway.received.filter((op) => op.op === 6).length;
    emulator.gateway.closeAll(4000);
    await emulator.gateway.waitFor((op) => op.op === 6 && emulator.gateway.received.filter((o) => o.op === 6).length > resumes);
    const after = await ask(user("after-resume"), { question: "who laid flowers?" }).response;
    expect(after.body.data.embeds[0].title).toBe("Kim Jong-un");
  });
});
