/** What /ask, /when, /where, /who (for a deed) and mentions share: one question asked of the chosen story, or routed to the story that answers it. */
import { answer, answerAcross, MAX_QUESTION_LENGTH, type Answer } from "../src/engine/index.js";
import { answerReply } from "../src/render/answer.js";
import type { Reply } from "../src/render/reply.js";
import { defineCommand, OptionType, UserError, type RenderContext } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";
import type { Stories } from "./stories-service.js";

const WH = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;

/** Whitespace, control and format characters (zero-width spaces, BOM, bidi marks): text of only these shows nothing. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/gu;
const isBlank = (text: string) => !text.replace(INVISIBLE, "");

/** "/when the war began" → "when the war began"; a text that is already a question is left alone, and so is a blank one (refused as empty, not asked as "when"). */
export function typedQuestion(kind: "who" | "when" | "where", text: string): string {
  return WH.test(text) || isBlank(text) ? text : `${kind} ${text}`;
}

/** The engine's answer; its `story` says which story answered when the question found its own. */
export function askQuestion(question: string, storyRef: string | undefined, stories: Stories): Answer {
  const q = question.trim();
  if (isBlank(q)) throw new UserError("The question is empty.");
  if (q.length > MAX_QUESTION_LENGTH) throw new UserError(`The question is too long (${q.length} characters; at most ${MAX_QUESTION_LENGTH}).`);
  if (stories.routes(storyRef)) return answerAcross(q, stories.library);
  return answer(q, stories.pick(storyRef));
}

/** The answer, citing the story it came from. */
export function renderAnswer(a: Answer, ctx: RenderContext): Reply {
  return answerReply(a, ctx.stories.card(a.story));
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
    query: (args, ctx) => askQuestion(typedQuestion(kind, (args as Record<O, string>)[text.option]), args.story, ctx.stories),
    render: renderAnswer,
  });
}
