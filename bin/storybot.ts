#!/usr/bin/env node
/** The storybot command line: each subcommand lives in src/cli/ and registers itself here. */
import { Command, CommanderError } from "commander";
import { registerAsk } from "../src/cli/ask.js";
import { registerStories } from "../src/cli/stories.js";
import { registerSummary } from "../src/cli/summary.js";
import { registerTimeline } from "../src/cli/timeline.js";
import { registerFacts } from "../src/cli/facts.js";
import { registerWho } from "../src/cli/who.js";
import { registerStart } from "../src/cli/start.js";
import { registerDeploy } from "../src/cli/deploy.js";

const program = new Command()
  .name("storybot")
  .description("Answers quick factual questions about a news story, with the sentence and paragraph it comes from.")
  .exitOverride()
  .showHelpAfterError();

registerAsk(program);
registerStories(program);
registerSummary(program);
registerTimeline(program);
registerFacts(program);
registerWho(program);
registerStart(program);
registerDeploy(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  process.stderr.write(`storybot: ${(err as Error).message}\n`);
  process.exit(2);
}
