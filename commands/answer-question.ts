/** What /ask, /who, /when, /where and mentions share: ask the engine about the chosen story and reply with the rendered answer. */
import { SlashCommandBuilder } from "discord.js";
import { answer, MAX_QUESTION_LENGTH, answerAcross } from "../src/engine/index.js";
import { answerReply } from "../src/render/answer.js";
import { defineCommand, UserError, type CommandContext } from "./command.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

const WH = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;

/** Whitespace, control and format characters (zero-width spaces, BOM, bidi marks): text of only these shows nothing. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/gu;
const isBlank = (text: string) => !text.replace(INVISIBLE, "");

/** "/when the war began" → "when the war began"; a text that is already a question is left alone, and so is a blank one (refused as empty, not asked as "when"). */
export function typedQuestion(kind: "who" | "when" | "where", text: string): string {
  return WH.test(text) || isBlank(text) ? text : `${kind} ${text}`;
}

export async function replyWithAnswer(ctx: CommandContext, question: string): Promise<void> {
  const q = question.trim();
  if (isBlank(q)) throw new UserError("The question is empty.");
  if (q.length > MAX_QUESTION_LENGTH) throw new UserError(`The question is too long (${q.length} characters; at most ${MAX_QUESTION_LENGTH}).`);
  const isPrivate = ctx.options.getBoolean("private") ?? false;
  if (ctx.stories.routes(ctx.options)) {
    // the answer names the story it came from, and the reply cites that story
    const a = answerAcross(q, ctx.stories.library);
    await ctx.reply(answerReply(a, ctx.stories.pick(a.story), { private: isPrivate }));
    return;
  }
  const story = ctx.stories.from(ctx.options);
  await ctx.reply(answerReply(answer(q, story), story, { private: isPrivate }));
}

/** /when and /where: one free-text option turned into a question of that kind. */
export function typedQuestionCommand(kind: "when" | "where", text: { description: string; option: string; optionDescription: string }) {
  return defineCommand({
    data: withPrivateOption(
      withStoryOption(
        new SlashCommandBuilder()
          .setName(kind)
          .setDescription(text.description)
          .addStringOption((o) => o.setName(text.option).setDescription(text.optionDescription).setRequired(true).setMaxLength(MAX_QUESTION_LENGTH)),
      ),
    ),
    run: (ctx) => replyWithAnswer(ctx, typedQuestion(kind, ctx.options.getString(text.option, true))),
  });
}
