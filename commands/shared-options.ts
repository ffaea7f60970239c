/** Options several commands declare, and the settings of commands that post in a channel. */
import { Context, Integration, OptionType, Permission, type CommandData } from "./command.js";

type Settings = Pick<CommandData, "default_member_permissions" | "contexts" | "integration_types">;

/** Which story (autocompleted with the loaded ones); `all` lets a question find its story. */
export const storyOption = { type: OptionType.String, name: "story", description: "which story to ask about (default: the current one)", autocomplete: true, max_length: 100 } as const;

/** Someone the reply mentions on purpose (pinged), as the discord.js team's own /tag does. */
export const targetOption = { type: OptionType.User, name: "target", description: "someone to show the answer to: they are mentioned (pinged)" } as const;

/** Only the asker sees the reply. */
export const privateOption = { type: OptionType.Boolean, name: "private", description: "only you see the answer" } as const;

/**
 * Commands that post in the channel: usable by members who may send messages there (the server can
 * change this in its integration settings), in servers and in the bot's DMs, installed with the bot.
 */
export const postsInChannel: Settings = {
  default_member_permissions: Permission.SendMessages,
  contexts: [Context.Guild, Context.BotDM],
  integration_types: [Integration.GuildInstall],
};

/** Commands whose reply only the user sees: open to everyone wherever the bot is. */
export const answersPrivately: Settings = {
  contexts: [Context.Guild, Context.BotDM],
  integration_types: [Integration.GuildInstall],
};
