/** /ask question:<text> [story] [private]: the main command. */
import { MAX_QUESTION_LENGTH, suggest } from "../src/engine/index.js";
import { askQuestion, renderAnswer, type AskResult } from "./answer-question.js";
import { defineCommand, OptionType, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption, targetOption } from "./shared-options.js";

export const askData = {
  name: "ask",
  description: "Ask a quick question about the story: who, when, where, what",
  options: [
    { type: OptionType.String, name: "question", description: "your question, e.g. who laid flowers?", required: true, autocomplete: true, max_length: MAX_QUESTION_LENGTH },
    storyOption,
    targetOption,
    privateOption,
  ],
  ...postsInChannel,
} as const satisfies CommandData;

export const ask = defineCommand({
  data: askData,
  query: (args, ctx): Promise<AskResult> => askQuestion(args.question, args.story, ctx),
  render: renderAnswer,
  autocomplete({ focused, args, stories }) {
    const typed = focused.value.trim();
    const questions = suggest(stories.pick(args.story), typed);
    // what is typed comes first, so that picking a choice never replaces the user's own question
    return [...new Set([typed, ...questions])].filter(Boolean).map((q) => ({ name: q, value: q }));
  },
});
