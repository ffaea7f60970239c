/** The fixed cast of the emulated Discord: the bot's application, guilds with one text channel each, and users. */
import { DISCORD_EPOCH_MS, snowflake, snowflakeAt } from "./ids.js";

export interface EmulatedUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface EmulatedGuild {
  id: string;
  name: string;
  channelId: string;
}

export interface World {
  token: string;
  application: { id: string; flags: number };
  bot: EmulatedUser;
  /** the first of `guilds`, where tests act unless they pick another */
  guild: EmulatedGuild;
  guilds: EmulatedGuild[];
}

/** lcm(1…12): a time since Discord's epoch that is a multiple of it is ≡ 0 modulo every shard count up to 12 */
const ALIGN_MS = 27_720;

export function createWorld(token: string, guildCount = 1): World {
  const appId = snowflake();
  // guild i is minted i ms after an aligned instant: with n ≤ 12 shards it lands on shard i % n
  const aligned = Date.now() - ((Date.now() - DISCORD_EPOCH_MS) % ALIGN_MS) - ALIGN_MS;
  const guilds = Array.from({ length: guildCount }, (_, i) => ({ id: snowflakeAt(aligned + i), name: `Emulated guild ${i + 1}`, channelId: snowflake() }));
  return {
    token,
    application: { id: appId, flags: 0 },
    bot: { id: appId, username: "storybot", global_name: null, discriminator: "0", avatar: null, bot: true },
    guild: guilds[0]!,
    guilds,
  };
}

export function user(name: string, bot = false): EmulatedUser {
  return { id: snowflake(), username: name, global_name: name, discriminator: "0", avatar: null, ...(bot ? { bot: true } : {}) };
}

export function member(u: EmulatedUser) {
  return { user: u, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: "2251799813685247" };
}

export function guildCreate(world: World, guild: EmulatedGuild = world.guild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: world.bot.id,
    unavailable: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    member_count: 2,
    features: [],
    channels: [{ id: guild.channelId, type: 0, name: "general", position: 0, guild_id: guild.id, permission_overwrites: [] }],
    roles: [{ id: guild.id, name: "@everyone", permissions: "2251799813685247", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    members: [member(world.bot)],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** A message as Discord returns it from REST and sends it over the gateway. */
export function messageObject(world: World, fields: { id?: string; author: EmulatedUser; content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number; mentions?: EmulatedUser[]; message_reference?: unknown; webhook_id?: string; interaction_token?: string }, guild: EmulatedGuild = world.guild) {
  return {
    id: fields.id ?? snowflake(),
    channel_id: guild.channelId,
    guild_id: guild.id,
    author: fields.author,
    content: fields.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    type: fields.message_reference ? 19 : 0,
    flags: fields.flags ?? 0,
    ...(fields.message_reference ? { message_reference: fields.message_reference } : {}),
    ...(fields.webhook_id ? { webhook_id: fields.webhook_id } : {}),
  };
}
