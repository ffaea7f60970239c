/**
 * The bot's settings, from the environment and an optional `.env` file, checked once at start.
 * Error messages name the variable and the rule, never the value: a mistyped token must not end up in a log.
 */
import { resolve } from "node:path";
import { config as readDotenv } from "dotenv";
import { z } from "zod";
import { parseAllowList } from "../web/addresses.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  token?: string;
  clientId?: string;
  guildId?: string;
  /** REST base up to /api (the API version is appended by @discordjs/rest) */
  apiUrl?: string;
  story?: string;
  /** unset: each mode picks its own (info when serving Discord, warn in the console) */
  logLevel?: LogLevel;
  /** how long the bot keeps trying to reach an unreachable Discord gateway before it exits non-zero */
  gatewayGiveUpSeconds?: number;
  /** the question cooldown: at most `questions` per `seconds` for each user (button clicks do not count) */
  cooldown?: { questions?: number; seconds?: number };
  /** addresses the bot may fetch stories from although they are not public (tests on 127.0.0.1) */
  fetchAllow: string[];
  /** answer only at or above this confidence (0..1); unset: the answer model's own threshold */
  minConfidence?: number;
  /** another answer model file */
  model?: string;
}

export class ConfigError extends Error {}

/** An empty variable counts as unset, so `DISCORD_TOKEN=` in .env.example stays harmless. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const wholeNumber = (unit: string, min: number, max: number) => {
  const rule = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.string().regex(/^\d{1,7}$/, rule).transform(Number).refine((n) => n >= min && n <= max, rule);
};

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "does not look like a bot token (three dot-separated parts; copy it from the Developer Portal → Bot → Reset Token)")),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .refine((u) => !/\/v\d+\/?$/.test(u), "ends at /api: leave the version (/v10) out, it is added for you")
      .transform((u) => u.replace(/\/+$/, "")),
  ),
  STORY: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  COOLDOWN_QUESTIONS: optional(wholeNumber("questions", 1, 1000)),
  COOLDOWN_SECONDS: optional(wholeNumber("seconds", 1, 3600)),
  GATEWAY_GIVE_UP_SECONDS: optional(z.string().regex(/^\d{1,6}$/, "must be a whole number of seconds (at least 1)").transform(Number).refine((n) => n >= 1, "must be a whole number of seconds (at least 1)")),
  FETCH_ALLOW_ADDRESSES: optional(
    z
      .string()
      .transform((v) => v.split(",").map((a) => a.trim()).filter(Boolean))
      .refine((list) => {
        try {
          parseAllowList(list);
          return true;
        } catch {
          return false;
        }
      }, "must be IP addresses or ranges separated by commas, like 127.0.0.1 or 10.0.0.0/8"),
  ),
  STORYBOT_MIN_CONFIDENCE: optional(z.coerce.number({ error: "must be a number from 0 to 1 (0 always answers)" }).min(0, "must be from 0 to 1 (0 always answers)").max(1, "must be from 0 to 1 (0 always answers)")),
  STORYBOT_MODEL: optional(z.string()),
});

/** Reads `.env` into `target` without touching variables that are already set. */
export function loadEnvFile(path = resolve(process.cwd(), ".env"), target: NodeJS.ProcessEnv = process.env): void {
  // override is passed explicitly so that a DOTENV_OVERRIDE in the environment cannot flip it
  readDotenv({ path, processEnv: target as Record<string, string>, override: false, quiet: true });
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    story: e.STORY,
    logLevel: e.LOG_LEVEL,
    gatewayGiveUpSeconds: e.GATEWAY_GIVE_UP_SECONDS,
    cooldown: e.COOLDOWN_QUESTIONS || e.COOLDOWN_SECONDS ? { questions: e.COOLDOWN_QUESTIONS, seconds: e.COOLDOWN_SECONDS } : undefined,
    fetchAllow: e.FETCH_ALLOW_ADDRESSES ?? [],
    minConfidence: e.STORYBOT_MIN_CONFIDENCE,
    model: e.STORYBOT_MODEL,
  };
}

/** `.env` then the environment, validated. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadEnvFile(undefined, env);
  return parseConfig(env);
}

/** The settings a command needs, with a message that says where to find each missing one. */
export function requireSettings<K extends "token" | "clientId">(config: Config, keys: K[], forWhat: string): Config & Required<Pick<Config, K>> {
  const where: Record<"token" | "clientId", string> = {
    token: "DISCORD_TOKEN is not set (Developer Portal → your application → Bot → Reset Token)",
    clientId: "DISCORD_CLIENT_ID is not set (Developer Portal → your application → General Information → Application ID)",
  };
  const missing = keys.filter((k) => !config[k]);
  if (missing.length) throw new ConfigError(`${forWhat} needs:\n${missing.map((k) => `  ${where[k]}`).join("\n")}`);
  return config as Config & Required<Pick<Config, K>>;
}
