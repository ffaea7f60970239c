/**
 * Where Discord events meet the commands: slash commands, their autocomplete, the buttons on replies
 * and messages that mention the bot, each run through the one pipeline (commands/pipeline.ts).
 * Every interaction is answered once; no error escapes. Each
 * handler runs as part of the bot's workload, so that a shutdown can wait for it; once the workload
 * is closed, new interactions get a short "restarting" note instead of an answer.
 */
import { ApplicationCommandOptionType, Events, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction, type Client, type Interaction } from "discord.js";
import type { Logger } from "pino";
import { SUBCOMMAND, type RawOptions, type RawValue } from "../../commands/arguments.js";
import type { AnyCommand } from "../../commands/command.js";
import { buttonCommands } from "../../commands/index.js";
import type { Cooldown } from "../../commands/cooldown.js";
import { runCommand, storiesIn, type Face, type PipelineDeps } from "../../commands/pipeline.js";
import { toDiscordMessage } from "../render/discord-message.js";
import { noticeReply } from "../render/notices.js";
import { decodeAction } from "../render/reply.js";
import { answerAutocomplete } from "./autocomplete.js";
import { hideInteractionToken, isAlreadyAcknowledged, isUnknownInteraction } from "./discord-errors.js";
import { RecentIds } from "./recent-ids.js";
import { answerMention, turnAwayMention } from "./mentions.js";
import { DEFER_AFTER_MS, Responder } from "./responder.js";
import type { Workload } from "./workload.js";

export interface RouterDeps extends PipelineDeps {
  log: Logger;
  commands: AnyCommand[];
  cooldown: Cooldown;
  deferAfterMs?: number;
}

const RESTARTING = "storybot is restarting: please ask again in a moment.";

/** A command's options as Discord sent them (typed; a user option is the user's id, a file its name, size and address; a subcommand its name and options). */
export function optionsOf(interaction: ChatInputCommandInteraction): RawOptions {
  const top = interaction.options.data;
  const sub = top.length === 1 && top[0]!.type === ApplicationCommandOptionType.Subcommand ? top[0]! : null;
  const options = (sub ? (sub.options ?? []) : top).flatMap((o): [string, RawValue][] => {
    if (o.attachment) return [[o.name, { name: o.attachment.name, size: o.attachment.size, url: o.attachment.url }]];
    return o.value === undefined ? [] : [[o.name, o.value]];
  });
  return Object.fromEntries(sub ? [[SUBCOMMAND, sub.name], ...options] : options);
}

/** Runs `command` through the pipeline with a Responder that answers the interaction exactly once. */
async function runForInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, command: AnyCommand, raw: RawOptions, extra: Pick<Face, "click" | "private">, deps: RouterDeps): Promise<void> {
  // Discord's 3 s run from when the interaction was created, not from when it reached us: one replayed
  // after a RESUME, or queued behind a burst, has less time left
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  let responder: Responder | undefined;
  // a deferral fixes the reply's visibility: the Responder is made once it is known
  const open = (isPrivate: boolean) => (responder ??= new Responder(interaction, isPrivate, deps.log));
  const face: Face = {
    user: { id: interaction.user.id, name: interaction.user.username },
    guild: interaction.guildId,
    channel: interaction.channelId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    ...extra,
    answersEveryRun: true,
    async begin(run) {
      const r = open(run.private);
      if (run.command.slow) await r.defer();
      else r.deferAfter(Math.max(0, (deps.deferAfterMs ?? DEFER_AFTER_MS) - age));
    },
    send: (reply) => open(reply.private ?? false).send(reply),
    settled: () => responder?.settled ?? false,
  };
  try {
    await runCommand(command, raw, face, deps);
  } finally {
    responder?.finish();
  }
}

/** While stopping: a quick note (and no suggestions), so that nothing delivered goes unanswered. */
async function turnAway(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply(toDiscordMessage(noticeReply(RESTARTING)));
}

async function onInteraction(interaction: Interaction, byName: Map<string, AnyCommand>, deps: RouterDeps): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, byName.get(interaction.commandName), await storiesIn(interaction.guildId, deps), deps.log);
  if (interaction.isChatInputCommand()) {
    const command = byName.get(interaction.commandName);
    if (!command) return void (await interaction.reply(toDiscordMessage(noticeReply(`I don't know /${interaction.commandName} any more: the command list needs deploying again.`))));
    return runForInteraction(interaction, command, optionsOf(interaction), {}, deps);
  }
  if (interaction.isButton()) {
    const action = decodeAction(interaction.customId);
    const command = action && byName.get(action.command);
    if (!action || !command) return void (await interaction.reply(toDiscordMessage(noticeReply("This button no longer works."))));
    // what a button reveals is shown to the one who clicked it, and a click is not a new question
    return runForInteraction(interaction, command, action.options, { click: true, private: true }, deps);
  }
}

/** Call before login(), so that no event arrives before its handler. */
export function attachHandlers(client: Client, deps: RouterDeps, workload: Workload): void {
  const byName = new Map([...deps.commands, ...buttonCommands].map((c) => [c.name, c]));
  const ask = byName.get("ask");
  const seen = new RecentIds();
  client.on(Events.InteractionCreate, (interaction) => {
    // Discord may deliver an interaction twice (a replay after a resume): it is answered, and charged to the cooldown, once
    if (seen.repeat(interaction.id)) return void deps.log.debug({ interaction: interaction.id }, "duplicate interaction dropped");
    const work = workload.accepting ? onInteraction(interaction, byName, deps) : turnAway(interaction);
    workload.track(
      work.catch((err) => {
        if (isUnknownInteraction(err)) deps.log.warn({ interaction: interaction.id }, "interaction expired before it was answered (10062 Unknown interaction)");
        else if (isAlreadyAcknowledged(err)) deps.log.debug({ interaction: interaction.id }, "already acknowledged by an earlier try of the same request");
        else deps.log.error({ err: hideInteractionToken(err, interaction.token), interaction: interaction.id }, "could not answer an interaction");
      }),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    if (!ask || seen.repeat(message.id)) return;
    // while stopping, a mention gets the same short note as an interaction, and a log line
    const work = workload.accepting ? answerMention(message, ask, deps) : turnAwayMention(message, RESTARTING, deps.log);
    workload.track(work.catch((err) => deps.log.error({ err, message: message.id }, "could not answer a mention")));
  });
}
