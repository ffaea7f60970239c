/**
 * Where Discord events meet the commands: slash commands, their autocomplete, the buttons on replies
 * and messages that mention the bot. Every interaction is answered once; no error escapes.
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
import { answerMention } from "./mentions.js";
import { DEFER_AFTER_MS, Responder } from "./responder.js";

export interface RouterDeps {
  commands: Command[];
  stories: Stories;
  log: Logger;
  cooldown: Cooldown;
  deferAfterMs?: number;
}

/** Runs `command` for an interaction with a Responder that answers exactly once. */
async function runForInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, command: Command, options: () => OptionReader, isPrivate: boolean, deps: RouterDeps): Promise<void> {
  const responder = new Responder(interaction, isPrivate);
  if (command.slow) await responder.defer();
  else responder.deferAfter(deps.deferAfterMs ?? DEFER_AFTER_MS);
  const base: Omit<CommandContext, "options"> = {
    stories: deps.stories,
    log: deps.log,
    user: { id: interaction.user.id, name: interaction.user.username },
    reply: (reply) => responder.send(isPrivate ? { ...reply, private: true } : reply),
  };
  try {
    await execute(command, base, options);
    if (!responder.answered) {
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
export function attachHandlers(client: Client, deps: RouterDeps): void {
  const byName = new Map(deps.commands.map((c) => [c.name, c]));
  const ask = byName.get("ask");
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction, byName, deps).catch((err) => deps.log.error({ err, interaction: interaction.id }, "could not answer an interaction"));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!ask) return;
    answerMention(message, ask, deps).catch((err) => deps.log.error({ err, message: message.id }, "could not answer a mention"));
  });
}
