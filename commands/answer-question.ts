/** What /ask, /when, /where, /who (for a deed) and mentions share: one question asked of the chosen story, or routed to the story that answers it. */
import { converse, type ConversedAnswer } from "../src/conversation/converse.js";
import { answer, answerAcross, firstSuggestions, MAX_QUESTION_LENGTH, type Answer, type Story } from "../src/engine/index.js";
import { answerReply, suggestionActions, voteActions } from "../src/render/answer.js";
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

/**
 * The engine's answer, as a conversation gives it (see src/conversation/converse.ts; plain engine
 * fields on the command line), and when the story doesn't say, questions it can answer.
 */
export type AskResult = ConversedAnswer & { suggestions?: Suggested[] };

/** A question the story answers; with `subject`, one /who answers with what the story says of that name. */
export interface Suggested {
  question: string;
  subject?: string;
}

/** How many questions a "the story doesn't say" offers instead. */
const SUGGESTED = 3;

/** The engine's suggestions, then "Who is …?" for the names the story mentions most. */
function suggestionsFor(story: Story, asked: string): Suggested[] {
  const names = story.entities
    .filter((e) => e.type === "person" || e.type === "organisation")
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .map((e) => ({ question: `Who is ${e.name}?`, subject: e.name }));
  // one more than offered: the question just asked may be among them
  return [...firstSuggestions(story, SUGGESTED + 1).map((s) => ({ question: s.question })), ...names].filter((s) => s.question.toLowerCase() !== asked.toLowerCase()).slice(0, SUGGESTED);
}

/** When the story does not say: questions it does answer, other than the one just asked. */
function withSuggestions(a: ConversedAnswer, stories: Stories): AskResult {
  if (a.answer !== null || a.clarify || !stories.library.card(a.story)) return a;
  const suggestions = suggestionsFor(stories.pick(a.story), a.asked ?? a.question);
  return suggestions.length ? { ...a, suggestions } : a;
}

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
  if (!memory) return withSuggestions(answerIn(q, storyRef, stories), stories);
  const named = !!storyRef && storyRef.trim().toLowerCase() !== ALL;
  const conversed = await converse(
    q,
    {
      story: () => stories.pick(storyRef),
      storyById: (id) => (stories.library.card(id) ? stories.pick(id) : null),
      named,
      answer: (asked, story) => (story ? answer(asked, story) : answerIn(asked, storyRef, stories)),
    },
    { memory, where: { guild: ctx.guild, channel: ctx.channel, user: ctx.user.id }, replyTo: ctx.replyTo ?? null, opening: ctx.opening ?? null },
  );
  return withSuggestions(conversed, stories);
}

/**
 * The answer citing the story it came from, with how a follow-up was read, 👍/👎 to say whether it
 * helped, and questions the story can answer when it doesn't say; or the question back when a
 * pronoun named no one.
 */
export function renderAnswer(a: AskResult, ctx: RenderContext): Reply {
  if (a.clarify) return { text: [line(a.clarify)] };
  const story = ctx.stories.card(a.story);
  const reply = answerReply(a, story);
  const card = reply.card && a.asked ? { ...reply.card, body: [...reply.card.body, line(italic(`(read as “${a.asked}”)`))] } : reply.card;
  // a button need not name the story the bot answers by default, and fits more questions without it
  const storyId = ctx.stories.defaultId === story.id ? null : story.id;
  const actions = [...(reply.actions ?? []), ...(a.turn !== undefined ? voteActions(a.turn) : []), ...suggestionActions(a.suggestions ?? [], storyId)];
  return { ...reply, card, actions };
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
