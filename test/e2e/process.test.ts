/**
 * `storybot start` and `storybot deploy` as real processes: the console on piped input, the bot
 * against the Discord emulator with stdin at /dev/null until SIGTERM, and deploy's single PUT.
 * Each runs in an empty directory so a developer's own .env cannot leak in, against its own
 * emulator, so that the tests can run side by side.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { emulatorForTest, type DiscordEmulator } from "../emulator/emulator.js";
import { slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { startStorybot } from "../helpers/storybot-process.js";
import { tempDirForFile } from "../helpers/temp-dir.js";

const cwd = tempDirForFile("storybot-process-");

describe.concurrent("storybot start without a token: the local console", () => {
  it("answers piped commands and bare questions through the command handlers, then exits 0 at end of input", async ({ expect }) => {
    const run = startStorybot({ args: ["start"], cwd: cwd(), input: "/ask who laid flowers?\nWho visited the graves of the Chinese soldiers?\n/source 99\n" });
    expect(await run.exit).toBe(0);
    const replies = run.out().trim().split(/\n\n/);
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatch(/^Kim Jong-un\n> “.*laid flowers.*”\n¶3 · /);
    expect(replies[1]).toMatch(/^Kim Jong-un\n/);
    expect(replies[2]).toMatch(/^This story has \d+ paragraphs; pick a number from 1 to \d+\.$/);
  });
});

describe.concurrent("storybot start with a token: the Discord bot", () => {
  it("reads .env without overriding the environment, serves with stdin at /dev/null, never logs the token, and stops on SIGTERM", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const dir = mkdtempSync(join(cwd(), "dotenv-"));
    // .env supplies the API URL but also a wrong token: the token already in the environment must win
    writeFileSync(join(dir, ".env"), `DISCORD_TOKEN=d3Jvbmc.dG9rZW4.ZnJvbS1kb3RlbnY\nDISCORD_API_URL=${emulator.apiUrl}\n`);
    const run = startStorybot({ args: ["start"], cwd: dir, env: { DISCORD_TOKEN: emulator.world.token, LOG_LEVEL: "debug" } });
    await run.printed(/"msg":"ready"/);
    const asked = slashCommand(emulator.world, user("remote"), "ask", { question: "When did the war begin?" });
    const call = await emulator.interact(asked);
    expect(call.body.data.embeds[0].title).toBe("June 1950");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
    expect(run.err()).toMatch(/"msg":"stopping"/);
    expect(run.out() + run.err()).not.toContain(emulator.world.token);
  });

  it("reports a rejected token without printing it and exits 1", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const wrong = "cmVqZWN0ZWQ.dG9rZW4.Zm9yLXRoZS10ZXN0";
    const run = startStorybot({ args: ["start"], cwd: cwd(), env: { DISCORD_TOKEN: wrong, DISCORD_API_URL: emulator.apiUrl } });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/could not log in to Discord/);
    expect(run.out() + run.err()).not.toContain(wrong);
  });

  it("refuses a malformed configuration with a message naming the variable, not its value", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["start"], cwd: cwd(), env: { DISCORD_TOKEN: "not a token", DISCORD_API_URL: `${emulator.apiUrl}/v10` } });
    expect(await run.exit).toBe(2);
    expect(run.err()).toMatch(/DISCORD_TOKEN: does not look like a bot token/);
    expect(run.err()).toMatch(/DISCORD_API_URL: .*leave the version/);
    expect(run.err()).not.toContain("not a token");
  });
});

describe.concurrent("storybot deploy", () => {
  const env = (emulator: DiscordEmulator) => ({ DISCORD_TOKEN: emulator.world.token, DISCORD_CLIENT_ID: emulator.world.application.id, DISCORD_API_URL: emulator.apiUrl });

  it("registers the command set in a guild with exactly one PUT and exits 0", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy", "--guild", emulator.world.guild.id], cwd: cwd(), env: env(emulator) });
    expect(await run.exit).toBe(0);
    const calls = emulator.rest.calls;
    expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([`PUT /applications/${emulator.world.application.id}/guilds/${emulator.world.guild.id}/commands 200`]);
    expect(run.out()).toMatch(new RegExp(`registered ${calls[0]!.body.length} commands \\(guild ${emulator.world.guild.id}\\)`));
  });

  it("registers globally without a guild", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy"], cwd: cwd(), env: env(emulator) });
    expect(await run.exit).toBe(0);
    expect(emulator.rest.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${emulator.world.application.id}/commands`]);
  });

  it("says which setting is missing and calls nothing", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy", "--guild", emulator.world.guild.id], cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl } });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/DISCORD_CLIENT_ID is not set/);
    expect(emulator.rest.calls).toHaveLength(0);
  });
});
