/**
 * The gateway failing for good or for long, against the emulator with the real discord.js client:
 * a close Discord will not take back (4004, 4010–4014) ends the bot with a reason and a non-zero
 * exit; an unreachable gateway is retried with a growing, bounded delay, reported every few attempts
 * and given up; an API that accepts connections and never answers is named in the error.
 */
import { describe, it, type TestContext } from "vitest";
import { backoffDelay, DEFAULT_GATEWAY_POLICY, FATAL_CLOSES, GatewayFailure } from "../../src/discord/gateway-watch.js";
import { emulatorForTest } from "../emulator/emulator.js";
import { launchAgainst, startBotUnderTest, type BotUnderTest } from "../emulator/harness.js";
import { slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { startStorybot } from "../helpers/storybot-process.js";
import { tempDirForFile } from "../helpers/temp-dir.js";

const cwd = tempDirForFile("storybot-gateway-faults-");
/** short delays, so that a test sees many attempts in little time */
const QUICK_POLICY = { quickAttempts: 1, firstDelayMs: 20, maxDelayMs: 80, logEvery: 3 };

async function start(test: TestContext, options: Parameters<typeof startBotUnderTest>[0] = {}): Promise<BotUnderTest> {
  const running = await startBotUnderTest(options);
  test.onTestFinished(() => running.close());
  return running;
}

describe.concurrent("a close Discord will not take back, after ready", () => {
  it.for(Object.keys(FATAL_CLOSES).map(Number))("%i: the bot reports the code and what to do, and does not reconnect", async (code, test) => {
    const { expect } = test;
    const t = await start(test);
    t.emulator.gateway.closeAll(code);
    const failure = await t.bot.failed;
    expect(failure).toBeInstanceOf(GatewayFailure);
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(`closed the connection with ${code} (${FATAL_CLOSES[code]!.name})`);
    expect(failure.message).toContain(FATAL_CLOSES[code]!.advice);
    await new Promise((done) => setTimeout(done, 700));
    expect(t.emulator.gateway.received.filter((op) => op.op === 2 || op.op === 6)).toHaveLength(1);
  });

  it("4004 ends `storybot start` with exit status 1 and an error line that says to update DISCORD_TOKEN", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const bot = startStorybot({ args: ["start"], cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl } });
    test.onTestFinished(() => void bot.child.kill("SIGKILL"));
    await bot.printed(/"msg":"ready"/);
    emulator.gateway.closeAll(4004);
    expect(await bot.exit).toBe(1);
    const line = bot.logLines().find((l) => l.code === 4004 && l.level >= 50);
    expect(line?.msg).toMatch(/4004 \(Authentication failed\).*the token was reset: update DISCORD_TOKEN/);
    expect(bot.output()).not.toContain(emulator.world.token);
  });
});

describe("the back-off between attempts", () => {
  it("goes out at once for quickAttempts, then doubles from firstDelayMs up to maxDelayMs", ({ expect }) => {
    const delays = Array.from({ length: 12 }, (_, i) => backoffDelay(i + 1, DEFAULT_GATEWAY_POLICY));
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });
});

describe.concurrent("an unreachable gateway", () => {
  it("at login: retries with the back-off, logs an error every few attempts, then fails naming the time and attempts", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    emulator.gateway.unreachable = true;
    const logs: Record<string, any>[] = [];
    const launched = launchAgainst(emulator, logs, { gateway: { ...QUICK_POLICY, giveUpAfterMs: 1500 } });
    const failure = await launched.then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(GatewayFailure);
    expect((failure as GatewayFailure).message).toMatch(/could not connect to the Discord gateway for [\d.]+ s \((\d+) failed attempts\); giving up/);
    const failed = Number(/\((\d+) failed attempts\)/.exec((failure as Error).message)![1]);
    // every attempt reached the emulator, and none after giving up
    expect(emulator.gateway.refused).toBe(failed);
    const errors = logs.filter((l) => l.msg === "cannot connect to the Discord gateway; still retrying");
    expect(errors.map((l) => l.level)).toEqual(errors.map(() => 50));
    expect(errors.map((l) => l.failedAttempts)).toEqual(Array.from({ length: Math.floor((failed - 1) / 3) }, (_, i) => 3 * (i + 1)));
    await new Promise((done) => setTimeout(done, 300));
    expect(emulator.gateway.refused).toBe(failed);
  });

  it("after ready: keeps retrying while it is down, then connects again and answers", async (test) => {
    const { expect } = test;
    const t = await start(test, { gateway: { ...QUICK_POLICY, giveUpAfterMs: 20_000 } });
    t.emulator.gateway.unreachable = true;
    t.emulator.gateway.closeAll(4000);
    while (t.emulator.gateway.refused < 5) await new Promise((done) => setTimeout(done, 20));
    // after a network error discord.js starts a new session rather than resuming
    const back = t.emulator.gateway.nextSent((op) => op.t === "READY" || op.t === "RESUMED");
    t.emulator.gateway.unreachable = false;
    await back;
    while (!t.logs.some((l) => l.msg === "Discord gateway reachable again")) await new Promise((done) => setTimeout(done, 20));
    expect(t.logs.find((l) => l.msg === "Discord gateway reachable again")).toMatchObject({ level: 30, attempts: expect.any(Number) });
    expect(t.logs.filter((l) => l.msg === "cannot connect to the Discord gateway; still retrying").length).toBeGreaterThanOrEqual(1);
    const answer = await t.emulator.interact(slashCommand(t.emulator.world, user("after-outage"), "ask", { question: "who laid flowers?" }));
    expect(answer.body.data.embeds[0].title).toBe("Kim Jong-un");
  });

  it("`storybot start` gives up after GATEWAY_GIVE_UP_SECONDS with exit status 1", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    emulator.gateway.unreachable = true;
    const bot = startStorybot({ args: ["start"], cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl, GATEWAY_GIVE_UP_SECONDS: "2" } });
    test.onTestFinished(() => void bot.child.kill("SIGKILL"));
    expect(await bot.exit).toBe(1);
    expect(bot.logLines().find((l) => l.level === 60)?.msg).toMatch(/could not log in to Discord: could not connect to the Discord gateway .*GATEWAY_GIVE_UP_SECONDS=2/);
    expect(emulator.gateway.refused).toBeGreaterThanOrEqual(2);
  });
});

describe.concurrent("an API that accepts connections and never answers", () => {
  it("fails the login with an error naming the request, the API and the timeout", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    emulator.rest.fail({ path: /^\/gateway\/bot$/, drop: "hang", times: 10 });
    const failure = await launchAgainst(emulator, [], { client: { rest: { timeout: 300, retries: 1 } } }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(failure?.message).toMatch(new RegExp(`^GET /gateway/bot: the Discord API at http://127\\.0\\.0\\.1:\\d+ accepted the connection but gave no answer within 300 ms$`));
    // @discordjs/rest tried it twice (retries: 1), and both were left hanging
    expect(emulator.rest.calls.filter((c) => c.dropped === "hang")).toHaveLength(2);
  });
});
