/** Autocomplete answered directly (it cannot be deferred), always within Discord's rules for choices. */
import type { AutocompleteInteraction } from "discord.js";
import type { AnyCommand, Choice, Log } from "../../commands/command.js";
import type { Stories } from "../../commands/stories-service.js";
import { cutPlain } from "../render/rich.js";

export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** At most 25 choices, names and values 1–100 characters, no value twice. */
export function validChoices(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    const value = c.value.trim();
    const name = cutPlain(c.name.replace(/\s+/g, " ").trim(), MAX_CHOICE_LENGTH);
    // a value cannot be shortened without changing what is submitted: leave long ones out
    if (!name || !value || value.length > MAX_CHOICE_LENGTH || seen.has(value)) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

export async function answerAutocomplete(interaction: AutocompleteInteraction, command: AnyCommand | undefined, stories: Stories, log: Log): Promise<void> {
  let choices: Choice[] = [];
  try {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value);
    if (focused.name === "story") choices = stories.choices(typed);
    else {
      // the other options as typed so far, unchecked: a half-written value must not stop the suggestions
      const args = Object.fromEntries(interaction.options.data.flatMap((o) => (o.focused || o.value === undefined ? [] : [[o.name, o.value]])));
      if (command?.autocomplete) choices = await command.autocomplete({ focused: { name: focused.name, value: typed }, args, stories });
    }
  } catch (err) {
    log.warn({ err, command: interaction.commandName }, "autocomplete failed; answering with no choices");
  }
  await interaction.respond(validChoices(choices));
}
