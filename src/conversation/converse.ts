/**
 * One question in a conversation: read against the turn before it (follow-up.ts), answered by the
 * engine, and remembered with what it named for the next one. The story of a follow-up is the
 * story of the turn it follows, unless the user names another.
 */
import type { Answer, Story } from "../engine/index.js";
import { resolveFollowUp, type Context } from "./follow-up.js";
import type { ConversationMemory, Turn, Where } from "./memory.js";
import { mergeReferents, namedIn, referentOfAnswer, referentsOfQuestion } from "./referents.js";

/** An answer as a conversation gives it: the engine's, and how the question was read, its turn id, or a question back. */
export type ConversedAnswer = Answer & {
  /** the question as answered, when a follow-up was read with its pronoun replaced */
  asked?: string;
  /** the turn's id: buttons and replies name it */
  turn?: number;
  /** instead of an answer: the bot asks who or what was meant */
  clarify?: string;
};

export interface Conversation {
  memory: ConversationMemory;
  where: Where;
  /** the turn this message replies to, if it is a reply to one of the bot's answers */
  replyTo: number | null;
  /** the turn a thread was opened on: followed when the user has said nothing in the thread yet */
  opening: number | null;
}

export interface Asking {
  /** the story the question is asked of, when no earlier turn decides it */
  story(): Story;
  /** the story an earlier turn was about, if it is still loaded */
  storyById(id: string): Story | null;
  /** whether the user named a story for this question */
  named: boolean;
  /** the engine's answer to a question, in the story given, or (null) where the user's choice of story sends it */
  answer(question: string, story: Story | null): Answer;
}

function contextOf(turn: Turn): Context {
  return { asked: turn.asked, answer: turn.answer, answerReferent: turn.answerReferent, subjects: turn.subjects, earlier: turn.earlier, pending: turn.pending };
}

/** What a turn leaves for the next one to carry, if the next is in the same story. */
function carried(turn: Turn | null, story: string) {
  return turn && turn.story === story ? mergeReferents(turn.answerReferent ? [turn.answerReferent] : [], turn.subjects, turn.earlier) : [];
}

/** A name looked up (/who Lars Moe): what a following "he", "she" or "it" most likely names. */
export async function rememberName(conversation: Conversation, story: Story, name: string, question: string): Promise<number> {
  const previous = await conversation.memory.last(conversation.where);
  return conversation.memory.remember(conversation.where, {
    story: story.id,
    question,
    asked: question,
    answer: name,
    kind: "who",
    confidence: 1,
    paragraph: 0,
    answerReferent: namedIn(story, name)[0] ?? null,
    subjects: [],
    earlier: carried(previous, story.id),
    pending: null,
  });
}

export async function converse(question: string, asking: Asking, conversation: Conversation): Promise<ConversedAnswer> {
  const { memory, where } = conversation;
  const previous =
    conversation.replyTo !== null ? await memory.turn(conversation.replyTo, where.guild) : ((await memory.last(where)) ?? (conversation.opening !== null ? await memory.turn(conversation.opening, where.guild) : null));
  const previousStory = previous && !asking.named ? asking.storyById(previous.story) : null;
  const followed = previous && (previousStory || asking.story().id === previous.story) ? previous : null;
  const story = previousStory ?? asking.story();
  const resolution = resolveFollowUp(question, followed ? contextOf(followed) : null, story);
  // what this turn carries forward of the ones before it
  const earlier = followed ? carried(followed, followed.story) : [];

  if (resolution.kind === "clarify") {
    const turn = await memory.remember(where, {
      story: story.id,
      question,
      asked: question,
      answer: null,
      kind: "other",
      confidence: 0,
      paragraph: 0,
      answerReferent: followed?.answerReferent ?? null,
      subjects: followed?.subjects ?? [],
      earlier: followed?.earlier ?? [],
      pending: { question, pronoun: resolution.pronoun },
    });
    return { question, answer: null, kind: "other", confidence: 0, evidence: "", paragraph: 0, story: story.id, turn, clarify: resolution.message };
  }

  const asked = resolution.kind === "rewritten" ? resolution.asked : question;
  // a follow-up stays in its story; a new question goes where the user (or routing) sends it
  const a = asking.answer(asked, resolution.kind === "rewritten" ? story : null);
  const answeredIn = a.story === story.id ? story : (asking.storyById(a.story) ?? story);
  const turn = await memory.remember(where, {
    story: a.story,
    question,
    asked,
    answer: a.answer,
    kind: a.kind,
    confidence: a.confidence,
    paragraph: a.paragraph,
    answerReferent: referentOfAnswer(answeredIn, a.answer, a.kind),
    subjects: referentsOfQuestion(answeredIn, asked),
    earlier: answeredIn.id === story.id ? earlier : [],
    pending: null,
  });
  return { ...a, question, ...(asked !== question ? { asked } : {}), turn };
}
