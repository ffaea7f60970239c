/**
 * Runs the real commands through the one pipeline the way each face does, without Discord: options
 * typed as Discord sends them, or as text (console lines, mentions, button ids, the command line).
 * Every reply is collected, and every error the command let slip (logged by the pipeline as
 * "command failed") is collected too: a property fails on either a bad reply or a slip.
 */
import { ApplicationCommandOptionType } from "discord.js";
import fc from "fast-check";
import type { AnyCommand, Declaration } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { runCommand as runThroughPipeline } from "../../commands/pipeline.js";
import { Stories } from "../../commands/stories-service.js";
import { DEFAULT_STORY_DIR } from "../../src/config-paths.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";
import type { Reply } from "../../src/render/reply.js";
import { hostileText } from "./hostile-text.js";

export type OptionValue = string | number | boolean;
type OptionDef = NonNullable<Declaration["options"]>[number];

/** The shipped story and one test article, so that `story:` has a real choice to make. */
export async function loadTestStories(): Promise<Stories> {
  const library = await StoryLibrary.fromDirectory(DEFAULT_STORY_DIR);
  const extra = await StoryLibrary.fromDirectory(new URL("../fixtures/engine", import.meta.url).pathname);
  for (const id of extra.ids()) library.add(extra.get(id)!);
  return new Stories(library);
}

export interface Run {
  replies: Reply[];
  /** errors the command did not turn into a user message */
  slips: unknown[];
}

export type Via = "discord" | "text";

/** Runs `command` once through the pipeline, as every face does. */
export async function runCommand(command: AnyCommand, values: Record<string, OptionValue>, via: Via, stories: Stories): Promise<Run> {
  const run: Run = { replies: [], slips: [] };
  const log = createLogger({ level: "error", destination: { write: (line: string) => void run.slips.push(JSON.parse(line)) } });
  const raw = via === "discord" ? values : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  await runThroughPipeline(command, raw, { user: { id: "fuzz", name: "fuzz" }, guild: null, channel: null, send: async (reply) => void run.replies.push(reply) }, { stories, log });
  return run;
}

/** A value for one option as it can arrive: Discord sends the declared type; text can be anything. */
function valueFor(def: OptionDef, via: Via, storyIds: string[]): fc.Arbitrary<OptionValue> {
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
export function commandInput(via: Via, storyIds: string[]): fc.Arbitrary<{ command: AnyCommand; values: Record<string, OptionValue> }> {
  return fc.constantFrom(...commands).chain((command) => {
    const defs: readonly OptionDef[] = command.data.options ?? [];
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
