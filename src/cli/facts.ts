/** `storybot facts`: the story's people, places, organisations and dates. */
import { Option, type Command } from "commander";
import { FACT_TYPES, storyFacts, type FactType } from "../engine/index.js";
import { factsReply } from "../render/facts.js";
import { toText } from "../render/text-message.js";
import { resolveOneStory } from "./one-story.js";

export function registerFacts(program: Command): void {
  program
    .command("facts")
    .description("list the people, places, organisations and dates of a story, with where they appear")
    .addOption(new Option("--type <type>", "only one kind").choices(FACT_TYPES))
    .option("--story <id|path>", "story id from data/stories, or a path to an article file")
    .option("--json", "print the facts as JSON")
    .action(async (opts: { type?: FactType; story?: string; json?: boolean }) => {
      const story = await resolveOneStory(opts.story);
      const facts = storyFacts(story, opts.type);
      process.stdout.write((opts.json ? JSON.stringify(facts, null, 2) : toText(factsReply(facts, story))) + "\n");
    });
}
