/** /ask question:<text> [story] [private]: the main command. */
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_LENGTH, suggest } from "../src/engine/index.js";
import { defineCommand } from "./command.js";
import { replyWithAnswer } from "./answer-question.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

export const ask = defineCommand({
  data: withPrivateOption(
    withStoryOption(
      new SlashCommandBuilder()
        .setName("ask")
        .setDescription("Ask a quick question about the story: who, when, where, what")
        .addStringOption((o) => o.setName("question").setDescription("your question, e.g. who laid flowers?").setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH)),
    ),
  ),
  run: (ctx) => replyWithAnswer(ctx, ctx.options.getString("question", true)),
  autocomplete({ focused, options, stories }) {
    const typed = focused.value.trim();
    const questions = suggest(stories.from(options), typed);
    // what is typed comes first, so that picking a choice never replaces the user's own question
    return [...new Set([typed, ...questions])].filter(Boolean).map((q) => ({ name: q, value: q }));
  },
});
