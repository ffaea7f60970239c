/**
 * Runs the real command handlers the way each adapter does, without Discord: options as Discord's
 * own resolver reads them from an interaction, or as text (console lines, mentions, button ids)
 * checked by readOptions. Every reply is collected, and every error the handler let slip (logged by
 * `execute` as "command failed") is collected too: a property fails on either a bad reply or a slip.
 */
import { ApplicationCommandOptionType, CommandInteractionOptionResolver, type APIApplicationCommandOption, type CommandInteractionOption } from "discord.js";
import fc from "fast-check";
import type { Command, CommandContext, OptionReader } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { execute } from "../../commands/execute.js";
import { readOptions } from "../../commands/options.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";
import type { Reply } from "../../src/render/reply.js";
import { hostileText } from "./hostile-text.js";

export type OptionValue = string | number | boolean;

/** The shipped story and one test article, so that `story:` has a real choice to make. */
export async function loadTestStories(): Promise<Stories> {
  const library = await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR);
  const extra = await StoryLibrary.fromDirectory(new URL("../fixtures/engine", import.meta.url).pathname);
  for (const id of extra.ids()) library.add(extra.get(id)!);
  return new Stories(library);
}

/**
 * The resolver discord.js builds from an interaction's options (ChatInputCommandInteraction does
 * exactly this); its constructor is private in the typings only.
 */
function discordOptions(command: Command, values: Record<string, OptionValue>): OptionReader {
  const defs = command.data.options ?? [];
  const data = Object.entries(values).map(([name, value]) => ({ name, type: defs.find((d) => d.name === name)!.type, value }) as CommandInteractionOption);
  const Resolver = CommandInteractionOptionResolver as unknown as new (client: null, options: CommandInteractionOption[], resolved: object) => OptionReader;
  return new Resolver(null, data, {});
}

export interface Run {
  replies: Reply[];
  /** errors the handler did not turn into a user message */
  slips: unknown[];
}

export type Via = "discord" | "text";

/** Runs `command` once, through `execute` as every adapter does. */
export async function runCommand(command: Command, values: Record<string, OptionValue>, via: Via, stories: Stories): Promise<Run> {
  const run: Run = { replies: [], slips: [] };
  const log = createLogger({ level: "error", destination: { write: (line: string) => void run.slips.push(JSON.parse(line)) } });
  const base: Omit<CommandContext, "options"> = {
    stories,
    log,
    user: { id: "fuzz", name: "fuzz" },
    reply: async (reply) => void run.replies.push(reply),
  };
  const text = () => readOptions(command, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  await execute(command, base, via === "discord" ? () => discordOptions(command, values) : text);
  return run;
}

/** A value for one option as it can arrive: Discord sends the declared type; text can be anything. */
function valueFor(def: APIApplicationCommandOption, via: Via, storyIds: string[]): fc.Arbitrary<OptionValue> {
  if (def.name === "story") return fc.oneof(hostileText, fc.constantFrom(...storyIds));
  if (via === "text") {
    if (def.type === ApplicationCommandOptionType.Integer) return fc.oneof(hostileText, fc.integer({ min: -5, max: 50 }).map(String));
    if (def.type === ApplicationCommandOptionType.Boolean) return fc.oneof(hostileText, fc.constantFrom("true", "false"));
    return hostileText;
  }
  if (def.type === ApplicationCommandOptionType.Integer) return fc.integer({ min: -(2 ** 31), max: 2 ** 31 });
  if (def.type === ApplicationCommandOptionType.Boolean) return fc.boolean();
  return hostileText;
}

/** A command and options for it: required ones always, optional ones sometimes. */
export function commandInput(via: Via, storyIds: string[]): fc.Arbitrary<{ command: Command; values: Record<string, OptionValue> }> {
  return fc.constantFrom(...commands).chain((command) => {
    const defs = command.data.options ?? [];
    const entries = defs.map((def) => {
      const value = valueFor(def, via, storyIds);
      const required = "required" in def && def.required === true;
      return required ? value : fc.option(value, { nil: undefined });
    });
    return fc.tuple(...entries).map((vs) => ({
      command,
      values: Object.fromEntries(defs.flatMap((d, i) => (vs[i] === undefined ? [] : [[d.name, vs[i]!]]))),
    }));
  });
}
