/**
 * Stopping a serving bot. As a real process against the emulator: on SIGTERM or SIGINT it stops taking
 * new interactions (they get a short "restarting" note, so none goes unanswered), finishes the reply
 * in flight, disconnects from the gateway and exits 0. In-process: a reply that never finishes is
 * given up once the stop budget is spent, and the client is destroyed all the same.
 */
import { describe, it } from "vitest";
import { defineCommand } from "../../commands/command.js";
import { emulatorForTest } from "../emulator/emulator.js";
import { startBotUnderTest } from "../emulator/harness.js";
import { slashCommand, userMessage } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { SLOW_ANSWER, startStorybot, STORYBOT_WITH_SLOW_COMMAND } from "../helpers/storybot-process.js";
import { tempDirForFile } from "../helpers/temp-dir.js";

const EPHEMERAL = 64;
const cwd = tempDirForFile("storybot-shutdown-");

/** A reply that stays in flight: a stop has to wait for it, then give it up. */
const never = defineCommand({
  data: { name: "never", description: "never answers (test only)" },
  slow: true,
  query: () => new Promise<void>(() => {}),
  render: () => ({}),
});


describe.concurrent("stopping the bot process", () => {
  it.for(["SIGTERM", "SIGINT"] as const)("on %s turns new interactions away politely, finishes the reply in flight, disconnects and exits 0", async (signal, test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const bot = startStorybot({ entry: STORYBOT_WITH_SLOW_COMMAND, cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl }, stdin: "pipe" });
    test.onTestFinished(() => void bot.child.kill("SIGKILL"));
    await bot.printed(/"msg":"ready"/);
    const slow = slashCommand(emulator.world, user("patient"), "slow");
    expect((await emulator.interact(slow)).body.type).toBe(5);

    bot.child.kill(signal);
    await bot.printed(/no longer taking new interactions/);
    const late = await emulator.interact(slashCommand(emulator.world, user("latecomer"), "ask", { question: "who laid flowers?" }));
    expect(late.body.type).toBe(4);
    expect(late.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(late.body.data.content).toMatch(/restarting: please ask again in a moment/);

    // the /slow command finishes only now, after the signal
    bot.child.stdin!.end("done\n");
    expect(await bot.exit).toBe(0);
    const edit = emulator.callsFor(slow).find((c) => c.method === "PATCH");
    expect(edit).toMatchObject({ path: `/webhooks/${emulator.world.application.id}/${slow.token}/messages/@original`, status: 200, body: { content: SLOW_ANSWER } });
    // the client was destroyed: it closed the gateway itself, ending its session
    expect(emulator.gateway.closes).toEqual([{ code: 1000, by: "client", shard: [0, 1] }]);
    expect(bot.logLines().find((l) => l.msg === "stopping")).toMatchObject({ cause: signal });
    expect(bot.logLines().find((l) => l.msg === "no longer taking new interactions; finishing the replies in flight")).toMatchObject({ inFlight: 1 });
    expect(bot.logLines().filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe.concurrent("mentions while stopping", () => {
  it("a mention that arrives once the stop has begun is told to ask again, and the log says so", async (test) => {
    const { expect } = test;
    const t = await startBotUnderTest({ extraCommands: [never] });
    test.onTestFinished(() => t.close());
    // a reply in flight keeps the stop waiting, as a real one would
    expect((await t.emulator.interact(slashCommand(t.emulator.world, user("waiting"), "never"))).body.type).toBe(5);
    const stopped = t.bot.stop(1500);
    const bot = t.emulator.world.bot;
    const late = userMessage(t.emulator.world, user("late-asker"), `<@${bot.id}> who laid flowers?`, [bot]);
    const reply = await t.emulator.post(late);
    expect(reply.body.content).toMatch(/restarting: please ask again in a moment/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(t.logs.find((l) => l.msg === "mention arrived while stopping; asked to ask again")).toMatchObject({ level: 30, message: late.id });
    expect(await stopped).toEqual({ unfinished: 1 });
  });
});

describe.concurrent("the stop budget", () => {
  it("gives up a reply that never finishes once the budget is spent, and destroys the client all the same", async (test) => {
    const { expect } = test;
    const t = await startBotUnderTest({ extraCommands: [never] });
    test.onTestFinished(() => t.close());
    expect((await t.emulator.interact(slashCommand(t.emulator.world, user("abandoned"), "never"))).body.type).toBe(5);
    expect(await t.bot.stop(200)).toEqual({ unfinished: 1 });
    expect(t.logs.find((l) => l.msg === "gave up waiting for replies still in flight")).toMatchObject({ level: 40, unfinished: 1, budgetMs: 200 });
    expect(t.emulator.gateway.closes).toEqual([{ code: 1000, by: "client", shard: [0, 1] }]);
  });
});
