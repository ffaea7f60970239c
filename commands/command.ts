/**
 * A command, declared once as plain Discord API data (`as const`, checked against discord-api-types),
 * and split in two: `query` turns the typed arguments and the stories into a result the engine
 * computes (plain JSON, what `storybot <command> --json` prints), and `render` turns that result into
 * a Reply. Every face (slash commands, buttons, mentions, the console, the CLI) runs commands through
 * one pipeline (pipeline.ts); none of them calls `query` or `render` itself.
 *
 * Nothing here loads discord.js or discord-api-types at run time: the declarations use the API's
 * numbers, typed against its enums, so the CLI can load them without paying for either.
 */
import type {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Reply } from "../src/render/reply.js";
import type { Services } from "./services.js";
import type { ServerLibraries } from "../src/servers/server-libraries.js";
import type { Stories } from "./stories-service.js";

/** The option types commands use, as the numbers Discord sends. */
export const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, User: 6, Attachment: 11 } as const satisfies {
  Subcommand: ApplicationCommandOptionType.Subcommand;
  Attachment: ApplicationCommandOptionType.Attachment;
  String: ApplicationCommandOptionType.String;
  Integer: ApplicationCommandOptionType.Integer;
  Boolean: ApplicationCommandOptionType.Boolean;
  User: ApplicationCommandOptionType.User;
};

/** Where a command may be used: servers, the bot's DMs, other DMs and group DMs. */
export const Context = { Guild: 0, BotDM: 1, PrivateChannel: 2 } as const satisfies {
  Guild: InteractionContextType.Guild;
  BotDM: InteractionContextType.BotDM;
  PrivateChannel: InteractionContextType.PrivateChannel;
};

/** How a command is installed: with the bot in a server, or by a user for themselves. */
export const Integration = { GuildInstall: 0, UserInstall: 1 } as const satisfies {
  GuildInstall: ApplicationIntegrationType.GuildInstall;
  UserInstall: ApplicationIntegrationType.UserInstall;
};

/** Permission bits as the decimal strings `default_member_permissions` takes (PermissionFlagsBits). */
export const Permission = { SendMessages: String(1 << 11), ManageGuild: String(1 << 5) } as const;

/** What Discord registers: `storybot deploy` PUTs these as they are. */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

interface OptionDeclaration {
  readonly type: (typeof OptionType)[keyof typeof OptionType];
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
  readonly autocomplete?: boolean;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
  /** a subcommand's own options */
  readonly options?: readonly OptionDeclaration[];
}

/** The part of a declaration the pipeline reads (a declaration is also checked against CommandData). */
export interface Declaration {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionDeclaration[];
}

type ValueOf<O> = O extends { type: 3; choices: readonly { value: infer V }[] }
  ? V
  : O extends { type: 3 | 6 }
    ? string
    : O extends { type: 4 }
      ? number
      : O extends { type: 5 }
        ? boolean
        : never;

type Flat<T> = { [K in keyof T]: T[K] };

/** The typed arguments of a declaration: `{ question: string; story?: string; private?: boolean }`. A user option is the user's id. */
export type ArgumentsOf<D extends Declaration> = D extends { options: readonly (infer O)[] }
  ? Flat<
      { [K in O as K extends { required: true; name: infer N extends string } ? N : never]: ValueOf<K> } & {
        [K in O as K extends { required: true } ? never : K extends { name: infer N extends string } ? N : never]?: ValueOf<K>;
      }
    >
  : Record<string, never>;

/** A mistake the user can fix (unknown story, paragraph out of range): shown to them as it is, privately; on the command line, on stderr with exit status 2. */
export class UserError extends Error {}

/** Who ran a command, and where. */
export interface Caller {
  user: { id: string; name: string };
  /** the member may manage the server (Manage Server): what changing its stories needs */
  canManageServer?: boolean;
  /** a Discord server and channel (a thread is a channel); null on the console and the command line */
  guild: string | null;
  channel: string | null;
  /** the bot's earlier answer (its turn id) that this message replies to: a follow-up of that answer */
  replyTo?: number | null;
  /** the bot's answer a thread was opened on: what a first question in the thread follows up */
  opening?: number | null;
}

/** The subset of pino's logger the pipeline uses; the command line passes a plain stderr one. */
export interface Log {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface QueryContext extends Caller {
  stories: Stories;
  services: Services;
  log: Log;
  /** every server's own library, where the bot keeps them (not on the console or command line) */
  servers?: ServerLibraries;
}

export interface RenderContext {
  stories: Stories;
}

export interface Choice {
  name: string;
  value: string;
}

export interface AutocompleteContext<D extends Declaration = Declaration> {
  /** the option being typed and what is typed so far */
  focused: { name: string; value: string };
  /** the other options as typed so far (unchecked: Discord sends them half-written) */
  args: Partial<ArgumentsOf<D>>;
  stories: Stories;
}

export interface Command<D extends Declaration = Declaration, R = unknown> {
  readonly name: string;
  /** checked against CommandData by defineCommand */
  readonly data: D;
  /** arguments + stories → a plain-JSON result: what the engine says, nothing about how it looks */
  query(args: ArgumentsOf<D>, ctx: QueryContext): R | Promise<R>;
  /** the result as a Reply for Discord and the console (the command line shows it without buttons) */
  render(result: R, ctx: RenderContext): Reply;
  /** choices for an option declared with autocomplete (the `story` option is answered for every command) */
  autocomplete?(ctx: AutocompleteContext<D>): Choice[] | Promise<Choice[]>;
  /** can take more than a moment: Discord defers it straight away */
  readonly slow?: boolean;
  /** every reply is private, whatever the `private` option says (help, lists, server settings) */
  readonly private?: boolean;
}

/** Any command, for lists of them and for the faces, which hand it checked arguments (arguments.ts). */
export interface AnyCommand extends Pick<Command, "name" | "data" | "slow" | "private"> {
  query(args: any, ctx: QueryContext): unknown;
  render(result: any, ctx: RenderContext): Reply;
  autocomplete?(ctx: AutocompleteContext<any>): Choice[] | Promise<Choice[]>;
}

export function defineCommand<D extends Declaration, R>(spec: Omit<Command<D, R>, "name"> & { data: D & CommandData }): Command<D, R> {
  return { ...spec, name: spec.data.name };
}
