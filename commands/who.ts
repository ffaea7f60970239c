/** /who subject:<name or question>: what the story says about someone, or who did something ("/who sent flowers"). */
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_LENGTH, findEntity, profileOf, searchEntities } from "../src/engine/index.js";
import { profileReply } from "../src/render/profile.js";
import { defineCommand } from "./command.js";
import { replyWithAnswer, typedQuestion } from "./answer-question.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

const WHO_IS = /^\s*who\s+(?:is|was|are|were)\s+/i;
const QUESTION_START = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;

export const who = defineCommand({
  data: withPrivateOption(
    withStoryOption(
      new SlashCommandBuilder()
        .setName("who")
        .setDescription("What the story says about a person or organisation, or who did something")
        .addStringOption((o) => o.setName("subject").setDescription("a name (Mao Anying) or what someone did (sent flowers)").setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH)),
    ),
  ),
  async run(ctx) {
    const subject = ctx.options.getString("subject", true);
    const story = ctx.stories.from(ctx.options);
    const name = subject.replace(WHO_IS, "").replace(/[?!.\s]+$/, "");
    const entity = QUESTION_START.test(name) ? null : findEntity(story, name);
    if (!entity) return replyWithAnswer(ctx, typedQuestion("who", subject));
    await ctx.reply(profileReply(profileOf(story, entity), story, { private: ctx.options.getBoolean("private") ?? false }));
  },
  autocomplete({ focused, options, stories }) {
    const story = stories.from(options);
    const people = (e: { type: string }) => e.type === "person" || e.type === "organisation";
    const found = focused.value.trim() ? searchEntities(story, focused.value).filter(people) : story.entities.filter(people);
    return found.map((e) => ({ name: e.name, value: e.name }));
  },
});
