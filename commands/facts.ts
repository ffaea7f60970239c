/** /facts [type] [private]: the story's people, places, organisations and dates, with where they appear. */
import { FACT_TYPES, storyFacts, type Facts, type FactType } from "../src/engine/index.js";
import { factsReply } from "../src/render/facts.js";
import { defineCommand, OptionType, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";

export const facts = defineCommand({
  data: {
    name: "facts",
    description: "The story's people, places, organisations and dates",
    options: [{ type: OptionType.String, name: "type", description: "only one kind (default: all)", choices: FACT_TYPES.map((t) => ({ name: t, value: t })) }, storyOption, privateOption],
    ...postsInChannel,
  } as const satisfies CommandData,
  query: (args, ctx): Facts => storyFacts(ctx.stories.pick(args.story), args.type as FactType | undefined),
  render: (result, ctx) => factsReply(result, ctx.stories.card(result.story)),
});
