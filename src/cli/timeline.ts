/** `storybot timeline`: the story's dated events, oldest first, each cited by paragraph. */
import type { Command } from "commander";
import { timeline, type Timeline } from "../engine/index.js";
import { toText } from "../render/text-message.js";
import { timelineReply } from "../render/timeline.js";
import { resolveOneStory } from "./one-story.js";

/** The documented JSON shape: {story, events: [{date, precision, text, paragraph, when}], undated: [{when, text, paragraph}]}. */
export function timelineJson(t: Timeline): object {
  return {
    story: t.story,
    events: t.events.map(({ date, precision, text, paragraph, when }) => ({ date, precision, text, paragraph, when })),
    undated: t.undated.map(({ when, text, paragraph }) => ({ when, text, paragraph })),
  };
}

export function registerTimeline(program: Command): void {
  program
    .command("timeline")
    .description("list the story's dated events in chronological order")
    .option("--story <id|path>", "story id from data/stories, or a path to an article file")
    .option("--json", "print the timeline as JSON")
    .action(async (opts: { story?: string; json?: boolean }) => {
      const story = await resolveOneStory(opts.story);
      const t = timeline(story);
      process.stdout.write((opts.json ? JSON.stringify(timelineJson(t), null, 2) : toText(timelineReply(t, story))) + "\n");
    });
}
