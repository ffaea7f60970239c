/**
 * Every slash command of the bot. To add one, write `commands/<name>.ts` exporting a `defineCommand(...)`
 * and add it to this list: `storybot deploy` registers it, and the Discord router, buttons, mentions and
 * the local console run it through the one pipeline (pipeline.ts). docs/discord.md says how.
 */
import type { AnyCommand } from "./command.js";
import { ask } from "./ask.js";
import { who } from "./who.js";
import { when } from "./when.js";
import { where } from "./where.js";
import { source } from "./source.js";
import { stories } from "./stories.js";
import { help } from "./help.js";
import { summary } from "./summary.js";
import { timeline } from "./timeline.js";
import { facts } from "./facts.js";
import { feedback } from "./feedback.js";
import { vote } from "./vote.js";
import { story } from "./story.js";

export const commands: AnyCommand[] = [ask, who, when, where, source, stories, help, summary, timeline, facts, feedback, story];

/** Commands that only buttons run (👍/👎): never registered as slash commands. */
export const buttonCommands: AnyCommand[] = [vote];

export type { AnyCommand, Command } from "./command.js";
