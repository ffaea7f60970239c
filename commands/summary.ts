/** /summary [length] [about] [private]: the story in its own sentences, posted to the channel unless private. */
import { searchEntities, summarize, SUMMARY_LENGTHS, UnknownTopicError, type Entity, type Story, type SummaryLength } from "../src/engine/index.js";
import { summaryReply } from "../src/render/summary.js";
import { defineCommand, OptionType, UserError, type Choice, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";

const LENGTH_LABEL: Record<SummaryLength, string> = { short: "short: the lead", medium: "medium: up to 5 sentences", long: "long: up to 10 points" };
const NAMED = new Set<Entity["type"]>(["person", "place", "organisation"]);
const MAX_CHOICES = 25;

/** The documented JSON shape: {story, length, about, sentences: [{text, paragraph}]}. */
export interface SummaryResult {
  story: string;
  length: SummaryLength;
  about: string | null;
  sentences: { text: string; paragraph: number }[];
}

/** The story's people, places and organisations matching what is typed; the most mentioned first when nothing is. */
export function nameChoices(story: Story, typed: string): Choice[] {
  const found = typed.trim() ? searchEntities(story, typed) : [...story.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  return found
    .filter((e) => NAMED.has(e.type))
    .slice(0, MAX_CHOICES)
    .map((e) => ({ name: e.name.slice(0, 100), value: e.name.slice(0, 100) }));
}

export const summary = defineCommand({
  data: {
    name: "summary",
    description: "Summarise the story in its own sentences, each cited by paragraph",
    options: [
      { type: OptionType.String, name: "length", description: "how long (default: short)", choices: SUMMARY_LENGTHS.map((l) => ({ name: LENGTH_LABEL[l], value: l })) },
      { type: OptionType.String, name: "about", description: "only what the story says of a person, place or topic", autocomplete: true, max_length: 100 },
      storyOption,
      privateOption,
    ],
    ...postsInChannel,
  } as const satisfies CommandData,
  async query(args, ctx): Promise<SummaryResult> {
    const story = ctx.stories.pick(args.story);
    try {
      const options = { length: (args.length as SummaryLength | undefined) ?? "short", about: args.about ?? null };
      // a long story's summary takes seconds: the bot makes it off its event loop
      const s = ctx.stories.heavy ? await ctx.stories.heavy.summarize(story, options) : summarize(story, options);
      return { story: s.story, length: s.length, about: s.about, sentences: s.sentences.map(({ text, paragraph }) => ({ text, paragraph })) };
    } catch (err) {
      if (err instanceof UnknownTopicError) throw new UserError(err.message);
      throw err;
    }
  },
  render: (result, ctx) => summaryReply(result, ctx.stories.card(result.story)),
  autocomplete: ({ focused, args, stories }) => nameChoices(stories.pick(args.story), focused.value),
});
