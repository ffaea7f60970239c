/**
 * A bad `.env`, as the real `storybot start` and `storybot deploy` meet it: each malformed or missing
 * setting is named with its rule (never its value), the process exits non-zero before calling
 * Discord, and no stack trace is printed. test/bot/config.test.ts checks the parser itself; a token
 * of the right shape that Discord rejects is covered by test/e2e/process.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { emulatorForTest } from "./emulator/emulator.js";
import { STACK_LINE, startStorybot } from "./helpers/storybot-process.js";
import { tempDirForFile } from "./helpers/temp-dir.js";

const GUILD = "123456789012345678";
const root = tempDirForFile("storybot-bad-config-");

/** A directory whose .env holds `lines` (with Windows line endings when asked). */
function dotenvDir(lines: string[], eol = "\n"): string {
  const dir = mkdtempSync(join(root(), "env-"));
  writeFileSync(join(dir, ".env"), lines.join(eol) + eol);
  return dir;
}

describe.concurrent("a malformed .env", () => {
  const values = { token: "my secret token", clientId: "12ab34", guildId: "42", apiUrl: "discord dot com", logLevel: "loud" };
  const lines = [`DISCORD_TOKEN=${values.token}`, `DISCORD_CLIENT_ID=${values.clientId}`, `DISCORD_GUILD_ID=${values.guildId}`, `DISCORD_API_URL=${values.apiUrl}`, `LOG_LEVEL=${values.logLevel}`];

  for (const [command, code] of [["start", 2], ["deploy", 1]] as const) {
    it(`${command}: every bad variable named with its rule, no value echoed, exit ${code}`, async ({ expect }) => {
      const run = startStorybot({ args: [command], cwd: dotenvDir(lines, "\r\n") });
      expect(await run.exit).toBe(code);
      const [out, err] = [run.out(), run.err()];
      expect(out).toBe("");
      expect(err).toMatch(/DISCORD_TOKEN: does not look like a bot token/);
      expect(err).toMatch(/DISCORD_CLIENT_ID: must be a Discord id/);
      expect(err).toMatch(/DISCORD_GUILD_ID: must be a Discord id/);
      expect(err).toMatch(/DISCORD_API_URL: must be an http\(s\) URL/);
      expect(err).toMatch(/LOG_LEVEL: must be one of/);
      for (const value of Object.values(values)) expect(err).not.toContain(value);
      expect(err).not.toMatch(STACK_LINE);
    });
  }

  it("deploy: a well-formed token with a malformed application id stops before any call to Discord", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy"], cwd: dotenvDir([`DISCORD_TOKEN=${emulator.world.token}`, "DISCORD_CLIENT_ID=not-an-id", `DISCORD_API_URL=${emulator.apiUrl}`]) });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/DISCORD_CLIENT_ID: must be a Discord id/);
    expect(run.err()).not.toContain(emulator.world.token);
    expect(emulator.rest.calls).toEqual([]);
  });

  it("deploy --guild with a malformed id stops before any call to Discord", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy", "--guild", "my-server"], cwd: dotenvDir([`DISCORD_TOKEN=${emulator.world.token}`, `DISCORD_CLIENT_ID=${emulator.world.application.id}`, `DISCORD_API_URL=${emulator.apiUrl}`]) });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/--guild must be a Discord id/);
    expect(emulator.rest.calls).toEqual([]);
  });

  it("start: STORY naming no loaded story says so and lists the loaded ones, exit 2", async ({ expect }) => {
    const run = startStorybot({ args: ["start"], cwd: dotenvDir(["STORY=no-such-story"]), input: "" });
    expect(await run.exit).toBe(2);
    expect(run.err()).toMatch(/STORY is "no-such-story", which is not a loaded story \(loaded: korea-herald-2020-10-22\)/);
    expect(run.err()).not.toMatch(STACK_LINE);
  });
});

describe.concurrent("a .env without the token or application id", () => {
  it("deploy says which settings are missing and where to find them, and calls nothing", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["deploy", "--guild", GUILD], cwd: dotenvDir(["# nothing but a comment", "DISCORD_TOKEN=", `DISCORD_API_URL=${emulator.apiUrl}`]) });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/DISCORD_TOKEN is not set \(Developer Portal/);
    expect(run.err()).toMatch(/DISCORD_CLIENT_ID is not set \(Developer Portal/);
    expect(emulator.rest.calls).toEqual([]);
  });

  it("start without a token opens the local console, as documented, rather than failing", async ({ expect }) => {
    const run = startStorybot({ args: ["start"], cwd: dotenvDir(["DISCORD_TOKEN=", "garbage line without an equals sign", "\u0000\u00ff"]), input: "who laid flowers?\n" });
    expect(await run.exit).toBe(0);
    expect(run.out()).toMatch(/^Kim Jong-un\n/);
  });
});

describe.concurrent("a .env written on Windows, with quotes and `export`", () => {
  it("is read as meant: the bot logs in with the quoted token", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const dir = dotenvDir([`export DISCORD_TOKEN="${emulator.world.token}"`, `DISCORD_API_URL='${emulator.apiUrl}'`], "\r\n");
    const run = startStorybot({ args: ["start"], cwd: dir });
    try {
      await run.printed(/"msg":"ready"/);
    } finally {
      run.child.kill("SIGTERM");
      await run.exit;
    }
    expect(emulator.rest.calls.some((c) => c.authorized)).toBe(true);
    expect(run.err()).not.toContain(emulator.world.token);
  });
});
