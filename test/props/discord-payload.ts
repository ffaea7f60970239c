/**
 * What every message the bot sends must satisfy: Discord's size limits (a message over them is
 * rejected whole) and nothing that can ping. Returns the problems found, so that the property tests
 * and scripts/fuzz.ts report the same things.
 */
import type { APIEmbed } from "discord.js";
import { toDiscordMessage } from "../../src/render/discord-message.js";
import type { Reply } from "../../src/render/reply.js";
import { DISCORD_LIMITS } from "../emulator/limits.js";

/** Discord's documented limits, the emulator's (kept apart from src/render/limits.ts on purpose: the test must not trust the code it checks). */
const DISCORD = DISCORD_LIMITS;

/** Mention syntax that notifies people when a message is parsed for mentions: @everyone, @here, a role, or a user (its id captured). */
const PINGS = /@(?:everyone|here)|<@&\d+>|<@!?(\d+)>/g;

export interface Message {
  content?: string;
  embeds?: APIEmbed[];
  /** as the renderer writes it (camelCase) or as it goes over the wire (snake_case) */
  allowedMentions?: { parse?: unknown[]; repliedUser?: boolean; users?: string[] };
  allowed_mentions?: { parse?: unknown[]; replied_user?: boolean; users?: string[] };
}

function embedProblems(e: APIEmbed): string[] {
  const out: string[] = [];
  const over = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) out.push(`${what} is ${text.length} characters (limit ${max})`);
  };
  over("embed title", e.title, DISCORD.title);
  over("embed description", e.description, DISCORD.description);
  over("embed footer", e.footer?.text, DISCORD.footer);
  const fields = e.fields ?? [];
  if (fields.length > DISCORD.fields) out.push(`${fields.length} fields (limit ${DISCORD.fields})`);
  for (const f of fields) {
    over("field name", f.name, DISCORD.fieldName);
    over("field value", f.value, DISCORD.fieldValue);
    if (!f.name || !f.value) out.push("an empty field name or value");
  }
  const total = [e.title, e.description, e.footer?.text, e.author?.name, ...fields.flatMap((f) => [f.name, f.value])].reduce((n, t) => n + (t?.length ?? 0), 0);
  if (total > DISCORD.embedTotal) out.push(`embed total is ${total} characters (limit ${DISCORD.embedTotal})`);
  return out;
}

/** Problems of one message: sizes, emptiness, mention settings, and raw ping syntax in its content. */
export function messageProblems(m: Message): string[] {
  const out: string[] = [];
  const content = m.content ?? "";
  if (content.length > DISCORD.content) out.push(`content is ${content.length} characters (limit ${DISCORD.content})`);
  const embeds = m.embeds ?? [];
  if (!content && !embeds.length) out.push("an empty message");
  for (const e of embeds) out.push(...embedProblems(e));
  const allowed = m.allowedMentions ?? m.allowed_mentions;
  if (!allowed || !Array.isArray(allowed.parse) || allowed.parse.length) out.push(`allowed mentions do not forbid every ping: ${JSON.stringify(allowed)}`);
  const repliedUser = m.allowedMentions ? m.allowedMentions.repliedUser : m.allowed_mentions?.replied_user;
  if (repliedUser !== false) out.push("replying pings the author");
  // embeds never ping; content would if the mention settings were ever lost on the way, except
  // the user the message names in its own settings (`/ask target:`), who is pinged on purpose
  const meant = new Set<string>(allowed?.users ?? []);
  const ping = [...content.matchAll(PINGS)].find((p) => !meant.has(p[1] ?? ""));
  if (ping) out.push(`content carries live mention syntax "${ping[0]}"`);
  return out;
}

/** The same checks on a Reply as the Discord adapter would send it. */
export function replyProblems(reply: Reply): string[] {
  return messageProblems(toDiscordMessage(reply));
}
