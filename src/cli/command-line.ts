/**
 * A command of commands/ as a `storybot` subcommand, built from its declaration: its first required
 * text option is the words after the subcommand, every other option a flag (`--length long`,
 * `--story PATH`), and `--json` prints the query result instead of the reply. It runs through the
 * same pipeline as Discord and the console; a user's mistake goes to stderr with exit status 2.
 * Options that mean nothing on a terminal (private, a user to mention) are left out.
 */
import { Option, type Command as Program } from "commander";
import type { RawOptions } from "../../commands/arguments.js";
import { OptionType, type AnyCommand, type Log } from "../../commands/command.js";
import { runCommand, type Face, type Outcome } from "../../commands/pipeline.js";
import type { Reply } from "../render/reply.js";
import { toText } from "../render/text-message.js";
import { database, storiesFor } from "./load-stories.js";

type OptionDef = NonNullable<AnyCommand["data"]["options"]>[number];

const TERMINAL_ONLY_SKIPS = new Set(["private"]);
const STORY_FLAG = "--story <id|path|dir|all>";
const STORY_HELP = 'a story id from data/stories, a path to an article or a directory of articles, or "all" (a question goes to the story that answers it best)';

/** Problems go to stderr as one line each; the command line has no log to keep. */
export const stderrLog: Log = {
  error: (fields, message) => process.stderr.write(`storybot: ${message}${"err" in fields && fields.err instanceof Error ? `: ${fields.err.stack ?? fields.err.message}` : ""}\n`),
  warn: (_fields, message) => process.stderr.write(`storybot: ${message}\n`),
  info: () => undefined,
};

const CALLER = { user: { id: "cli", name: "cli" }, guild: null, channel: null };

/** How the command line shows what a run became: the reply as text (no buttons to click), or the result as JSON. */
export function terminalFace(json: boolean, print: (text: string) => void = (text) => process.stdout.write(text + "\n")): Face {
  return {
    ...CALLER,
    async send(reply: Reply, outcome: Outcome) {
      if (outcome.kind === "user-error") {
        process.stderr.write(`storybot: ${outcome.message}\n`);
        process.exitCode = 2;
        return;
      }
      // the failure itself is already on stderr (stderrLog)
      if (outcome.kind === "failure") {
        process.exitCode = 1;
        return;
      }
      print(json && outcome.kind === "result" ? JSON.stringify(outcome.result, null, 2) : toText({ ...reply, actions: [] }));
    },
  };
}

/** Runs `command` once with the options the command line gave. */
export async function runOnCommandLine(command: AnyCommand, raw: RawOptions, json: boolean): Promise<Outcome> {
  const { stories, ref } = await storiesFor(typeof raw.story === "string" ? raw.story : undefined);
  const options = ref === undefined ? withoutStory(raw) : { ...raw, story: ref };
  // no conversation: each run of the command line stands alone
  return runCommand(command, options, terminalFace(json), { stories, log: stderrLog, services: { feedback: database().feedback } });
}

function withoutStory(raw: RawOptions): RawOptions {
  const { story: _story, ...rest } = raw;
  return rest;
}

/** The option the words after the subcommand fill: the first required text option. */
export function wordsOption(command: AnyCommand): OptionDef | undefined {
  return command.data.options?.find((o: OptionDef) => o.required && o.type === OptionType.String);
}

function flagOf(def: OptionDef): Option {
  if (def.name === "story") return new Option(STORY_FLAG, STORY_HELP);
  const option = new Option(def.type === OptionType.Boolean ? `--${def.name}` : `--${def.name} <${def.name}>`, def.description);
  return def.choices ? option.choices(def.choices.map((c) => String(c.value))) : option;
}

/** Registers `command` as a subcommand; returns it, for extra flags. */
export function registerCommand(program: Program, command: AnyCommand, action?: (raw: RawOptions, flags: Record<string, unknown>) => Promise<boolean>): Program {
  const words = wordsOption(command);
  const sub = program.command(command.name).description(command.data.description);
  if (words) sub.argument(`[${words.name}...]`, words.description);
  for (const def of command.data.options ?? []) {
    if (def === words || def.type === OptionType.User || TERMINAL_ONLY_SKIPS.has(def.name)) continue;
    sub.addOption(flagOf(def));
  }
  sub.option("--json", "print the result as JSON");
  sub.action(async (...params: unknown[]) => {
    const flags = (words ? params[1] : params[0]) as Record<string, unknown>;
    const raw: RawOptions = {};
    if (words) raw[words.name] = (params[0] as string[]).join(" ");
    for (const def of command.data.options ?? []) {
      const value = flags[def.name];
      if (typeof value === "string" || typeof value === "boolean") raw[def.name] = value;
    }
    if (action && (await action(raw, flags))) return;
    await runOnCommandLine(command, raw, flags.json === true);
  });
  return sub;
}
