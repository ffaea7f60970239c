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
  allowedMentions: { parse: []; repliedUser: false };
}

/** Story accent colour: a quiet blue, the same on every card. */
const COLOUR = 0x3b6ea5;

function embedOf(card: Card): APIEmbed {
  let room: number = LIMITS.embedTotal;
  const take = (text: string) => {
    room -= text.length;
    return text;
  };
  const embed: APIEmbed = { color: COLOUR };
  // plain-text fields carry story text too: its URLs are defused there as in the markdown ones
  if (card.title) embed.title = take(cutPlain(defuseLinks(card.title), LIMITS.title));
  if (card.url && /^https?:\/\//.test(card.url)) embed.url = card.url;
  if (card.footer) embed.footer = { text: take(cutPlain(defuseLinks(card.footer), Math.min(LIMITS.footer, room))) };
  const description = toMarkdown(card.body, Math.min(LIMITS.description, room));
  if (description) embed.description = take(description);
  const fields: NonNullable<APIEmbed["fields"]> = [];
  for (const f of (card.fields ?? []).slice(0, LIMITS.fields)) {
    const name = cutPlain(defuseLinks(f.name), Math.min(LIMITS.fieldName, room - 2)) || "\u200b";
    const value = toMarkdown(f.value, Math.min(LIMITS.fieldValue, room - name.length));
    if (!value || name.length + value.length > room) break;
    fields.push({ name: take(name), value: take(value), inline: f.inline ?? false });
  }
  if (fields.length) embed.fields = fields;
  return embed;
}

export function toDiscordMessage(reply: Reply): DiscordMessage {
  const msg: DiscordMessage = { embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false } };
  if (reply.text?.length) msg.content = toMarkdown(reply.text, LIMITS.content);
  if (reply.card) msg.embeds.push(embedOf(reply.card));
  const buttons: APIButtonComponentWithCustomId[] = (reply.actions ?? [])
    .map((a) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: cutPlain(a.label, LIMITS.buttonLabel), custom_id: encodeAction(a) }))
    // an id that does not fit would be rejected by Discord with the whole message: drop the button instead
    .filter((b) => b.custom_id.length <= LIMITS.customId && b.label);
  for (let i = 0; i < buttons.length && msg.components.length < 5; i += LIMITS.buttonsPerRow) {
    msg.components.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  if (reply.private) msg.flags = MessageFlags.Ephemeral;
  if (!msg.content && !msg.embeds.length) msg.content = "\u200b";
  return msg;
}
