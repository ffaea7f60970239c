#!/usr/bin/env node
/**
 * The storybot command line: each subcommand lives in src/cli/ and registers itself here.
 * Subcommand modules are imported on demand, only the one that runs: `storybot ask` must not
 * wait ~1 s for discord.js, which `start` needs (docs/scale.md). Add new subcommands to the table.
 */
import { Command, CommanderError } from "commander";

type Register = (program: Command) => void;

const SUBCOMMANDS: Record<string, () => Promise<Register>> = {
  ask: async () => (await import("../src/cli/ask.js")).registerAsk,
  stories: async () => (await import("../src/cli/stories.js")).registerStories,
  summary: async () => (await import("../src/cli/summary.js")).registerSummary,
  timeline: async () => (await import("../src/cli/timeline.js")).registerTimeline,
  facts: async () => (await import("../src/cli/facts.js")).registerFacts,
  who: async () => (await import("../src/cli/who.js")).registerWho,
  start: async () => (await import("../src/cli/start.js")).registerStart,
  deploy: async () => (await import("../src/cli/deploy.js")).registerDeploy,
};

const program = new Command()
  .name("storybot")
  .description("Answers quick factual questions about a news story, with the sentence and paragraph it comes from.")
  .exitOverride()
  .showHelpAfterError();

try {
  // the subcommand named on the command line; help, or anything else, gets all of them
  const named = process.argv.slice(2).find((a) => !a.startsWith("-"));
  const wanted = named && Object.hasOwn(SUBCOMMANDS, named) ? [named] : Object.keys(SUBCOMMANDS);
  for (const name of wanted) (await SUBCOMMANDS[name]!())(program);
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  process.stderr.write(`storybot: ${(err as Error).message}\n`);
  process.exit(2);
}
