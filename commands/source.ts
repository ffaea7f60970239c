/** /source paragraph:<n>: the whole paragraph, quoted with its number (also what "Show paragraph" runs). */
import { SlashCommandBuilder } from "discord.js";
import { citation } from "../src/render/answer.js";
import { bold, line, quote } from "../src/render/rich.js";
import { defineCommand, UserError } from "./command.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

export const source = defineCommand({
  data: withPrivateOption(
    withStoryOption(
      new SlashCommandBuilder()
        .setName("source")
        .setDescription("Quote a paragraph of the story, by its number")
        .addIntegerOption((o) => o.setName("paragraph").setDescription("paragraph number, as cited (¶3 → 3)").setRequired(true).setMinValue(1).setMaxValue(1000)),
    ),
  ),
  async run(ctx) {
    const n = ctx.options.getInteger("paragraph", true);
    const story = ctx.stories.from(ctx.options);
    const count = story.paragraphs.length;
    const paragraph = story.paragraphs.find((p) => p.number === n);
    if (!paragraph) throw new UserError(`This story has ${count} paragraph${count === 1 ? "" : "s"}; pick a number from 1 to ${count}.`);
    await ctx.reply({
      card: { url: story.url, body: [line(bold(`¶${n}`)), quote(paragraph.text), citation(n, story)] },
      private: ctx.options.getBoolean("private") ?? false,
    });
  },
});
