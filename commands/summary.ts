/** /summary [length] [about] [private]: the story in its own sentences, posted to the channel unless private. */
import { SlashCommandBuilder } from "discord.js";
import { searchEntities, summarize, SUMMARY_LENGTHS, UnknownTopicError, type SummaryLength, type Entity, type Story } from "../src/engine/index.js";
import { summaryReply } from "../src/render/summary.js";
import { defineCommand, UserError, type Choice } from "./command.js";
import { withPrivateOption, withStoryOption } from "./stories-service.js";

const LENGTH_LABEL: Record<SummaryLength, string> = { short: "short: the lead", medium: "medium: up to 5 sentences", long: "long: up to 10 points" };
const NAMED = new Set<Entity["type"]>(["person", "place", "organisation"]);
const MAX_CHOICES = 25;

/** The story's people, places and organisations matching what is typed; the most mentioned first when nothing is. */
export function nameChoices(story: Story, typed: string): Choice[] {
  const found = typed.trim() ? searchEntities(story, typed) : [...story.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  return found
    .filter((e) => NAMED.has(e.type))
    .slice(0, MAX_CHOICES)
    .map((e) => ({ name: e.name.slice(0, 100), value: e.name.slice(0, 100) }));
}

export const summary = defineCommand({
  data: withPrivateOption(
    withStoryOption(
      new SlashCommandBuilder()
        .setName("summary")
        .setDescription("Summarise the story in its own sentences, each cited by paragraph")
        .addStringOption((o) =>
          o
            .setName("length")
            .setDescription("how long (default: short)")
            .addChoices(...SUMMARY_LENGTHS.map((l) => ({ name: LENGTH_LABEL[l], value: l }))),
        )
        .addStringOption((o) => o.setName("about").setDescription("only what the story says of a person, place or topic").setAutocomplete(true).setMaxLength(100)),
    ),
  ),
  async run(ctx) {
    const story = ctx.stories.from(ctx.options);
    const length = (ctx.options.getString("length") ?? "short") as SummaryLength;
    if (!SUMMARY_LENGTHS.includes(length)) throw new UserError(`/summary length must be one of ${SUMMARY_LENGTHS.join(", ")}.`);
    let result;
    try {
      result = summarize(story, { length, about: ctx.options.getString("about") });
    } catch (err) {
      if (err instanceof UnknownTopicError) throw new UserError(err.message);
      throw err;
    }
    await ctx.reply(summaryReply(result, story, { private: ctx.options.getBoolean("private") ?? false }));
  },
  autocomplete({ focused, options, stories }) {
    return nameChoices(stories.from(options), focused.value);
  },
});
