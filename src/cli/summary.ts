/** `storybot summary`: an extractive summary of a story, whole or about one person, place or topic. */
import { Option, type Command } from "commander";
import { summarize, SUMMARY_LENGTHS, UnknownTopicError, type Summary, type SummaryLength } from "../engine/index.js";
import { summaryReply } from "../render/summary.js";
import { toText } from "../render/text-message.js";
import { resolveOneStory } from "./one-story.js";
import { UsageError } from "./resolve-story.js";

/** The documented JSON shape: {story, length, about, sentences: [{text, paragraph}]}. */
export function summaryJson(s: Summary): object {
  return { story: s.story, length: s.length, about: s.about, sentences: s.sentences.map(({ text, paragraph }) => ({ text, paragraph })) };
}

export function registerSummary(program: Command): void {
  program
    .command("summary")
    .description("summarise a story with its own sentences, each cited by paragraph")
    .addOption(new Option("--length <length>", "short (the lead), medium (up to 5 sentences) or long (up to 10, as points)").choices(SUMMARY_LENGTHS).default("short"))
    .option("--about <topic>", "focus on a person, place or topic of the story")
    .option("--story <id|path>", "story id from data/stories, or a path to an article file")
    .option("--json", "print the summary as JSON")
    .action(async (opts: { length: SummaryLength; about?: string; story?: string; json?: boolean }) => {
      const story = await resolveOneStory(opts.story);
      let summary: Summary;
      try {
        summary = summarize(story, { length: opts.length, about: opts.about });
      } catch (err) {
        if (err instanceof UnknownTopicError) throw new UsageError(err.message);
        throw err;
      }
      process.stdout.write((opts.json ? JSON.stringify(summaryJson(summary), null, 2) : toText(summaryReply(summary, story))) + "\n");
    });
}
