/**
 * Structured logging with pino: JSON lines on stderr (stdout belongs to answers), pretty on a terminal.
 * Secrets are removed twice: known fields are redacted, and any line that still carries a secret's
 * text (an error message, a stack, a URL) has it replaced before it is written.
 */
import { pino, type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import type { LogLevel } from "./config/index.js";

export type { Logger };

const REDACT = ["token", "*.token", "DISCORD_TOKEN", "*.DISCORD_TOKEN", "authorization", "*.authorization", "headers.authorization", "*.headers.authorization"];

export interface LoggerOptions {
  level?: LogLevel;
  /** strings that must never be written (the bot token) */
  secrets?: (string | undefined)[];
  /** where lines go; stderr when omitted */
  destination?: DestinationStream;
  /** human-readable lines; defaults to whether stderr is a terminal */
  pretty?: boolean;
}

/** The text with every secret replaced: for anything printed outside the logger too. */
export function scrub(text: string, secrets: (string | undefined)[]): string {
  let clean = text;
  for (const s of secrets) if (s) clean = clean.split(s).join("[redacted]");
  return clean;
}

function scrubbing(out: DestinationStream, secrets: string[]): DestinationStream {
  if (!secrets.length) return out;
  return { write: (line: string) => out.write(scrub(line, secrets)) };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 8);
  const target =
    options.destination ??
    ((options.pretty ?? process.stderr.isTTY) ? pretty({ destination: 2, sync: true, translateTime: "SYS:HH:MM:ss" }) : pino.destination({ fd: 2, sync: true }));
  return pino({ level: options.level ?? "info", base: { app: "storybot" }, redact: { paths: REDACT, censor: "[redacted]" } }, scrubbing(target, secrets));
}
