/**
 * What the 👍 and 👎 under an answer run: the clicker's vote on that answer, one per user per
 * answer in a server, changeable. Not a slash command: it is reached only from the buttons.
 */
import type { Tally, VoteOutcome } from "../src/feedback/feedback.js";
import { line } from "../src/render/rich.js";
import { defineCommand, OptionType, UserError } from "./command.js";

export interface VoteResult extends Tally {
  turn: number;
  /** what this user said: helpful or not */
  marked: boolean;
  outcome: VoteOutcome;
}

const SAID: Record<VoteOutcome, (helpful: boolean) => string> = {
  counted: (h) => `Thanks: marked as ${h ? "helpful" : "not helpful"}.`,
  changed: (h) => `Changed your vote to ${h ? "helpful" : "not helpful"}.`,
  unchanged: (h) => `You had already marked it as ${h ? "helpful" : "not helpful"}.`,
};

export const vote = defineCommand({
  data: {
    name: "vote",
    description: "Say whether an answer helped",
    options: [
      { type: OptionType.Integer, name: "turn", description: "the answer", required: true, min_value: 1 },
      { type: OptionType.Boolean, name: "helpful", description: "whether it helped", required: true },
    ],
  } as const,
  private: true,
  async query(args, ctx): Promise<VoteResult> {
    const { conversation, feedback } = ctx.services;
    if (!conversation || !feedback) throw new UserError("Votes are not kept here.");
    const turn = await conversation.turn(args.turn, ctx.guild);
    if (!turn || turn.pending) throw new UserError("That answer is too old to vote on now.");
    const tally = await feedback.vote({ guild: ctx.guild, turn: turn.id, user: ctx.user.id, helpful: args.helpful, story: turn.story, question: turn.asked, answer: turn.answer, confidence: turn.confidence });
    return { turn: turn.id, marked: args.helpful, ...tally };
  },
  render: (r) => ({ text: [line(`${SAID[r.outcome](r.marked)} This answer so far: 👍 ${r.helpful} · 👎 ${r.notHelpful}.`)] }),
});
