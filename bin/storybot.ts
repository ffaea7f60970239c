#!/usr/bin/env node
/**
 * The storybot command line: the commands of commands/ (through src/cli/command-line.ts), and
 * start and deploy, each registered here.
 * Subcommand modules are imported on demand, only the one that runs: `storybot ask` must not
 * wait ~1 s for discord.js, which `start` needs (docs/scale.md). Add new subcommands to the table.
 */
import { Command, CommanderError } from "commander";
import type { AnyCommand } from "../commands/command.js";

type Register = (program: Command) => void;

/** A command of commands/, registered from its declaration (src/cli/command-line.ts). */
const fromCommands = (load: () => Promise<AnyCommand>) => async (): Promise<Register> => {
  const [{ registerCommand }, command] = await Promise.all([import("../src/cli/command-line.js"), load()]);
  return (program) => void registerCommand(program, command);
};

const SUBCOMMANDS: Record<string, () => Promise<Register>> = {
  ask: async () => (await import("../src/cli/ask.js")).registerAsk,
  stories: fromCommands(async () => (await import("../commands/stories.js")).stories),
  summary: fromCommands(async () => (await import("../commands/summary.js")).summary),
  timeline: fromCommands(async () => (await import("../commands/timeline.js")).timeline),
  facts: fromCommands(async () => (await import("../commands/facts.js")).facts),
  who: fromCommands(async () => (await import("../commands/who.js")).who),
  feedback: fromCommands(async () => (await import("../commands/feedback.js")).feedback),
  story: async () => (await import("../src/cli/story.js")).registerStory,
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
