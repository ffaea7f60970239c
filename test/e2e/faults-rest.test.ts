/**
 * Flaky connections to Discord's REST API and events delivered twice, against the emulator with the
 * real discord.js client: a callback whose connection is reset is sent again (once it has reached
 * Discord, the second try is refused with 40060, which counts as done); a callback slower than the
 * REST timeout is retried and answered without a false error; the same interaction delivered twice
 * is answered once and charged to the cooldown once.
 */
import { describe, it, type TestContext } from "vitest";
import { dispatchBurst, outcomeOf } from "../emulator/burst.js";
import { startBotUnderTest, type BotUnderTest } from "../emulator/harness.js";
import { slashCommand, userMessage } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";

async function start(test: TestContext, options: Parameters<typeof startBotUnderTest>[0] = {}): Promise<BotUnderTest> {
  const running = await startBotUnderTest(options);
  test.onTestFinished(() => running.close());
  return running;
}

const callbacksOf = (t: BotUnderTest, id: string) => t.emulator.rest.calls.filter((c) => c.path.startsWith(`/interactions/${id}/`) && c.path.endsWith("/callback"));
const RESET = "Discord closed the connection before answering; sending the request again";

describe.concurrent("connections reset under load", () => {
  it("retries every callback whose connection was reset, before or after Discord handled it: none unanswered, none failed", { timeout: 45_000 }, async (test) => {
    const { expect } = test;
    const t = await start(test);
    const { emulator } = t;
    const COUNT = 300;
    let ids: string[] = [];
    const before: string[] = [];
    const after: string[] = [];
    ids = await dispatchBurst(emulator, COUNT, { perTick: 30, tickMs: 20 }, (i) => {
      const interaction = slashCommand(emulator.world, user(`reset-${i}`), "ask", { question: "who laid flowers?" });
      const path = new RegExp(`^/interactions/${interaction.id}/`);
      // one in five loses its connection before Discord sees the callback, one in seven after
      if (i % 5 === 0) (before.push(interaction.id), emulator.rest.fail({ path, drop: "before", times: 1 }));
      else if (i % 7 === 0) (after.push(interaction.id), emulator.rest.fail({ path, drop: "after", times: 1 }));
      return interaction;
    });
    await emulator.interactions.waitUntilCompleted(ids, 30_000);
    // an interaction whose first callback Discord handled is complete before the bot's retry arrives
    await Promise.all(after.map((id) => emulator.rest.waitFor((c) => c.path.startsWith(`/interactions/${id}/`) && c.status === 400, 10_000)));
    const outcome = outcomeOf(emulator, ids);
    expect(outcome).toMatchObject({ dispatched: COUNT, delivered: COUNT, unanswered: [] });
    // a callback that reached Discord is refused the second time: the only "second acknowledgements"
    expect(outcome.answeredTwice.sort()).toEqual([...after].sort());
    for (const id of before) expect(callbacksOf(t, id).map((c) => c.dropped ?? c.status)).toEqual(["before", 204]);
    for (const id of after) expect(callbacksOf(t, id).map((c) => c.dropped ?? c.status)).toEqual(["after", 400]);
    expect(t.logs.filter((l) => l.msg === RESET)).toHaveLength(before.length + after.length);
    expect(t.logs.find((l) => l.msg === RESET)).toMatchObject({ level: 40, method: "POST", route: "/interactions/:id/:token/callback", attempt: 1 });
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
    for (const id of ids) expect(JSON.stringify(t.logs)).not.toContain(emulator.interactions.get(id)!.token);
  });
});

describe.concurrent("a mention's reply whose connection is reset", () => {
  it("is sent again with the same enforced nonce and posted once, whether the reset came before or after Discord made it", async (test) => {
    const { expect } = test;
    const t = await start(test);
    const { emulator } = t;
    const bot = emulator.world.bot;
    const replies = (id: string) => emulator.rest.calls.filter((c) => c.method === "POST" && c.body?.message_reference?.message_id === id);
    for (const drop of ["after", "before"] as const) {
      const asked = userMessage(emulator.world, user(`mention-${drop}`), `<@${bot.id}> who laid flowers?`, [bot]);
      emulator.rest.fail({ method: "POST", path: /^\/channels\/\d+\/messages$/, drop, times: 1 });
      emulator.gateway.dispatch("MESSAGE_CREATE", asked);
      const posted = await emulator.rest.waitFor((c) => c.status === 200 && !c.dropped && c.body?.message_reference?.message_id === asked.id);
      expect(JSON.stringify(posted.body.embeds[0])).toMatch(/Kim Jong-un/);
      expect(replies(asked.id).map((c) => c.dropped ?? c.status)).toEqual([drop, 200]);
      for (const c of replies(asked.id)) expect(c.body).toMatchObject({ nonce: asked.id, enforce_nonce: true });
    }
    // the reply whose first try Discord had made was not made again
    expect(emulator.rest.created).toHaveLength(2);
    expect(t.logs.filter((l) => l.msg === RESET)).toEqual([expect.objectContaining({ route: "/channels/:id/messages" }), expect.objectContaining({ route: "/channels/:id/messages" })]);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe.concurrent("a callback slower than the REST timeout", () => {
  it("is retried; the retry's 40060 counts as done: answered once, no error logged", async (test) => {
    const { expect } = test;
    const t = await start(test, { client: { rest: { timeout: 400 } } });
    const { emulator } = t;
    const slow = slashCommand(emulator.world, user("slow-api"), "ask", { question: "who laid flowers?" });
    emulator.rest.fail({ path: new RegExp(`^/interactions/${slow.id}/`), delayMs: 900, times: 1 });
    emulator.gateway.dispatch("INTERACTION_CREATE", slow);
    await emulator.interactions.waitUntilCompleted([slow.id]);
    await emulator.rest.waitFor((c) => c.path.startsWith(`/interactions/${slow.id}/`) && c.status === 400);
    await new Promise((done) => setTimeout(done, 200));
    // the first try was handled (its answer came too late for the client); every retry was refused as a repeat
    const [handled, ...retries] = callbacksOf(t, slow.id);
    expect(handled!.status).toBe(204);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.map((c) => c.status)).toEqual(retries.map(() => 400));
    expect(emulator.interactions.get(slow.id)!.completedAt).toBeDefined();
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(t.logs.filter((l) => /command failed|could not answer/.test(l.msg))).toEqual([]);
  });
});

describe.concurrent("the same interaction delivered twice", () => {
  it("is answered once and charged to the cooldown once", async (test) => {
    const { expect } = test;
    const t = await start(test, { cooldown: { limit: 2, windowMs: 60_000 } });
    const { emulator } = t;
    const asker = user("twice");
    const first = slashCommand(emulator.world, asker, "ask", { question: "who laid flowers?" });
    emulator.gateway.dispatch("INTERACTION_CREATE", first);
    emulator.gateway.dispatch("INTERACTION_CREATE", first);
    await emulator.interactions.waitUntilCompleted([first.id]);
    // with the duplicate charged too, this second question would be refused by the cooldown (limit 2)
    const second = await emulator.interact(slashCommand(emulator.world, asker, "ask", { question: "When did the war begin?" }));
    expect(second.body.data.embeds[0].description).toMatch(/June 1950/);
    expect(emulator.interactions.get(first.id)).toMatchObject({ deliveries: 2, extraAcknowledgements: 0 });
    expect(callbacksOf(t, first.id)).toHaveLength(1);
    expect(t.logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});
