/** /help: what the bot can do, with examples taken from the current story. */
import { suggestedQuestions } from "../src/engine/index.js";
import { italic, line, type Block } from "../src/render/rich.js";
import { defineCommand, type CommandData } from "./command.js";
import { answersPrivately } from "./shared-options.js";

export interface HelpResult {
  /** the current story's title, if a story is loaded */
  story: string | null;
  /** questions the current story answers */
  examples: string[];
  /** a person it names, and something someone did in it: for the /who examples */
  person: string | null;
  deed: string | null;
}

export const help = defineCommand({
  data: { name: "help", description: "What this bot can do, with examples", ...answersPrivately } as const satisfies CommandData,
  private: true,
  query(_args, ctx): HelpResult {
    const story = ctx.stories.defaultId ? ctx.stories.pick(null) : null;
    const suggestions = story ? suggestedQuestions(story) : [];
    const deed = suggestions.find((s) => s.kind === "who")?.question.replace(/^Who\s+/, "").replace(/\?$/, "");
    return {
      story: story?.title ?? null,
      examples: suggestions.slice(0, 3).map((s) => s.question),
      person: story?.entities.find((e) => e.type === "person")?.name ?? null,
      deed: deed ?? null,
    };
  },
  render({ story, examples, person, deed }) {
    const body: Block[] = [
      line("I answer quick questions about a news story with a short answer, the sentence it comes from and its paragraph (¶), or tell you plainly when the story doesn't say."),
      line(""),
      line("/ask question — any question", examples[0] ? `, e.g. /ask ${examples[0]}` : ""),
      line("/who subject — what the story says about someone", person ? `, e.g. /who ${person}` : "", "; or who did something", deed ? `, e.g. /who ${deed}` : ""),
      line("/when event, /where subject — when or where something happened"),
      line("/summary [length] [about] — catch the channel up: a short, medium or long summary, or what the story says about a name"),
      line("/timeline — the story's dated events in order; /facts — its people, places, organisations and dates"),
      line("/source paragraph — quote a whole paragraph"),
      line("/stories — the stories I know; add story: to any command to pick one, or story:all to let the question find its story"),
      line("Add private:true to keep an answer to yourself. You can also mention me with a question."),
      line("Follow up in your own words (“when did she resign?”, “and where?”): I remember your last question in this channel for a few minutes."),
    ];
    if (examples.length > 1) body.push(line(""), line(italic("Questions this story answers:")), ...examples.map((q) => line(`• ${q}`)));
    if (story) body.push(line(""), line(italic(`Current story: ${story}`)));
    return { card: { title: "storybot", body } };
  },
});
