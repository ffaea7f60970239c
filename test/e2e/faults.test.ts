/**
 * Discord misbehaving, against the emulator: the gateway dropping mid-burst (4000: resume and replay;
 * 1000: a new session), REST answering 429 and 500 on the interaction callback, an interaction that
 * expired before the bot could answer (10062), and a command slower than Discord's 3-second window.
 * The real discord.js client throughout; the emulator decides, as Discord would, what counts as
 * delivered and answered.
 */
import { describe, it, type TestContext } from "vitest";
import { defineCommand } from "../../commands/command.js";
import { dispatchBurst, mixedInteraction, outcomeOf } from "../emulator/burst.js";
import { INTERACTION_DEADLINE_MS } from "../emulator/emulator.js";
import { startBotUnderTest, type BotUnderTest } from "../emulator/harness.js";
import { autocomplete, slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";

/** A bot and emulator for one test, closed when that test ends (the tests run side by side). */
async function start(test: TestContext, options: Parameters<typeof startBotUnderTest>[0] = {}): Promise<BotUnderTest> {
  const running = await startBotUnderTest(options);
  test.onTestFinished(() => running.close());
  return running;
}

const callbacksOf = (t: BotUnderTest, interaction: { id: string }) => t.emulator.rest.calls.filter((c) => c.path.startsWith(`/interactions/${interaction.id}/`));

describe.concurrent("the gateway drops in the middle of a burst", () => {
  it("resumes after 4000 (missed dispatches replayed), starts a new session after 1000, and answers every delivered interaction exactly once", async (test) => {
    const { expect } = test;
    const t = await start(test);
    const { emulator } = t;
    const pace = { perTick: 20, tickMs: 10 };
    let next = 0;
    // each call continues the same mix of interactions where the previous one stopped
    const burst = async (count: number) => {
      const ids = await dispatchBurst(emulator, count, pace, (i) => mixedInteraction(emulator.world, next + i));
      next += count;
      return ids;
    };

    const before = await burst(100);
    const resumed = emulator.gateway.nextSent((op) => op.t === "RESUMED");
    emulator.gateway.closeAll(4000);
    // dispatched while the session has no socket: Discord keeps them for the RESUME
    const whileResuming = await burst(50);
    await resumed;
    const afterResume = await burst(100);
    const newSession = emulator.gateway.nextSent((op) => op.t === "READY");
    emulator.gateway.closeAll(1000);
    // dispatched after the session ended and before the next IDENTIFY: no session takes them
    const whileReconnecting = await burst(50);
    await newSession;
    const afterNewSession = await burst(100);

    const delivered = [...before, ...whileResuming, ...afterResume, ...afterNewSession];
    await emulator.interactions.waitUntilCompleted(delivered);
    const outcome = outcomeOf(emulator, [...delivered, ...whileReconnecting]);
    expect(outcome).toMatchObject({ dispatched: 400, delivered: 350, answeredOnce: 350, unanswered: [], answeredTwice: [], deliveredTwice: [] });
    expect(whileResuming.every((id) => emulator.interactions.get(id)!.replayed)).toBe(true);
    expect(emulator.gateway.lost.map((e) => e.d.id)).toEqual(whileReconnecting);
    expect(whileReconnecting.flatMap((id) => callbacksOf(t, { id }))).toEqual([]);
    expect(emulator.gateway.received.filter((op) => op.op === 6)).toHaveLength(1);
    expect(emulator.gateway.received.filter((op) => op.op === 2)).toHaveLength(2);
    expect(t.logs.find((l) => l.msg === "gateway resumed")).toMatchObject({ level: 30, replayed: expect.any(Number) });
  });
});

describe.concurrent("REST faults on the interaction callback", () => {
  it("retries a 429 after its retry-after and 500s until the API recovers, logs each, and answers", async (test) => {
    const { expect } = test;
    const t = await start(test, { emulator: { enforceDeadline: true } });
    const { emulator } = t;
    const limited = slashCommand(emulator.world, user("limited"), "ask", { question: "who laid flowers?" });
    const failing = slashCommand(emulator.world, user("failing"), "ask", { question: "who laid flowers?" });
    const down = slashCommand(emulator.world, user("unlucky"), "ask", { question: "who laid flowers?" });
    emulator.rest.fail({ method: "POST", path: new RegExp(`^/interactions/${limited.id}/`), status: 429, times: 1, retryAfter: 0.2 });
    emulator.rest.fail({ method: "POST", path: new RegExp(`^/interactions/${failing.id}/`), status: 500, times: 2 });
    // longer than @discordjs/rest's three retries: the request fails, and the failure reply goes out once the API is back
    emulator.rest.fail({ method: "POST", path: new RegExp(`^/interactions/${down.id}/`), status: 500, times: 4 });
    for (const interaction of [limited, failing, down]) emulator.gateway.dispatch("INTERACTION_CREATE", interaction);
    await emulator.interactions.waitUntilCompleted([limited.id, failing.id, down.id]);

    expect(callbacksOf(t, limited).map((c) => c.status)).toEqual([429, 204]);
    expect(callbacksOf(t, failing).map((c) => c.status)).toEqual([500, 500, 204]);
    for (const answered of [limited, failing]) expect(callbacksOf(t, answered).at(-1)!.body.data.embeds[0].title).toBe("Kim Jong-un");
    expect(callbacksOf(t, down).map((c) => c.status)).toEqual([500, 500, 500, 500, 204]);
    const ref = /something went wrong \(ref \*\*([0-9a-f]+)\*\*\)/.exec(callbacksOf(t, down).at(-1)!.body.data.content)?.[1];
    expect(t.logs.find((l) => l.msg === "command failed")).toMatchObject({ level: 50, ref, user: down.member.user.id });

    const route = "/interactions/:id/:token/callback";
    expect(t.logs.filter((l) => l.status === 429)).toEqual([expect.objectContaining({ level: 40, method: "POST", route, retryAfterS: 0.2, attempt: 1 })]);
    const serverErrors = t.logs.filter((l) => l.status === 500);
    expect(serverErrors.map((l) => [l.level, l.route, l.attempt]).sort()).toEqual([
      [40, route, 1],
      [40, route, 1],
      [40, route, 2],
      [40, route, 2],
      [40, route, 3],
      [40, route, 4],
    ]);
    expect(serverErrors.filter((l) => /no retries left/.test(l.msg))).toHaveLength(1);
    // an interaction's token answers for it for 15 minutes: it stays out of the log like the bot's
    for (const interaction of [limited, failing, down]) expect(JSON.stringify(t.logs)).not.toContain(interaction.token);
  });

  it("logs an interaction that expired before its first response (10062), sends nothing more for it, and keeps answering others", async (test) => {
    const { expect } = test;
    const t = await start(test, { emulator: { enforceDeadline: true } });
    const { emulator } = t;
    const late = slashCommand(emulator.world, user("too-late"), "ask", { question: "who laid flowers?" });
    const lateTyping = autocomplete(emulator.world, user("too-late-typist"), "ask", { question: "who" }, "question");
    for (const interaction of [late, lateTyping]) {
      emulator.gateway.dispatch("INTERACTION_CREATE", interaction);
      // Discord forgets the interaction before the bot's first response can reach it
      emulator.interactions.expire(interaction.id);
    }
    const next = await emulator.interact(slashCommand(emulator.world, user("on-time"), "ask", { question: "who laid flowers?" }));
    expect(next.status).toBe(204);
    expect(next.body.data.embeds[0].title).toBe("Kim Jong-un");

    await emulator.rest.waitFor((c) => c.path.startsWith(`/interactions/${lateTyping.id}/`));
    for (const expired of [late, lateTyping]) expect(callbacksOf(t, expired).map((c) => c.status)).toEqual([404]);
    const warnings = t.logs.filter((l) => /expired/.test(l.msg));
    expect(warnings.map((l) => [l.level, l.interaction])).toEqual(expect.arrayContaining([
      [40, late.id],
      [40, lateTyping.id],
    ]));
    // no "command failed" with a ref, and no second attempt to reach an interaction that is gone
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe.concurrent("a command slower than Discord's window", () => {
  it("is deferred within the 3 s window, and its answer edits the deferred reply after the window has closed", async (test) => {
    const { expect } = test;
    let release: () => void = () => {};
    const finishes = new Promise<void>((done) => (release = done));
    const ponder = defineCommand({
      data: { name: "ponder", description: "answers after Discord's 3-second window (test only)" },
      query: () => finishes,
      render: () => ({ text: [{ spans: [{ text: "worth the wait" }] }] }),
    });
    const t = await start(test, { emulator: { enforceDeadline: true }, extraCommands: [ponder] });
    const { emulator } = t;
    const interaction = slashCommand(emulator.world, user("patient"), "ponder");
    const deferral = await emulator.interact(interaction);
    // the emulator refuses a first response after 3 s (10062): a 204 here means it came in time
    expect(deferral.body.type).toBe(5);
    expect(deferral.status).toBe(204);

    // the command goes on past the window, where only an edit of the deferred reply can still land
    const record = emulator.interactions.get(interaction.id)!;
    await new Promise((done) => setTimeout(done, record.createdAt + INTERACTION_DEADLINE_MS - performance.now() + 100));
    release();
    await emulator.interactions.waitUntilCompleted([interaction.id]);
    const edit = emulator.callsFor(interaction).at(-1)!;
    expect(`${edit.method} ${edit.path}`).toBe(`PATCH /webhooks/${emulator.world.application.id}/${interaction.token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.body.content).toBe("worth the wait");
    expect(callbacksOf(t, interaction)).toHaveLength(1);
  });
});
