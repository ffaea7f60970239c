/** /source paragraph:<n>: the whole paragraph, quoted with its number (also what "Show paragraph" runs). */
import { citation } from "../src/render/answer.js";
import { bold, line, quote } from "../src/render/rich.js";
import { defineCommand, OptionType, UserError, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";

export interface SourceResult {
  story: string;
  paragraph: number;
  text: string;
}

export const source = defineCommand({
  data: {
    name: "source",
    description: "Quote a paragraph of the story, by its number",
    options: [{ type: OptionType.Integer, name: "paragraph", description: "paragraph number, as cited (¶3 → 3)", required: true, min_value: 1, max_value: 1000 }, storyOption, privateOption],
    ...postsInChannel,
  } as const satisfies CommandData,
  query(args, ctx): SourceResult {
    const story = ctx.stories.pick(args.story);
    const count = story.paragraphs.length;
    const paragraph = story.paragraphs.find((p) => p.number === args.paragraph);
    if (!paragraph) throw new UserError(`This story has ${count} paragraph${count === 1 ? "" : "s"}; pick a number from 1 to ${count}.`);
    return { story: story.id, paragraph: paragraph.number, text: paragraph.text };
  },
  render(result, ctx) {
    const story = ctx.stories.card(result.story);
    return { card: { url: story.url, body: [line(bold(`¶${result.paragraph}`)), quote(result.text), citation(result.paragraph, story)] } };
  },
});
