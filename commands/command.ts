/**
 * The shape of a slash command, shared by every adapter (Discord interactions, mentions, buttons,
 * the local console). A command module exports one `Command`: its definition, built with
 * SlashCommandBuilder, and a handler that reads options, asks the engine and replies once.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody, SharedSlashCommand } from "discord.js";
import type { Logger } from "pino";
import type { Reply } from "../src/render/reply.js";
import type { Stories } from "./stories-service.js";

/** The subset of discord.js's option resolver that commands use; the console implements it too. */
export interface OptionReader {
  getString(name: string, required: true): string;
  getString(name: string, required?: boolean): string | null;
  getInteger(name: string, required: true): number;
  getInteger(name: string, required?: boolean): number | null;
  getBoolean(name: string, required: true): boolean;
  getBoolean(name: string, required?: boolean): boolean | null;
}

export interface CommandContext {
  options: OptionReader;
  stories: Stories;
  user: { id: string; name: string };
  log: Logger;
  /** Sends the answer; an adapter shows the first call as the reply and any later one as a follow-up. */
  reply(reply: Reply): Promise<void>;
}

export interface Choice {
  name: string;
  value: string;
}

export interface AutocompleteContext {
  /** the option being typed and what is typed so far */
  focused: { name: string; value: string };
  options: OptionReader;
  stories: Stories;
}

export interface Command {
  name: string;
  /** what Discord registers (the PUT body of `storybot deploy`), and what the console reads option types from */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(ctx: CommandContext): Promise<void> | void;
  /** choices for an option declared with autocomplete (the `story` option is answered for every command) */
  autocomplete?(ctx: AutocompleteContext): Choice[] | Promise<Choice[]>;
  /** set for commands that can take more than a moment: the Discord adapter defers straight away */
  slow?: boolean;
}

/** A mistake the user can fix (unknown story, paragraph out of range): shown to them as it is, privately. */
export class UserError extends Error {}

export function defineCommand(spec: { data: SharedSlashCommand } & Omit<Command, "name" | "data">): Command {
  const data = spec.data.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody;
  return { ...spec, name: data.name, data };
}
