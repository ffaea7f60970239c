/**
 * The emulator fails where Discord fails, so that passing tests mean something: rate-limit buckets
 * announced in X-RateLimit-* headers (and @discordjs/rest waiting on them), a global 429 that holds
 * every request back, 50035 for a payload over Discord's limits, 40060 for a second acknowledgement,
 * and a connection dropped (4009) when the client stops heartbeating, which the bot resumes from.
 * The real discord.js client throughout.
 */
import { DiscordAPIError, Routes } from "discord.js";
import { describe, it, type TestContext } from "vitest";
import { defineCommand } from "../../commands/command.js";
import { SESSION_TIMED_OUT } from "../emulator/gateway.js";
import { startBotUnderTest, type BotUnderTest } from "../emulator/harness.js";
import { slashCommand, userMessage } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";

async function start(test: TestContext, options: Parameters<typeof startBotUnderTest>[0] = {}): Promise<BotUnderTest> {
  const running = await startBotUnderTest(options);
  test.onTestFinished(() => running.close());
  return running;
}

const channelMessages = (t: BotUnderTest) => t.emulator.rest.calls.filter((c) => c.method === "POST" && c.path === `/channels/${t.emulator.world.guild.channelId}/messages`);
const mention = (t: BotUnderTest, who: string) => userMessage(t.emulator.world, user(who), `<@${t.emulator.world.bot.id}> who laid flowers?`, [t.emulator.world.bot]);

describe.concurrent("rate limits", () => {
  it("a route's bucket, announced in its headers, is waited on: six replies through a bucket of two, none refused", async (test) => {
    const { expect } = test;
    const t = await start(test, { emulator: { messageRateLimit: { limit: 2, windowMs: 400 } } });
    const replies = Array.from({ length: 6 }, (_, i) => t.emulator.post(mention(t, `busy-${i}`)));
    for (const reply of await Promise.all(replies)) expect(reply.status).toBe(200);
    expect(channelMessages(t)).toHaveLength(6);
    // @discordjs/rest read X-RateLimit-Remaining/Reset-After and held the third back until the reset
    expect(t.emulator.rest.rateLimits.refused).toEqual([]);
  });

  it("a global 429 holds every request back for its retry-after, then all are answered", async (test) => {
    const { expect } = test;
    const t = await start(test);
    t.emulator.rest.rateLimits.failGlobally(1);
    const first = mention(t, "first");
    t.emulator.gateway.dispatch("MESSAGE_CREATE", first);
    await t.emulator.rest.waitFor((c) => c.status === 429);
    const refusedAt = t.emulator.rest.rateLimits.globalRefusals[0]!.at;
    const callsBefore = t.emulator.rest.calls.length;
    // another user's question while every route is blocked
    const asked = slashCommand(t.emulator.world, user("second"), "ask", { question: "who laid flowers?" });
    t.emulator.gateway.dispatch("INTERACTION_CREATE", asked);
    await t.emulator.rest.waitFor((c) => c.status === 200 && c.body?.message_reference?.message_id === first.id);
    await t.emulator.interactions.waitUntilCompleted([asked.id]);
    const next = t.emulator.rest.calls[callsBefore]!;
    expect(next).toBeDefined();
    // nothing reached Discord during the second it asked for (a little slack for the clocks)
    expect(t.emulator.rest.calls.slice(callsBefore).every((c) => c.status !== 429)).toBe(true);
    expect(performance.now() - refusedAt).toBeGreaterThanOrEqual(900);
    expect(t.logs.find((l) => l.status === 429)).toMatchObject({ level: 40, retryAfterS: 1 });
  });
});

describe.concurrent("payloads and acknowledgements Discord refuses", () => {
  it("50035 for a message over Discord's limits, before the callback counts; 40060 for a second acknowledgement", async (test) => {
    const { expect } = test;
    const t = await start(test);
    const { rest } = t.bot.client;
    const refusal = await rest.post(Routes.channelMessages(t.emulator.world.guild.channelId), { body: { content: "x".repeat(2001) } }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DiscordAPIError);
    expect((refusal as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((refusal as DiscordAPIError).rawError)).toContain("content");

    const interaction = slashCommand(t.emulator.world, user("raw"), "nothing-registered");
    t.emulator.interactions.created(interaction);
    const callback = Routes.interactionCallback(interaction.id, interaction.token);
    const tooBig = await rest.post(callback, { body: { type: 4, data: { embeds: [{ description: "y".repeat(4097) }] } }, auth: false }).catch((err: unknown) => err);
    expect((tooBig as DiscordAPIError).code).toBe(50035);
    // refused payloads do not acknowledge: the first valid callback does, and a second is refused
    await rest.post(callback, { body: { type: 4, data: { content: "fits" } }, auth: false });
    const again = await rest.post(callback, { body: { type: 4, data: { content: "again" } }, auth: false }).catch((err: unknown) => err);
    expect((again as DiscordAPIError).code).toBe(40060);
  });
});

describe.concurrent("heartbeats", () => {
  it("a bot that keeps heartbeating stays connected; one whose event loop stalls is dropped with 4009 and resumes", { timeout: 60_000 }, async (test) => {
    const { expect } = test;
    const stall = defineCommand({
      data: { name: "stall", description: "blocks the event loop for a moment (test only)" },
      query: () => {
        // a synchronous computation that holds the event loop, as an unbounded summary once did
        const until = performance.now() + 4000;
        while (performance.now() < until);
        return "stalled";
      },
      render: () => ({ text: [{ spans: [{ text: "done stalling" }] }] }),
    });
    // a second's interval, dropped after 1.5 s of silence: a busy test machine delays timers, never by seconds
    const t = await start(test, { emulator: { heartbeatIntervalMs: 1000 }, extraCommands: [stall] });
    const { gateway } = t.emulator;
    await new Promise((done) => setTimeout(done, 3500));
    expect(gateway.closes).toEqual([]);
    expect(gateway.received.filter((op) => op.op === 1).length).toBeGreaterThanOrEqual(3);

    const resumed = gateway.nextSent((op) => op.t === "RESUMED" || op.t === "READY", 15_000);
    const stalled = slashCommand(t.emulator.world, user("staller"), "stall");
    const reply = await t.emulator.interact(stalled);
    expect(reply.body.data.content).toBe("done stalling");
    await resumed;
    expect(gateway.closes).toContainEqual({ code: SESSION_TIMED_OUT, by: "server", shard: [0, 1] });
    const after = await t.emulator.interact(slashCommand(t.emulator.world, user("after-stall"), "ask", { question: "who laid flowers?" }));
    expect(after.body.data.embeds[0].title).toBe("Kim Jong-un");
  });
});
