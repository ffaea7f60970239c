/** /timeline [private]: the story's dated events, oldest first, each cited by paragraph. */
import { timeline as storyTimeline } from "../src/engine/index.js";
import { timelineReply, type TimelineLike } from "../src/render/timeline.js";
import { defineCommand, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";

/** The documented JSON shape: {story, events: [{date, precision, text, paragraph, when}], undated: [{when, text, paragraph}]}. */
export type TimelineResult = TimelineLike;

export const timeline = defineCommand({
  data: { name: "timeline", description: "The story's dated events in order, each cited by paragraph", options: [storyOption, privateOption], ...postsInChannel } as const satisfies CommandData,
  query(args, ctx): TimelineResult {
    const t = storyTimeline(ctx.stories.pick(args.story));
    return {
      story: t.story,
      events: t.events.map(({ date, precision, text, paragraph, when }) => ({ date, precision, text, paragraph, when })),
      undated: t.undated.map(({ when, text, paragraph }) => ({ when, text, paragraph })),
    };
  },
  render: (result, ctx) => timelineReply(result, ctx.stories.card(result.story)),
});
