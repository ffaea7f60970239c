/** What /ask, /when, /where, /who (for a deed) and mentions share: one question asked of the chosen story, or routed to the story that answers it. */
import { converse, type ConversedAnswer } from "../src/conversation/converse.js";
import { answer, answerAcross, MAX_QUESTION_LENGTH, type Answer } from "../src/engine/index.js";
import { answerReply } from "../src/render/answer.js";
import type { Reply } from "../src/render/reply.js";
import { italic, line } from "../src/render/rich.js";
import { defineCommand, OptionType, UserError, type QueryContext, type RenderContext } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";
import { ALL, type Stories } from "./stories-service.js";

const WH = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;

/** Whitespace, control and format characters (zero-width spaces, BOM, bidi marks): text of only these shows nothing. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/gu;
const isBlank = (text: string) => !text.replace(INVISIBLE, "");

/** "/when the war began" → "when the war began"; a text that is already a question is left alone, and so is a blank one (refused as empty, not asked as "when"). */
export function typedQuestion(kind: "who" | "when" | "where", text: string): string {
  return WH.test(text) || isBlank(text) ? text : `${kind} ${text}`;
}

/** The engine's answer, as a conversation gives it (see src/conversation/converse.ts); plain engine fields on the command line. */
export type AskResult = ConversedAnswer;

/** The engine's answer in the chosen story, or in the one the question finds. */
function answerIn(q: string, storyRef: string | undefined, stories: Stories): Answer {
  return stories.routes(storyRef) ? answerAcross(q, stories.library) : answer(q, stories.pick(storyRef));
}

/**
 * The question answered, in the conversation when the face keeps one (a follow-up is read against
 * the turn before it); its `story` says which story answered when the question found its own.
 */
export async function askQuestion(question: string, storyRef: string | undefined, ctx: QueryContext): Promise<AskResult> {
  const q = question.trim();
  if (isBlank(q)) throw new UserError("The question is empty.");
  if (q.length > MAX_QUESTION_LENGTH) throw new UserError(`The question is too long (${q.length} characters; at most ${MAX_QUESTION_LENGTH}).`);
  const { stories } = ctx;
  const memory = ctx.services.conversation;
  if (!memory) return answerIn(q, storyRef, stories);
  const named = !!storyRef && storyRef.trim().toLowerCase() !== ALL;
  return converse(
    q,
    {
      story: () => stories.pick(storyRef),
      storyById: (id) => (stories.library.card(id) ? stories.pick(id) : null),
      named,
      answer: (asked, story) => (story ? answer(asked, story) : answerIn(asked, storyRef, stories)),
    },
    { memory, where: { guild: ctx.guild, channel: ctx.channel, user: ctx.user.id }, replyTo: ctx.replyTo ?? null },
  );
}

/** The answer citing the story it came from, or the question back when a pronoun named no one. */
export function renderAnswer(a: AskResult, ctx: RenderContext): Reply {
  if (a.clarify) return { text: [line(a.clarify)] };
  const reply = answerReply(a, ctx.stories.card(a.story));
  if (!a.asked || !reply.card) return reply;
  return { ...reply, card: { ...reply.card, body: [...reply.card.body, line(italic(`(read as “${a.asked}”)`))] } };
}

/** /when and /where: one free-text option turned into a question of that kind. */
export function typedQuestionCommand<const N extends "when" | "where", const O extends string>(kind: N, text: { description: string; option: O; optionDescription: string }) {
  return defineCommand({
    data: {
      name: kind,
      description: text.description,
      options: [{ type: OptionType.String, name: text.option, description: text.optionDescription, required: true, max_length: MAX_QUESTION_LENGTH }, storyOption, privateOption],
      ...postsInChannel,
    } as const,
    query: (args, ctx) => askQuestion(typedQuestion(kind, (args as Record<O, string>)[text.option]), args.story, ctx),
    render: renderAnswer,
  });
}
