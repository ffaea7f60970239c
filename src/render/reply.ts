/**
 * What a command answers, independent of where it is shown: the Discord adapter turns it into a
 * message payload (discord-message.ts), the console into text (text-message.ts).
 */
import type { Rich } from "./rich.js";

export interface Card {
  /** the first line: on Discord the embed's title (a link when `url` is set) */
  title?: string;
  /** the story's own link, from its metadata; never one taken from story text */
  url?: string | null;
  body: Rich;
  fields?: { name: string; value: Rich; inline?: boolean }[];
  /** the last line: on Discord the embed's footer */
  footer?: string;
  /** ISO time shown beside the footer on Discord (the story's publication) */
  timestamp?: string | null;
}

/** A button is a pre-filled run of another command ("Show paragraph" = /source paragraph:3). */
export interface Action {
  label: string;
  command: string;
  options: Record<string, string | number | boolean>;
  /** false: a button of Discord's only (votes, suggestions), not shown as a command in text */
  inText?: boolean;
  /** buttons of one row number share a row on Discord */
  row?: number;
}

export interface Reply {
  /** message text above the card */
  text?: Rich;
  card?: Card;
  actions?: Action[];
  /** only the asker sees it (an ephemeral message on Discord) */
  private?: boolean;
  /** a user mentioned on purpose (/ask target:): the one ping the bot ever sends */
  mention?: string;
}

/** `source?paragraph=3&story=x`: an action packed into a button's custom id, and back. */
export function encodeAction(a: Pick<Action, "command" | "options">): string {
  const params = new URLSearchParams(Object.entries(a.options).map(([k, v]): [string, string] => [k, String(v)]));
  return `${a.command}?${params}`;
}

export function decodeAction(id: string): { command: string; options: Record<string, string> } | null {
  const m = /^([-_\p{L}\p{N}]{1,32})\?(.*)$/u.exec(id);
  if (!m) return null;
  return { command: m[1]!, options: Object.fromEntries(new URLSearchParams(m[2])) };
}

/** The same action as a line a console user can type. */
export function actionAsCommand(a: Action): string {
  const opts = Object.entries(a.options).map(([k, v]) => `${k}:${v}`);
  return [`/${a.command}`, ...opts].join(" ");
}
