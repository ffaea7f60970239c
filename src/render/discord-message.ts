/** A Reply as a Discord message payload, cut to Discord's limits; nothing in it can ping anyone. */
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from "discord.js";
import { LIMITS } from "./limits.js";
import { encodeAction, type Card, type Reply } from "./reply.js";
import { cutPlain, defuseLinks, toMarkdown } from "./rich.js";

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  flags?: MessageFlags.Ephemeral;
  /** parse nothing, ever: only a user named on purpose (`users`) can be pinged */
  allowedMentions: { parse: []; repliedUser: false; users?: string[] };
}

/** Story accent colour: a quiet blue, the same on every card. */
const COLOUR = 0x3b6ea5;

/**
 * Text for a field Discord shows as it is (title, footer, field name): no markdown is read there, but
 * its URLs are defused as in the markdown ones, and a masked link's "](" is broken all the same.
 */
const plain = (text: string) => defuseLinks(text).replace(/\]\(/g, "]\u200b(");

function embedOf(card: Card): APIEmbed {
  let room: number = LIMITS.embedTotal;
  const take = (text: string) => {
    room -= text.length;
    return text;
  };
  const embed: APIEmbed = { color: COLOUR };
  // plain-text fields carry story text too: its URLs are defused there as in the markdown ones
  if (card.title) embed.title = take(cutPlain(plain(card.title), LIMITS.title));
  if (card.url && /^https?:\/\//.test(card.url)) embed.url = card.url;
  if (card.timestamp && !Number.isNaN(Date.parse(card.timestamp))) embed.timestamp = new Date(card.timestamp).toISOString();
  if (card.footer) embed.footer = { text: take(cutPlain(plain(card.footer), Math.min(LIMITS.footer, room))) };
  const description = toMarkdown(card.body, Math.min(LIMITS.description, room));
  if (description) embed.description = take(description);
  const fields: NonNullable<APIEmbed["fields"]> = [];
  for (const f of (card.fields ?? []).slice(0, LIMITS.fields)) {
    const name = cutPlain(plain(f.name), Math.min(LIMITS.fieldName, room - 2)) || "\u200b";
    const value = toMarkdown(f.value, Math.min(LIMITS.fieldValue, room - name.length));
    if (!value || name.length + value.length > room) break;
    fields.push({ name: take(name), value: take(value), inline: f.inline ?? false });
  }
  if (fields.length) embed.fields = fields;
  return embed;
}

export function toDiscordMessage(reply: Reply): DiscordMessage {
  const msg: DiscordMessage = { embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false } };
  const mention = reply.mention && /^\d{17,20}$/.test(reply.mention) ? `<@${reply.mention}>` : "";
  if (reply.text?.length) msg.content = toMarkdown(reply.text, LIMITS.content - mention.length - 1);
  if (mention) {
    msg.content = msg.content ? `${mention} ${msg.content}` : mention;
    msg.allowedMentions = { parse: [], repliedUser: false, users: [reply.mention!] };
  }
  if (reply.card) msg.embeds.push(embedOf(reply.card));
  const buttons = (reply.actions ?? [])
    .map((a) => ({ row: a.row ?? 0, button: { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: cutPlain(a.label, LIMITS.buttonLabel), custom_id: encodeAction(a) } }))
    // an id that does not fit would be rejected by Discord with the whole message: drop the button instead
    .filter(({ button: b }) => b.custom_id.length <= LIMITS.customId && b.label);
  let row: APIButtonComponentWithCustomId[] = [];
  buttons.forEach(({ row: n, button }, i) => {
    row.push(button);
    const last = i === buttons.length - 1 || buttons[i + 1]!.row !== n || row.length === LIMITS.buttonsPerRow;
    if (last && msg.components.length < LIMITS.rows) msg.components.push({ type: ComponentType.ActionRow, components: row });
    if (last) row = [];
  });
  if (reply.private) msg.flags = MessageFlags.Ephemeral;
  if (!msg.content && !msg.embeds.length) msg.content = "\u200b";
  return msg;
}
