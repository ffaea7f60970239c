/** `storybot who NAME`: what the story says about a person, place or organisation. */
import type { Command } from "commander";
import { nameFact, findEntity, profileOf, unknownTopic } from "../engine/index.js";
import { profileReply } from "../render/profile.js";
import { toText } from "../render/text-message.js";
import { resolveOneStory } from "./one-story.js";
import { UsageError } from "./resolve-story.js";

export function registerWho(program: Command): void {
  program
    .command("who")
    .description("what the story says about a named person, place or organisation")
    .argument("<name...>", "the name, or part of it (typos are forgiven)")
    .option("--story <id|path>", "story id from data/stories, or a path to an article file")
    .option("--json", "print the profile as JSON")
    .action(async (words: string[], opts: { story?: string; json?: boolean }) => {
      const name = words.join(" ").trim();
      if (!name) throw new UsageError("the name is empty");
      const story = await resolveOneStory(opts.story);
      const entity = findEntity(story, name);
      if (!entity) throw new UsageError(unknownTopic(story, name).message);
      const profile = profileOf(story, entity);
      const { count, paragraphs } = nameFact(story, entity);
      const json = { story: story.id, ...profile, count, paragraphs, sentences: profile.sentences.map(({ text, paragraph }) => ({ text, paragraph })) };
      process.stdout.write((opts.json ? JSON.stringify(json, null, 2) : toText(profileReply(profile, story))) + "\n");
    });
}
