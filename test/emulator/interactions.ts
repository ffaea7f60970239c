/** Gateway payloads of what users do: slash commands, autocomplete, button clicks, messages. */
import { snowflake, randomToken } from "./ids.js";
import { member, messageObject, type EmulatedGuild, type EmulatedUser, type World } from "./world.js";

type OptionValue = string | number | boolean;

const OPTION_TYPE = (v: OptionValue) => (typeof v === "boolean" ? 5 : typeof v === "number" ? (Number.isInteger(v) ? 4 : 10) : 3);

function base(world: World, who: EmulatedUser, type: number, guild: EmulatedGuild) {
  return {
    id: snowflake(),
    application_id: world.application.id,
    type,
    token: randomToken("interaction"),
    version: 1,
    guild_id: guild.id,
    channel_id: guild.channelId,
    channel: { id: guild.channelId, type: 0 },
    member: member(who),
    locale: "en-US",
    guild_locale: "en-US",
    app_permissions: "2251799813685247",
    // discord.js 14.28 reads both; without them the event never fires
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
  };
}

function options(values: Record<string, OptionValue>, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({ name, type: OPTION_TYPE(value), value, ...(name === focused ? { focused: true } : {}) }));
}

export function slashCommand(world: World, who: EmulatedUser, name: string, values: Record<string, OptionValue> = {}, guild = world.guild) {
  return { ...base(world, who, 2, guild), data: { id: snowflake(), name, type: 1, options: options(values) } };
}

export interface SubcommandOptions {
  guild?: EmulatedGuild;
  /** the member's permissions in the guild, as Discord's decimal bit string (default: all) */
  permissions?: string;
  /** attachment options, by option name (uploaded through emulator.attachments) */
  attachments?: Record<string, { id: string }>;
  /** the option being typed, for an autocomplete of a subcommand's option */
  focused?: string;
}

/** `/name sub option:value …`, as a slash command or (with `focused`) an autocomplete of it. */
export function subcommand(world: World, who: EmulatedUser, name: string, sub: string, values: Record<string, OptionValue> = {}, o: SubcommandOptions = {}) {
  const guild = o.guild ?? world.guild;
  const interaction = base(world, who, o.focused ? 4 : 2, guild);
  const files = Object.entries(o.attachments ?? {});
  const subOptions = [...options(values, o.focused), ...files.map(([option, a]) => ({ name: option, type: 11, value: a.id }))];
  return {
    ...interaction,
    member: { ...interaction.member, permissions: o.permissions ?? interaction.member.permissions },
    data: { id: snowflake(), name, type: 1, options: [{ name: sub, type: 1, options: subOptions }], ...(files.length ? { resolved: { attachments: Object.fromEntries(files.map(([, a]) => [a.id, a])) } } : {}) },
  };
}

export function autocomplete(world: World, who: EmulatedUser, name: string, values: Record<string, OptionValue>, focused: string, guild = world.guild) {
  return { ...base(world, who, 4, guild), data: { id: snowflake(), name, type: 1, options: options(values, focused) } };
}

export function buttonClick(world: World, who: EmulatedUser, customId: string, message: Record<string, unknown>, guild = world.guild) {
  return { ...base(world, who, 3, guild), message, data: { custom_id: customId, component_type: 2 } };
}

export function userMessage(world: World, author: EmulatedUser, content: string, mentions: EmulatedUser[] = []) {
  return { ...messageObject(world, { author, content, mentions }), member: { ...member(author), user: undefined } };
}
