/**
 * What a command answers, independent of where it is shown: the Discord adapter turns it into a
 * message payload (discord-message.ts), the console into text (text-message.ts).
 */
import type { Rich } from "./rich.js";

export interface Card {
  title?: string;
  url?: string | null;
  body: Rich;
  fields?: { name: string; value: Rich; inline?: boolean }[];
  footer?: string;
}

/** A button is a pre-filled run of another command ("Show paragraph" = /source paragraph:3). */
export interface Action {
  label: string;
  command: string;
  options: Record<string, string | number | boolean>;
}

export interface Reply {
  /** message text above the card */
  text?: Rich;
  card?: Card;
  actions?: Action[];
  /** only the asker sees it (an ephemeral message on Discord) */
  private?: boolean;
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
