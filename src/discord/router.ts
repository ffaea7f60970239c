/**
 * Where Discord events meet the commands: slash commands, their autocomplete, the buttons on replies
 * and messages that mention the bot. Every interaction is answered once; no error escapes. Each
 * handler runs as part of the bot's workload, so that a shutdown can wait for it; once the workload
 * is closed, new interactions get a short "restarting" note instead of an answer.
 */
import { Events, type ButtonInteraction, type ChatInputCommandInteraction, type Client, type Interaction } from "discord.js";
import type { Logger } from "pino";
import type { Command, CommandContext, OptionReader } from "../../commands/command.js";
import { execute, newRef } from "../../commands/execute.js";
import { readOptions } from "../../commands/options.js";
import type { Stories } from "../../commands/stories-service.js";
import { toDiscordMessage } from "../render/discord-message.js";
import { cooldownReply, failureReply, noticeReply } from "../render/notices.js";
import { decodeAction } from "../render/reply.js";
import { answerAutocomplete } from "./autocomplete.js";
import type { Cooldown } from "./cooldown.js";
import { hideInteractionToken, isUnknownInteraction } from "./discord-errors.js";
import { answerMention } from "./mentions.js";
import { DEFER_AFTER_MS, Responder } from "./responder.js";
import type { Workload } from "./workload.js";

export interface RouterDeps {
  commands: Command[];
  stories: Stories;
  log: Logger;
  cooldown: Cooldown;
  deferAfterMs?: number;
}

const RESTARTING = "storybot is restarting: please ask again in a moment.";

/** Runs `command` for an interaction with a Responder that answers exactly once. */
async function runForInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, command: Command, options: () => OptionReader, isPrivate: boolean, deps: RouterDeps): Promise<void> {
  const responder = new Responder(interaction, isPrivate, deps.log);
  // Discord's 3 s run from when the interaction was created, not from when it reached us: one replayed
  // after a RESUME, or queued behind a burst, has less time left
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  if (command.slow) await responder.defer();
  else responder.deferAfter(Math.max(0, (deps.deferAfterMs ?? DEFER_AFTER_MS) - age));
  const base: Omit<CommandContext, "options"> = {
    stories: deps.stories,
    log: deps.log,
    user: { id: interaction.user.id, name: interaction.user.username },
    reply: (reply) => responder.send(isPrivate ? { ...reply, private: true } : reply),
  };
  try {
    await execute(command, base, options);
    if (!responder.settled) {
      const ref = newRef();
      deps.log.error({ ref, command: command.name }, "command finished without replying");
      await responder.send(failureReply(ref));
    }
  } finally {
    responder.finish();
  }
}

/** The cooldown's note, if the user is over the limit (every interaction still gets an answer). */
async function refusedByCooldown(interaction: ChatInputCommandInteraction | ButtonInteraction, deps: RouterDeps): Promise<boolean> {
  const verdict = deps.cooldown.take(interaction.user.id);
  if (verdict.ok) return false;
  await interaction.reply(toDiscordMessage(cooldownReply(verdict.retryAfterMs)));
  return true;
}

/** While stopping: a quick note (and no suggestions), so that nothing delivered goes unanswered. */
async function turnAway(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply(toDiscordMessage(noticeReply(RESTARTING)));
}

async function onInteraction(interaction: Interaction, byName: Map<string, Command>, deps: RouterDeps): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, byName.get(interaction.commandName), deps.stories, deps.log);
  if (interaction.isChatInputCommand()) {
    const command = byName.get(interaction.commandName);
    if (!command) return void (await interaction.reply(toDiscordMessage(noticeReply(`I don't know /${interaction.commandName} any more: the command list needs deploying again.`))));
    if (await refusedByCooldown(interaction, deps)) return;
    return runForInteraction(interaction, command, () => interaction.options, interaction.options.getBoolean("private") ?? false, deps);
  }
  if (interaction.isButton()) {
    const action = decodeAction(interaction.customId);
    const command = action && byName.get(action.command);
    if (!action || !command) return void (await interaction.reply(toDiscordMessage(noticeReply("This button no longer works."))));
    if (await refusedByCooldown(interaction, deps)) return;
    // what a button reveals is shown to the one who clicked it
    return runForInteraction(interaction, command, () => readOptions(command, action.options), true, deps);
  }
}

/** Call before login(), so that no event arrives before its handler. */
export function attachHandlers(client: Client, deps: RouterDeps, workload: Workload): void {
  const byName = new Map(deps.commands.map((c) => [c.name, c]));
  const ask = byName.get("ask");
  client.on(Events.InteractionCreate, (interaction) => {
    const work = workload.accepting ? onInteraction(interaction, byName, deps) : turnAway(interaction);
    workload.track(
      work.catch((err) => {
        if (isUnknownInteraction(err)) deps.log.warn({ interaction: interaction.id }, "interaction expired before it was answered (10062 Unknown interaction)");
        else deps.log.error({ err: hideInteractionToken(err, interaction.token), interaction: interaction.id }, "could not answer an interaction");
      }),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    // a mention has no deadline and nothing to acknowledge: while stopping it is simply not taken
    if (!ask || !workload.accepting) return;
    workload.track(answerMention(message, ask, deps).catch((err) => deps.log.error({ err, message: message.id }, "could not answer a mention")));
  });
}
