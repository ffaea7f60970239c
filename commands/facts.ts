/** /facts [type] [private]: the story's people, places, organisations and dates, with where they appear. */
import { SlashCommandBuilder } from "discord.js";
import { FACT_TYPES, storyFacts, type FactType } from "../src/engine/index.js";
import { factsReply } from "../src/render/facts.js";
import { defineCommand, UserError } from "./command.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

export const facts = defineCommand({
  data: withPrivateOption(
    withStoryOption(
      new SlashCommandBuilder()
        .setName("facts")
        .setDescription("The story's people, places, organisations and dates")
        .addStringOption((o) =>
          o
            .setName("type")
            .setDescription("only one kind (default: all)")
            .addChoices(...FACT_TYPES.map((t) => ({ name: t, value: t }))),
        ),
    ),
  ),
  async run(ctx) {
    const story = ctx.stories.from(ctx.options);
    const type = ctx.options.getString("type") as FactType | null;
    if (type !== null && !FACT_TYPES.includes(type)) throw new UserError(`/facts type must be one of ${FACT_TYPES.join(", ")}.`);
    await ctx.reply(factsReply(storyFacts(story, type ?? undefined), story, { private: ctx.options.getBoolean("private") ?? false }));
  },
});
