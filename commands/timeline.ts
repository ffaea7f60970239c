/** /timeline [private]: the story's dated events, oldest first, each cited by paragraph. */
import { SlashCommandBuilder } from "discord.js";
import { timeline as storyTimeline } from "../src/engine/index.js";
import { timelineReply } from "../src/render/timeline.js";
import { defineCommand } from "./command.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

export const timeline = defineCommand({
  data: withPrivateOption(withStoryOption(new SlashCommandBuilder().setName("timeline").setDescription("The story's dated events in order, each cited by paragraph"))),
  async run(ctx) {
    const story = ctx.stories.from(ctx.options);
    await ctx.reply(timelineReply(storyTimeline(story), story, { private: ctx.options.getBoolean("private") ?? false }));
  },
});
