/** "@storybot when did the war begin?": a message that mentions the bot is answered as a reply to it. */
import type { Message } from "discord.js";
import type { Command, CommandContext } from "../../commands/command.js";
import { execute } from "../../commands/execute.js";
import { readOptions } from "../../commands/options.js";
import { toDiscordMessage } from "../render/discord-message.js";
import { cooldownReply, noticeReply } from "../render/notices.js";
import type { Reply } from "../render/reply.js";
import type { RouterDeps } from "./router.js";

/** The message text without the bot's own mention(s). */
export function mentionQuestion(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

export async function answerMention(message: Message, ask: Command, deps: RouterDeps): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.webhookId) return;
  if (!me || !message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })) return;
  // a reply cannot be private: notes go out in the channel, without pinging the author
  const send = async (reply: Reply) => {
    const { flags: _private, ...payload } = toDiscordMessage(reply);
    await message.reply(payload);
  };
  const verdict = deps.cooldown.take(message.author.id);
  if (!verdict.ok) {
    if (verdict.notify) await send(cooldownReply(verdict.retryAfterMs));
    return;
  }
  const question = mentionQuestion(message.content, me.id);
  if (!question) return send(noticeReply(`Ask me about the story, e.g. “@${me.username} who is in the story?”, or use /help.`));
  const base: Omit<CommandContext, "options"> = {
    stories: deps.stories,
    log: deps.log,
    user: { id: message.author.id, name: message.author.username },
    reply: send,
  };
  await execute(ask, base, () => readOptions(ask, { question }));
}
