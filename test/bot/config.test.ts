/** Settings from the environment and .env: validated with messages that name the variable, never its value. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadEnvFile, parseConfig, requireSettings } from "../../src/config/index.js";
import { createLogger } from "../../src/log.js";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz012345";

describe("parseConfig", () => {
  it("reads every variable, trims them, and treats empty ones as unset", () => {
    const c = parseConfig({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_CLIENT_ID: "123456789012345678", DISCORD_GUILD_ID: "", DISCORD_API_URL: "http://127.0.0.1:9/api/", STORY: "kh", LOG_LEVEL: "debug", FETCH_ALLOW_ADDRESSES: "127.0.0.1, ::1" });
    expect(c).toEqual({ token: TOKEN, clientId: "123456789012345678", guildId: undefined, apiUrl: "http://127.0.0.1:9/api", story: "kh", logLevel: "debug", fetchAllow: ["127.0.0.1", "::1"] });
    expect(() => parseConfig({ FETCH_ALLOW_ADDRESSES: "localhost" })).toThrow(/FETCH_ALLOW_ADDRESSES: must be IP addresses or ranges/);
    expect(parseConfig({}).token).toBeUndefined();
  });

  it("lists every problem at once, naming the variable but never echoing the value", () => {
    const secret = "this is not a token but must not be echoed";
    let message = "";
    try {
      parseConfig({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: "12", DISCORD_API_URL: "ftp://x/api", LOG_LEVEL: "loud" });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/DISCORD_TOKEN: does not look like a bot token/);
    expect(message).toMatch(/DISCORD_CLIENT_ID: must be a Discord id/);
    expect(message).toMatch(/DISCORD_API_URL: must be an http\(s\) URL/);
    expect(message).toMatch(/LOG_LEVEL: must be one of/);
    expect(message).not.toContain(secret);
  });

  it("reads GATEWAY_GIVE_UP_SECONDS as a whole number of seconds from 1", () => {
    expect(parseConfig({ GATEWAY_GIVE_UP_SECONDS: " 30 " }).gatewayGiveUpSeconds).toBe(30);
    expect(parseConfig({ GATEWAY_GIVE_UP_SECONDS: "" }).gatewayGiveUpSeconds).toBeUndefined();
    for (const bad of ["0", "soon", "-5", "1.5"]) expect(() => parseConfig({ GATEWAY_GIVE_UP_SECONDS: bad }), bad).toThrow(/GATEWAY_GIVE_UP_SECONDS: must be a whole number of seconds/);
  });

  it("reads the question cooldown from COOLDOWN_QUESTIONS and COOLDOWN_SECONDS, whole numbers in range", () => {
    expect(parseConfig({ COOLDOWN_QUESTIONS: "6", COOLDOWN_SECONDS: " 30" }).cooldown).toEqual({ questions: 6, seconds: 30 });
    expect(parseConfig({ COOLDOWN_SECONDS: "5" }).cooldown).toEqual({ questions: undefined, seconds: 5 });
    expect(parseConfig({ COOLDOWN_QUESTIONS: "", COOLDOWN_SECONDS: "" }).cooldown).toBeUndefined();
    for (const bad of ["0", "many", "2.5", "5000"]) expect(() => parseConfig({ COOLDOWN_QUESTIONS: bad }), bad).toThrow(/COOLDOWN_QUESTIONS: must be a whole number of questions from 1 to 1000/);
    expect(() => parseConfig({ COOLDOWN_SECONDS: "0" })).toThrow(/COOLDOWN_SECONDS: must be a whole number of seconds from 1 to 3600/);
  });

  it("rejects an API URL that already carries the version", () => {
    expect(() => parseConfig({ DISCORD_API_URL: "https://proxy.example/api/v10" })).toThrow(/leave the version \(\/v10\) out/);
  });

  it("says where to find a missing setting", () => {
    expect(() => requireSettings(parseConfig({ DISCORD_TOKEN: TOKEN }), ["token", "clientId"], "deploy")).toThrow(/DISCORD_CLIENT_ID is not set \(Developer Portal/);
  });
});

describe(".env", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env.DOTENV_OVERRIDE;
  });

  it("fills unset variables and never overrides those already set, even with DOTENV_OVERRIDE", () => {
    dir = mkdtempSync(join(tmpdir(), "storybot-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "DISCORD_TOKEN=from.dot.env\nSTORY=from-dotenv\n");
    process.env.DOTENV_OVERRIDE = "true";
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: TOKEN };
    loadEnvFile(file, env);
    expect(env.DISCORD_TOKEN).toBe(TOKEN);
    expect(env.STORY).toBe("from-dotenv");
  });

  it("is optional", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(() => loadEnvFile(join(tmpdir(), "no-such-dir", ".env"), env)).not.toThrow();
    expect(env).toEqual({});
  });
});

describe("the logger", () => {
  it("redacts token fields and scrubs the token from any text, stacks included", () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: [TOKEN], destination: { write: (l: string) => void lines.push(l) } });
    log.info({ token: TOKEN, config: { token: TOKEN } }, "starting");
    log.error({ err: new Error(`login failed for ${TOKEN}`) }, `with ${TOKEN}`);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).not.toContain(TOKEN);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 50, msg: "with [redacted]", err: { message: "login failed for [redacted]" } });
  });
});
