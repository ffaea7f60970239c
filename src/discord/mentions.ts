/**
 * "@storybot when did the war begin?": a message that mentions the bot is answered as a reply to it,
 * through the one pipeline. A reply to one of the bot's answers (Discord delivers its text because
 * the reply mentions the bot) is a follow-up of that answer, in its story; so is a first question in
 * a thread opened on one of them.
 */
import type { ClientUser, Message } from "discord.js";
import { defineCommand, OptionType, UserError, type AnyCommand, type Log } from "../../commands/command.js";
import { runCommand, type Face } from "../../commands/pipeline.js";
import { toDiscordMessage } from "../render/discord-message.js";
import { noticeReply } from "../render/notices.js";
import { decodeAction, type Reply } from "../render/reply.js";
import type { RouterDeps } from "./router.js";

/** The message text without the bot's own mention(s). */
export function mentionQuestion(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

/** A mention with no question in it: a hint, which counts toward the cooldown like a question. */
const mentionHint = defineCommand({
  data: { name: "mention-hint", description: "how to ask by mention", options: [{ type: OptionType.String, name: "bot", description: "the bot's name", required: true }] } as const,
  private: true,
  query(args): never {
    throw new UserError(`Ask me about the story, e.g. “@${args.bot} who is in the story?”, or use /help.`);
  },
  render: () => ({}),
});

/** A person's message that mentions the bot itself (not @everyone, a role, or a reply to it). */
function asksTheBot(message: Message): boolean {
  const me = message.client.user;
  if (message.author.bot || message.webhookId || !me) return false;
  return message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
}

/** A person's reply to one of the bot's messages. */
function repliesToTheBot(message: Message): boolean {
  const me = message.client.user;
  if (message.author.bot || message.webhookId || !me) return false;
  return !!message.reference && message.mentions.repliedUser?.id === me.id;
}

/**
 * A reply in the channel (it cannot be private), pinging no one. Its nonce is the asking message's
 * id, enforced: Discord then creates it once however often it is sent, so the request may be sent
 * again after a connection reset (rest-requests.ts) without posting the answer twice.
 */
async function replyTo(message: Message, reply: Reply): Promise<void> {
  const { flags: _private, ...payload } = toDiscordMessage(reply);
  await message.reply({ ...payload, nonce: message.id, enforceNonce: true });
}

/** While the bot stops: a mention is not answered, but the asker is told, and the log says so. */
export async function turnAwayMention(message: Message, note: string, log: Log): Promise<void> {
  if (!asksTheBot(message)) return;
  log.info({ message: message.id }, "mention arrived while stopping; asked to ask again");
  await replyTo(message, noticeReply(note));
}

/** The conversation turn of one of the bot's answers, read from its 👍 button. */
function turnOf(answer: Message | null, me: ClientUser): number | null {
  if (!answer || answer.author.id !== me.id) return null;
  for (const row of answer.components) {
    for (const c of "components" in row ? row.components : []) {
      const action = "customId" in c && typeof c.customId === "string" ? decodeAction(c.customId) : null;
      const turn = action?.command === "vote" ? Number(action.options.turn) : NaN;
      if (Number.isSafeInteger(turn) && turn > 0) return turn;
    }
  }
  return null;
}

/** The answer `message` replies to: the gateway sends it along with the reply, so it is read from the cache. */
const repliedAnswer = (message: Message) => message.fetchReference().catch(() => null);

/** The message a thread was opened on (its id is the thread's), as the bot saw it posted. */
const threadOpening = async (message: Message) => (message.channel.isThread() ? message.channel.fetchStarterMessage().catch(() => null) : null);

export async function answerMention(message: Message, ask: AnyCommand, deps: RouterDeps): Promise<void> {
  const me = message.client.user;
  const mentioned = asksTheBot(message);
  const replying = repliesToTheBot(message);
  if (!me || (!mentioned && !replying)) return;
  const question = mentionQuestion(message.content, me.id);
  // a reply without text is one whose ping was turned off (Discord then withholds the text): not a question to us
  if (!question && !mentioned) return;
  const face: Face = {
    user: { id: message.author.id, name: message.author.username },
    guild: message.guildId,
    channel: message.channelId,
    replyTo: replying ? turnOf(await repliedAnswer(message), me) : null,
    opening: replying ? null : turnOf(await threadOpening(message), me),
    send: (reply) => replyTo(message, reply),
  };
  if (!question) await runCommand(mentionHint, { bot: me.username }, face, deps);
  else await runCommand(ask, { question }, face, deps);
}
